import KostraData
import Testing

@Suite("The weight indicator of a weighted average")
struct WeightIndicatorTests {
    @Test("\"weight_indicator\" names the indicator that holds each member's denominator")
    func reads() throws {
        let bytes = TestData.file(
            replacing: #""aggregation": "weighted", "service": "grunnskole", "decimals": 1}"#,
            with: #""aggregation": "weighted", "weight_indicator": "grunnskole.elever", "service": "grunnskole", "decimals": 1}, "#
                + #"{"id": "grunnskole.elever", "name_nb": "Elever", "name_en": "Pupils", "unit": "number", "#
                + #""direction": "neutral", "aggregation": "published_only", "service": "grunnskole", "decimals": 0}"#
        )
        let data = try Dataset(jsonBytes: bytes, name: "test")
        #expect(data.indicator(id: "grunnskole.x")?.weightIndicatorId == "grunnskole.elever")
        #expect(data.indicator(id: "grunnskole.elever")?.weightIndicatorId == nil)
    }

    @Test("An unknown weight indicator, or the indicator itself, is refused")
    func refused() {
        let unknown = TestData.file(
            replacing: #""aggregation": "weighted","#,
            with: #""aggregation": "weighted", "weight_indicator": "grunnskole.nope","#
        )
        #expect {
            _ = try Dataset(jsonBytes: unknown, name: "test")
        } throws: { error in
            (error as? DatasetError)?.code == .unknownIndicator && (error as? DatasetError)?.path == "indicators[0].weight_indicator"
        }
        let itself = TestData.file(
            replacing: #""aggregation": "weighted","#,
            with: #""aggregation": "weighted", "weight_indicator": "grunnskole.x","#
        )
        #expect {
            _ = try Dataset(jsonBytes: itself, name: "test")
        } throws: { error in
            (error as? DatasetError)?.code == .invalidValue
        }
    }
}
