import KostraData
import Testing

@Suite("Loading a data file")
struct LoadingTests {
    @Test("A row keyed by a former code lands on the current code, keeping the reported code")
    func formerCodes() throws {
        let data = try Dataset(jsonBytes: TestData.bytes, name: "test")
        let series = data.observations(indicatorId: "grunnskole.x", regionCode: "3201")
        #expect(series.map(\.year) == [2022, 2023, 2024])
        #expect(series.map(\.value) == [1.5, 2.5, 3.5])
        #expect(series.allSatisfy { $0.reportedCode == "3024" && $0.regionCode == "3201" })
        // Asking by the former code gives the same series.
        #expect(data.observations(indicatorId: "grunnskole.x", regionCode: "3024") == series)
        #expect(data.regionCodes(withDataFor: "grunnskole.x") == ["3201", "0301", "ASSS"])
        // A figure under its current code has no reported code.
        #expect(data.observation(indicatorId: "grunnskole.x", regionCode: "0301", year: 2024)?.reportedCode == nil)
    }

    @Test("The name given, not the file's, names the dataset; the table is described")
    func nameAndTables() throws {
        let data = try Dataset(jsonBytes: TestData.bytes, name: "v2025-06")
        #expect(data.name == "v2025-06")
        #expect(data.tables.count == 1)
        #expect(data.tables[0].regionCodes == ["3201", "ASSS"])
        #expect(data.tables[0].source == "Tabell «T»")
        #expect(data.observations.first?.source == "Tabell «T»")
    }

    @Test("The memberwise initializer converts former codes too")
    func memberwiseFormerCodes() throws {
        let data = try Dataset(
            regions: [TestData.region],
            indicators: [TestData.indicator],
            observations: [Observation(indicatorId: "grunnskole.x", regionCode: "3024", year: 2023, value: 2, source: "s")],
            name: "test"
        )
        let observation = try #require(data.observation(indicatorId: "grunnskole.x", regionCode: "3201", year: 2023))
        #expect(observation.reportedCode == "3024")
        #expect(observation.status == .asPublished)
    }

    @Test("A cell note attaches to its cell only")
    func cellNotes() throws {
        let bytes = TestData.file(
            replacing: #""years": [2022, 2023, 2024],"#,
            with: #""years": [2022, 2023, 2024], "cell_notes": [{"row": "3024", "year": 2023, "note": "odd"}],"#
        )
        let data = try Dataset(jsonBytes: bytes, name: "test")
        #expect(data.observation(indicatorId: "grunnskole.x", regionCode: "3201", year: 2023)?.note == "odd")
        #expect(data.observation(indicatorId: "grunnskole.x", regionCode: "3201", year: 2024)?.note == nil)
    }
}
