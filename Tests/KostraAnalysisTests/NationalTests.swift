import Foundation
import KostraAnalysis
import KostraData
import Testing

/// A municipality other than Bærum, against its KOSTRA group, its county and the country, from a
/// small file imported into a data directory with a groups file. The figures are made up for
/// the test (table 90099); every expected value is computed by hand beside it.
@Suite("National scale: any municipality against its KOSTRA group, county and the country")
struct NationalTests {
    /// Cells (region, 2023, 2024), content KOSx0000 "Andel (test)", percent:
    ///   1101 (new)          50.0  52.0
    ///   1106 (new)          40.0  44.0      ← the subject
    ///   1103 Stavanger      60.0  ":"       (suppressed in 2024)
    ///   1108 Sandnes        45.0  48.0
    ///   EKG07 (published)   46.0  47.0
    ///   EAKA11 (published)  49.0  50.0
    ///   EAK (published)     47.5  48.5
    static let figures = ImportFile(
        fileName: "90099.json",
        bytes: Array(
            """
            {"version":"2.0","class":"dataset","label":"90099: Testtabell for nasjonale sammenligninger",
             "id":["KOKkommuneregion0000","ContentsCode","Tid"],"size":[7,1,2],
             "dimension":{
               "KOKkommuneregion0000":{"category":{"index":["1101","1106","1103","1108","EKG07","EAKA11","EAK"],
                 "label":{"1101":"Testkommune 1101","1106":"Testkommune 1106","1103":"Stavanger","1108":"Sandnes",
                          "EKG07":"Kostragruppe 7","EAKA11":"Kommunene i Rogaland","EAK":"Landet"}}},
               "ContentsCode":{"category":{"index":["KOSx0000"],"label":{"KOSx0000":"Andel (test)"},
                 "unit":{"KOSx0000":{"base":"prosent","decimals":1}}}},
               "Tid":{"category":{"index":["2023","2024"]}}},
             "value":[50.0,52.0, 40.0,44.0, 60.0,null, 45.0,48.0, 46.0,47.0, 49.0,50.0, 47.5,48.5],
             "status":{"5":":"}}
            """.utf8
        )
    )

    /// EKG07 has 1101 and 1106; the county and the country have all four.
    static let groups = ImportFile(
        fileName: "groups.json",
        bytes: Array(
            """
            {"groups": {"EKG07": {"label": "Kostragruppe 7", "members": ["1101", "1106"]},
                        "EAKA11": {"members": ["1101", "1103", "1106", "1108"]},
                        "EAK": {"members": ["1101", "1103", "1106", "1108"]}},
             "indicators": {"KOSx0000": {"aggregation": "plain_mean", "direction": "higher_is_better"}}}
            """.utf8
        )
    )

    static let indicator = "ssb.kosx0000"

    func analysis() throws -> Analysis {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kostra-national-\(UUID().uuidString)").path
        let store = try DataStore(directory: directory)
        let snapshot = try store.importFiles([Self.figures], groups: Self.groups, importedAt: "2026-06-15T08:00:00Z")
        return Analysis(dataset: snapshot.dataset)
    }

    @Test("Profile against its own KOSTRA group: 100 × 44.0 / 47.0 = 93.617…")
    func profileAgainstKostraGroup() throws {
        let profile = try analysis().serviceProfile(region: "1106", year: 2024, reference: "kostragruppe")
        #expect(profile.reference.code == "EKG07")
        let row = try #require(profile.rows.first { $0.indicator.id == Self.indicator })
        #expect(row.value == 44.0 && row.referenceValue == 47.0)
        #expect(abs(try #require(row.index.value) - 4400.0 / 47.0) < 1e-9)
    }

    @Test("Rank within its county: 3 of 4 members have a 2024 figure (Stavanger's is suppressed); 1106 is lowest, third highest")
    func rankInCounty() throws {
        let comparison = try analysis().compare(region: "1106", with: ["EAK"], indicatorId: Self.indicator, years: 2024...2024, rankGroup: "fylke")
        #expect(comparison.rankGroup.code == "EAKA11")
        let year = try #require(comparison.indicators.first?.series.first { $0.region.code == "1106" }?.years.first)
        let rank = try #require(year.rank)
        // Values: 1101 52.0, 1106 44.0, 1108 48.0; 1103 none.
        #expect(rank.ranked == 3 && rank.members == 4)
        #expect(rank.fromLowest == 1 && rank.fromHighest == 3)
        #expect(rank.membersWithoutValue == ["1103"])
    }

    @Test("Group averages from the members beside the published ones: county and country")
    func groupAverages() throws {
        let analysis = try analysis()
        // EAKA11 2024: (52.0 + 44.0 + 48.0) / 3 = 48.0 (Stavanger suppressed, not counted); published 50.0.
        let county = try analysis.groupAverage(group: "EAKA11", indicatorId: Self.indicator, year: 2024)
        #expect(county.computed.value == 48.0 && county.published.value == 50.0)
        #expect(county.difference.value == -2.0)
        #expect(county.counted == 3 && county.membersWithValue == 3 && county.members.count == 4)
        // EAKA11 2023: (50.0 + 40.0 + 60.0 + 45.0) / 4 = 48.75; published 49.0.
        let county2023 = try analysis.groupAverage(group: "EAKA11", indicatorId: Self.indicator, year: 2023)
        #expect(county2023.computed.value == 48.75 && county2023.counted == 4)
        // The country, a region of kind country with members: 48.0 against the published 48.5.
        let country = try analysis.groupAverage(group: "EAK", indicatorId: Self.indicator, year: 2024)
        #expect(country.computed.value == 48.0 && country.published.value == 48.5 && country.difference.value == -0.5)
        // The KOSTRA group: (52.0 + 44.0) / 2 = 48.0; published 47.0.
        let group = try analysis.groupAverage(group: "EKG07", indicatorId: Self.indicator, year: 2024)
        #expect(group.computed.value == 48.0 && group.difference.value == 1.0)
    }

    @Test("A municipality in no imported KOSTRA group is told so")
    func noOwnGroup() throws {
        let error = #expect(throws: AnalysisError.self) { try analysis().serviceProfile(region: "1108", year: 2024, reference: "kostragruppe") }
        #expect(error?.field == "reference")
        #expect(error?.message.contains("no KOSTRA group with Sandnes (1108)") == true)
    }

    @Test("A member the data does not have is refused with its place, and nothing is imported")
    func unknownMember() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kostra-national-\(UUID().uuidString)").path
        let store = try DataStore(directory: directory)
        let groups = ImportFile(fileName: "g.json", bytes: Array(#"{"groups": {"EKG07": {"members": ["1101", "9999"]}}}"#.utf8))
        let error = #expect(throws: DatasetError.self) { try store.importFiles([Self.figures], groups: groups, importedAt: "t") }
        #expect(error?.path == "g.json: groups.EKG07.members[1]")
        #expect(try store.read().versionNumber == 0)
    }
}
