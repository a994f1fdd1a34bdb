import KostraAnalysis
import KostraData
import Testing

@Suite("Production index: the chapter's published figures, and computed from components")
struct ProductionIndexTests {
    @Test("Bærum 2024 from the built-in data: index, SFO and skolebidrag 5-7 served as published")
    func publishedBaerum() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.productionIndex(region: "Bærum", year: 2024)

        // «I 2024 var Bærums produksjon innenfor grunnskole 0,7 prosent høyere enn ASSS-snittet» → 100.7
        // The report's index is `publishedTotal`; the computed total lacks three scores and is
        // missing (PROTOCOL.md, "Published and computed").
        let publishedTotal = try #require(result.publishedTotal)
        #expect(publishedTotal.value == 100.7)
        #expect(publishedTotal.provenance.isPublished && publishedTotal.provenance.method == .published)
        #expect(publishedTotal.provenance.status == .asPublished)
        #expect(publishedTotal.provenance.source?.contains("0,7 prosent høyere") == true)
        #expect(result.total.value == nil)
        #expect(result.total.provenance.method == .productionIndex && !result.total.provenance.isPublished)

        // The weights are the data's, as published: 3 × 0.2426 + 0.1819 + 0.0904 = 1.0001.
        #expect(abs((result.weightSum ?? 0) - 1.0001) < 1e-12)
        #expect(result.components.map(\.indicatorId) == [
            "grunnskole.skolebidrag_1_4", "grunnskole.skolebidrag_5_7", "grunnskole.skolebidrag_8_10",
            "grunnskole.laeringsmiljo", "grunnskole.andel_6_9_med_sfo_plass",
        ])

        // SFO: «2,9 prosent over ASSS-snittet» → 102.9; contribution 0.0904 × 102.9 = 9.30216.
        let sfo = try #require(result.component("grunnskole.andel_6_9_med_sfo_plass"))
        #expect(sfo.weight == 0.0904)
        #expect(sfo.publishedScore?.value == 102.9)
        #expect(sfo.publishedScore?.provenance.isPublished == true)
        #expect(sfo.score.value == nil)  // computed or missing, never the report's
        #expect(abs((sfo.contribution.value ?? 0) - 9.30216) < 1e-9)
        #expect(!sfo.contribution.provenance.isPublished)  // computed, from an as-published input
        #expect(sfo.contribution.provenance.formula == "0.0904 × 102.9")
        #expect(sfo.contribution.provenance.inputs.allSatisfy { $0.status == .asPublished })

        // Skolebidrag 5-7: «0,7 prosent under ASSS-snittet» → 99.3; 0.2426 × 99.3 = 24.09018.
        let sb57 = try #require(result.component("grunnskole.skolebidrag_5_7"))
        #expect(sb57.publishedScore?.value == 99.3)
        #expect(sb57.publishedScore?.provenance.isPublished == true)
        #expect(sb57.score.value == nil)
        #expect(abs((sb57.contribution.value ?? 0) - 24.09018) < 1e-9)

        // The others: neither computable nor published: missing with a reason, never 0.
        for id in ["grunnskole.skolebidrag_1_4", "grunnskole.skolebidrag_8_10", "grunnskole.laeringsmiljo"] {
            let component = try #require(result.component(id))
            #expect(component.score.value == nil)
            #expect(component.score.missingReason?.isEmpty == false)
            #expect(component.contribution.value == nil)
        }
    }

    @Test("The chapter's published index and components hang together: the unpublished three average 100,9")
    func publishedConsistent() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.productionIndex(region: "Bærum", year: 2024)
        let weightSum = try #require(result.weightSum)
        let known = result.components.compactMap(\.contribution.value).reduce(0, +)
        // Published: 0.2426 × 99.3 + 0.0904 × 102.9 = 24.09018 + 9.30216 = 33.39234
        #expect(abs(known - 33.39234) < 1e-9)
        // The other three (weights 0.2426 + 0.2426 + 0.1819 = 0.6671) must then average
        // (100.7 × 1.0001 − 33.39234) / 0.6671 = 67.31773 / 0.6671 = 100.911
        let rest = result.components.filter { $0.contribution.value == nil }.map(\.weight).reduce(0, +)
        #expect(abs(rest - 0.6671) < 1e-12)
        let implied = ((result.publishedTotal?.value ?? 0) * weightSum - known) / rest
        #expect(abs(implied - 100.911) < 1e-3)
        // ... which lies between the lowest (99.3, skolebidrag 5-7) and the highest (102.9, SFO)
        // component, as the chapter says they are.
        #expect(implied > 99.3 && implied < 102.9)
    }

    @Test("Computed from components (SYNTHETIC data): skolebidrag with a national average, læringsmiljø from its parts")
    func computed() throws {
        let analysis = Analysis(dataset: try ProductionSyntheticData.dataset())
        let result = try analysis.productionIndex(region: "3201", year: 2024)

        // Skolebidrag: national average + contribution.
        // 1-4: 100 × (50 + 1.0) / (50 + 0.5) = 100 × 51 / 50.5 = 100.990099
        // 5-7: 100 × (50 − 0.5) / (50 + 0.5) = 100 × 49.5 / 50.5 = 98.019802
        // 8-10: 100 × (40 + 2.0) / (40 + 1.0) = 100 × 42 / 41 = 102.439024
        let sb14 = try #require(result.component("grunnskole.skolebidrag_1_4"))
        #expect(sb14.kind == .schoolContribution)
        #expect(sb14.value.value == 51)
        #expect(sb14.value.provenance.formula == "50 + 1")
        #expect(sb14.referenceValue.value == 50.5)
        #expect(abs((sb14.score.value ?? 0) - 100.990099) < 1e-6)
        #expect(sb14.score.provenance.formula == "100 × 51 / 50.5")
        #expect(!sb14.score.provenance.isPublished)
        #expect(abs((result.component("grunnskole.skolebidrag_5_7")?.score.value ?? 0) - 98.019802) < 1e-6)
        #expect(abs((result.component("grunnskole.skolebidrag_8_10")?.score.value ?? 0) - 102.439024) < 1e-6)

        // Læringsmiljø = mean over grades 7 and 10 of 0.6 × vurdering + 0.4 × motivasjon.
        // Bærum: (0.6 × 4.0 + 0.4 × 4.2 + 0.6 × 3.6 + 0.4 × 3.8) / 2 = (2.4 + 1.68 + 2.16 + 1.52) / 2 = 3.88
        // ASSS (plain means of the 12 members, 4.1 / 4.0 / 3.7 / 3.5):
        //       (0.6 × 4.1 + 0.4 × 4.0 + 0.6 × 3.7 + 0.4 × 3.5) / 2 = (2.46 + 1.6 + 2.22 + 1.4) / 2 = 3.84
        // Score: 100 × 3.88 / 3.84 = 101.041667
        let environment = try #require(result.component("grunnskole.laeringsmiljo"))
        #expect(environment.kind == .learningEnvironment)
        #expect(abs((environment.value.value ?? 0) - 3.88) < 1e-12)
        #expect(abs((environment.referenceValue.value ?? 0) - 3.84) < 1e-12)
        #expect(abs((environment.score.value ?? 0) - 101.041667) < 1e-6)
        #expect(environment.value.provenance.formula == "(0.6 × 4 + 0.4 × 4.2 + 0.6 × 3.6 + 0.4 × 3.8) / 2")

        // SFO: 100 × 90 / 87.5 = 102.857143
        #expect(abs((result.component("grunnskole.andel_6_9_med_sfo_plass")?.score.value ?? 0) - 102.857143) < 1e-6)

        // Total = (0.2426 × (100.990099 + 98.019802 + 102.439024) + 0.1819 × 101.041667 + 0.0904 × 102.857143) / 1.0001
        //       = 100.809274 / 1.0001 = 100.799194
        #expect(abs((result.total.value ?? 0) - 100.799194) < 1e-6)
        #expect(!result.total.provenance.isPublished)
        #expect(result.total.provenance.formula.hasSuffix("/ 1.0001"))
        let contributions = result.components.compactMap(\.contribution.value).reduce(0, +)
        #expect(abs(contributions - 100.809274) < 1e-6)  // Σ weight × score, before dividing by the weights' sum
        #expect(result.publishedTotal == nil)
    }

    @Test("A missing component is missing, never 0; the total is then missing (SYNTHETIC)")
    func missingComponent() throws {
        let data = try ProductionSyntheticData.dataset(
            removing: ["grunnskole.andel_6_9_med_sfo_plass 3201 2024"],
            adding: [ProductionSyntheticData.missing("andel_6_9_med_sfo_plass", "3201", 2024, .suppressed)]
        )
        let result = try Analysis(dataset: data).productionIndex(region: "Bærum", year: 2024)
        let sfo = try #require(result.component("grunnskole.andel_6_9_med_sfo_plass"))
        #expect(sfo.score.value == nil)
        #expect(sfo.score.missingReason?.contains("suppressed") == true)
        #expect(sfo.contribution.value == nil)
        #expect(result.total.value == nil)
        #expect(result.total.missingReason?.contains("Andel") == true || result.total.missingReason?.contains("SYNTHETIC") == true)
        // The other components are still computed.
        #expect(result.components.filter { $0.score.value != nil }.count == 4)
    }

    @Test("Without the national average a skolebidrag score is missing, not formed with 0 (SYNTHETIC)")
    func noNationalAverage() throws {
        let data = try ProductionSyntheticData.dataset(removing: ["grunnskole.skolebidrag_5_7_landsgjennomsnitt EAK 2024"])
        let result = try Analysis(dataset: data).productionIndex(region: "Bærum", year: 2024)
        let sb57 = try #require(result.component("grunnskole.skolebidrag_5_7"))
        #expect(sb57.value.value == nil)
        #expect(sb57.score.value == nil)
        #expect(sb57.score.missingReason?.contains("national average") == true)
        #expect(result.total.value == nil)
    }

    @Test("A published index is kept beside the computed one (SYNTHETIC)")
    func publishedBeside() throws {
        let data = try ProductionSyntheticData.dataset(adding: [ProductionSyntheticData.value("produksjonsindeks", "3201", 2024, 100.8)])
        let result = try Analysis(dataset: data).productionIndex(region: "Bærum", year: 2024)
        #expect(!result.total.provenance.isPublished)
        #expect(result.publishedTotal?.value == 100.8)
        #expect(result.publishedTotal?.provenance.isPublished == true)
    }

    @Test("Errors: a group, an unknown region, a year without weights, a municipality without figures")
    func errors() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        #expect(throws: AnalysisError.self) { try analysis.productionIndex(region: "ASSS", year: 2024) }
        do {
            _ = try analysis.productionIndex(region: "ASSS med Oslo", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidArgument)
            #expect(error.field == "region")
        }
        do {
            _ = try analysis.productionIndex(region: "Nowhere", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
        }
        do {
            _ = try analysis.productionIndex(region: "Bærum", year: 2019)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.available == ["2021", "2022", "2023", "2024"])
        }
        do {
            _ = try analysis.productionIndex(region: "Bærum", year: 2023)  // no weights, no published index
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.field == "year")
            #expect(error.available == ["2024"])
        }
        do {
            _ = try analysis.productionIndex(region: "Asker", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.available == ["Bærum"])
        }
    }
}
