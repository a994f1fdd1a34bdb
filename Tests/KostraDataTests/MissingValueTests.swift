import KostraData
import Testing

@Suite("A missing value stays missing")
struct MissingValueTests {
    @Test("The assistant table has no ASSS row: no ASSS figure, never 0")
    func assistantsWithoutAverage() throws {
        let data = try Dataset.builtIn()
        let id = "grunnskole.assistentarsverk_per_100_laererarsverk"
        #expect(data.observations(indicatorId: id, regionCode: "ASSS").isEmpty)
        #expect(data.observation(indicatorId: id, regionCode: "ASSS", year: 2024) == nil)
        #expect(data.regionCodes(withDataFor: id) == ["3203", "3201"])
        #expect(data.observation(indicatorId: id, regionCode: "3201", year: 2024)?.value == 13)
    }

    @Test("The chapter prints no production indicator values: none is stored")
    func productionIndicatorsEmpty() throws {
        let data = try Dataset.builtIn()
        for id in ["grunnskole.skolebidrag_1_4", "grunnskole.laeringsmiljo", "grunnskole.andel_6_9_med_sfo_plass", "grunnskole.vurdering_for_laering"] {
            #expect(data.regionCodes(withValuesFor: id).isEmpty, "\(id)")
        }
        // The 8-10 school contribution has stated missing figures, and no value.
        let id = "grunnskole.skolebidrag_8_10"
        #expect(data.regionCodes(withDataFor: id) == ["3201", "ASSS"])
        #expect(data.regionCodes(withValuesFor: id).isEmpty)
        #expect(data.years(of: id) == [2023])
    }

    @Test("A null cell is missing with the table's reason (not_published by default)")
    func nullCell() throws {
        let data = try Dataset(jsonBytes: TestData.bytes, name: "test")
        let observation = try #require(data.observation(indicatorId: "grunnskole.x", regionCode: "ASSS", year: 2023))
        #expect(observation.value == nil)
        #expect(observation.isMissing)
        #expect(observation.missing == .notPublished)
        #expect(observation.missing?.ssbSymbol == "")
        #expect(data.observations(indicatorId: "grunnskole.x", regionCode: "ASSS").map(\.value) == [4, nil, 6])
    }

    @Test("A table may give its own reason for null cells")
    func tableReason() throws {
        let bytes = TestData.file(replacing: #""title": "T","#, with: #""title": "T", "missing_reason": "suppressed","#)
        let data = try Dataset(jsonBytes: bytes, name: "test")
        #expect(data.observation(indicatorId: "grunnskole.x", regionCode: "ASSS", year: 2023)?.missing == .suppressed)
    }

    @Test("SSB's symbols for the reasons")
    func symbols() {
        #expect(MissingReason.notAvailable.ssbSymbol == "..")
        #expect(MissingReason.suppressed.ssbSymbol == ":")
        #expect(MissingReason.notApplicable.ssbSymbol == ".")
        #expect(MissingReason.notPublished.ssbSymbol == "")
        #expect(MissingReason(ssbSymbol: "..") == .notAvailable)
        #expect(MissingReason(ssbSymbol: ":") == .suppressed)
        #expect(MissingReason(ssbSymbol: ".") == .notApplicable)
        #expect(MissingReason(ssbSymbol: "0") == nil)
    }
}
