import KostraAnalysis
import KostraData
import Testing

/// What the three methods refuse, and how: the kind, the field at fault, and what would
/// have been accepted.
@Suite("Errors of the profile, comparison and group average")
struct AnalysisErrorTests {
    let analysis: Analysis

    init() throws {
        self.analysis = Analysis(dataset: try Dataset.builtIn())
    }

    /// The `AnalysisError` that `body` throws, or a recorded issue.
    func error(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> AnalysisError? {
        do {
            try body()
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch let error as AnalysisError {
            return error
        } catch {
            Issue.record("not an AnalysisError: \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    @Test("An unknown region is NOT_FOUND on its field, suggesting the closest")
    func unknownRegion() throws {
        let profile = try #require(self.error { _ = try self.analysis.serviceProfile(region: "Bærumm", year: 2024) })
        #expect(profile.kind == .notFound)
        #expect(profile.field == "region")
        #expect(profile.message == "no region matches 'Bærumm'; did you mean Bærum (3201)?")
        #expect(profile.suggestions.first == "Bærum")

        let comparison = try #require(self.error { _ = try self.analysis.compare(region: "Baerum", with: ["Asker", "Oslp"]) })
        #expect(comparison.kind == .notFound)
        #expect(comparison.field == "with[1]")
        #expect(comparison.suggestions.contains("Oslo"))

        let group = try #require(self.error { _ = try self.analysis.groupAverage(group: "ASSX", indicatorId: "grunnskole.gruppestorrelse_2", year: 2024) })
        #expect(group.kind == .notFound)
        #expect(group.field == "group")
        #expect(group.suggestions.first == "ASSS med Oslo")
    }

    @Test("An unknown reference is INVALID_ARGUMENT on \"reference\", with suggestions; so is the region itself")
    func reference() throws {
        let unknown = try #require(self.error { _ = try self.analysis.serviceProfile(region: "Bærum", year: 2024, reference: "ASSX") })
        #expect(unknown.kind == .invalidArgument)
        #expect(unknown.field == "reference")
        #expect(unknown.suggestions.first == "ASSS med Oslo")
        // Bærum by its former number is still Bærum.
        let itself = try #require(self.error { _ = try self.analysis.serviceProfile(region: "Bærum", year: 2024, reference: "3024") })
        #expect(itself.kind == .invalidArgument)
        #expect(itself.field == "reference")
        // The country, another municipality or the other ASSS average are fine.
        #expect(try self.analysis.serviceProfile(region: "Bærum", year: 2024, reference: "Asker").reference.code == "3203")
    }

    @Test("A group where a group is required: the group average and the rank group refuse a municipality or the country")
    func groupRequired() throws {
        let municipality = try #require(self.error { _ = try self.analysis.groupAverage(group: "Bærum", indicatorId: "grunnskole.gruppestorrelse_2", year: 2024) })
        #expect(municipality.kind == .invalidArgument)
        #expect(municipality.field == "group")
        #expect(municipality.message.contains("is a municipality"))
        #expect(municipality.available == ["ASSS", "ASSSUO"])
        let country = try #require(self.error { _ = try self.analysis.groupAverage(group: "Landet", indicatorId: "grunnskole.gruppestorrelse_2", year: 2024) })
        #expect(country.kind == .invalidArgument)
        let rankGroup = try #require(self.error { _ = try self.analysis.compare(region: "Bærum", with: ["Asker"], rankGroup: "Oslo") })
        #expect(rankGroup.kind == .invalidArgument)
        #expect(rankGroup.field == "rank_group")
    }

    @Test("A year without data is NOT_FOUND listing the years there are")
    func yearWithoutData() throws {
        let profile = try #require(self.error { _ = try self.analysis.serviceProfile(region: "Bærum", year: 2019) })
        #expect(profile.kind == .notFound)
        #expect(profile.field == "year")
        #expect(profile.available == ["2021", "2022", "2023", "2024"])
        // A year the data has, but the region has nothing to profile in.
        let oslo = try #require(self.error { _ = try self.analysis.serviceProfile(region: "Oslo", year: 2023) })
        #expect(oslo.kind == .notFound)
        #expect(oslo.field == "year")
        #expect(oslo.available == ["2024"])
        let comparison = try #require(self.error { _ = try self.analysis.compare(region: "Bærum", with: ["Asker"], years: 2030...2031) })
        #expect(comparison.kind == .notFound)
        #expect(comparison.field == "years")
        #expect(comparison.message == "no figures in 2030–2031; the data has 2021, 2022, 2023, 2024")
        // One indicator: its own years.
        let tests = try #require(self.error {
            _ = try self.analysis.compare(region: "Bærum", with: ["Asker"], indicatorId: "grunnskole.nasjonale_prover_5_trinn", years: 2021...2022)
        })
        #expect(tests.available == ["2023", "2024"])
        let group = try #require(self.error { _ = try self.analysis.groupAverage(group: "ASSS", indicatorId: "grunnskole.gruppestorrelse_2", year: 2025) })
        #expect(group.field == "year")
    }

    @Test("An empty with is INVALID_ARGUMENT; with naming the region itself too")
    func emptyWith() throws {
        let empty = try #require(self.error { _ = try self.analysis.compare(region: "Bærum", with: []) })
        #expect(empty.kind == .invalidArgument)
        #expect(empty.field == "with")
        #expect(empty.message == "with: name at least one region to compare with")
        let itself = try #require(self.error { _ = try self.analysis.compare(region: "Bærum", with: ["Asker", "3024"]) })
        #expect(itself.kind == .invalidArgument)
        #expect(itself.field == "with[1]")
    }

    @Test("An unknown indicator is NOT_FOUND with suggestions")
    func unknownIndicator() throws {
        let comparison = try #require(self.error {
            _ = try self.analysis.compare(region: "Bærum", with: ["Asker"], indicatorId: "grunnskole.gruppestorelse_2")
        })
        #expect(comparison.kind == .notFound)
        #expect(comparison.field == "indicator_id")
        #expect(comparison.suggestions.first == "grunnskole.gruppestorrelse_2")
        #expect(comparison.message == "no indicator has the id 'grunnskole.gruppestorelse_2'; did you mean 'grunnskole.gruppestorrelse_2'?")
        let group = try #require(self.error { _ = try self.analysis.groupAverage(group: "ASSS", indicatorId: "gruppestorrelse", year: 2024) })
        #expect(group.field == "indicator_id")
        #expect(!group.suggestions.isEmpty)
    }

    @Test("An unknown service is NOT_FOUND on \"service\"; excluding a non-member is INVALID_ARGUMENT")
    func serviceAndExcluding() throws {
        let service = try #require(self.error { _ = try self.analysis.serviceProfile(region: "Bærum", year: 2024, service: "barnehage") })
        #expect(service.kind == .notFound)
        #expect(service.field == "service")
        #expect(service.available == ["grunnskole"])
        let excluding = try #require(self.error {
            _ = try self.analysis.groupAverage(group: "ASSSUO", indicatorId: "grunnskole.gruppestorrelse_2", year: 2024, excluding: ["Oslo"])
        })
        #expect(excluding.kind == .invalidArgument)
        #expect(excluding.field == "excluding")
    }
}
