import KostraAnalysis
import KostraData
import Testing

@Suite("Relative efficiency: production index over expenditure index")
struct EfficiencyTests {
    @Test("Bærum 2024: +9.3 % from +0.7 % production and −7.9 % expenditure, 100 × 100,7 / 92,1 = 109,34")
    func chapter() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.efficiency(region: "Bærum", year: 2024)

        // The inputs, as published: production index 100.7, gross expenditure index 92.1.
        #expect(result.productionIndex.value == 100.7)
        #expect(result.productionIndex.provenance.isPublished)
        #expect(result.expenditureIndex.value == 92.1)
        #expect(result.expenditureIndex.provenance.status == .asPublished)

        // 100 × 100.7 / 92.1 = 109.337676...: computed, from as-published inputs.
        let efficiency = try #require(result.efficiency.value)
        #expect(abs(efficiency - 109.337676) < 1e-6)
        #expect(!result.efficiency.provenance.isPublished)
        #expect(result.efficiency.provenance.method == .relativeEfficiency)
        #expect(result.efficiency.provenance.formula == "100 × 100.7 / 92.1")
        #expect(result.efficiency.provenance.inputs.map(\.indicatorId) == ["grunnskole.produksjonsindeks", "grunnskole.brutto_driftsutgifter_indeks"])
        #expect(result.efficiency.provenance.inputs.allSatisfy { $0.status == .asPublished })
        #expect(result.efficiency.provenance.status == .asPublished)

        // Against the published 109.3: 109.337676 − 109.3 = 0.037676, which rounds away at one decimal.
        #expect(result.published?.value == 109.3)
        #expect(result.published?.provenance.isPublished == true)
        #expect(abs((result.differenceFromPublished?.value ?? 1) - 0.037676) < 1e-6)
        #expect(result.agreesWithPublished == true)
    }

    @Test("Its fall of 5.1 points 2023→2024, as published; the 2023 efficiency only implied (109.3 + 5.1 = 114.4)")
    func change() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.efficiency(region: "3201", year: 2024)
        // «Effektiviteten har gått ned med 5,1 prosentpoeng fra 2023 til 2024.»
        let published = try #require(result.publishedChange)
        #expect(published.value == -5.1)
        #expect(published.unit == .percentagePoints)
        #expect(published.provenance.isPublished && published.provenance.method == .published)
        #expect(published.provenance.source?.contains("5,1 prosentpoeng") == true)
        #expect(published.provenance.inputs.map(\.indicatorId).allSatisfy { $0.hasPrefix("fact:") })
        // The 2023 efficiency is the data's implied figure 109,3 + 5,1 = 114,4 (its source says
        // so). It comes from the change sentence itself, so it does not give the change back
        // (109,337676 − 114,4 would only restate −5,1 with its rounding): the computed change
        // is missing, the report's beside it.
        #expect(abs((result.previousEfficiency.value ?? 0) - 114.4) < 1e-9)
        #expect(result.previousEfficiency.provenance.isPublished)
        #expect(result.previousEfficiency.provenance.source?.hasPrefix("Avledet av kapitlet: 109,3 + 5,1 = 114,4") == true)
        #expect(result.change.value == nil)
        #expect(!result.change.provenance.isPublished)
    }

    @Test("Computed change from two computed efficiencies (SYNTHETIC)")
    func computedChange() throws {
        let analysis = Analysis(dataset: try ProductionSyntheticData.dataset())
        let result = try analysis.efficiency(region: "Bærum", year: 2024)
        // 2024: production index computed (100.799194, see ProductionIndexTests) / 95.0:
        //       100 × 100.799194 / 95 = 106.104415
        #expect(abs((result.efficiency.value ?? 0) - 106.104415) < 1e-6)
        #expect(result.published == nil)
        #expect(result.agreesWithPublished == nil)
        // 2023: the production index cannot be computed (skolebidrag 8-10 has no 2023 value), so
        //       the published 101.0 is used: 100 × 101 / 96 = 105.208333
        #expect(abs((result.previousEfficiency.value ?? 0) - 105.208333) < 1e-6)
        // Change: 106.104415 − 105.208333 = 0.896082 points, computed.
        #expect(abs((result.change.value ?? 0) - 0.896082) < 1e-6)
        #expect(!result.change.provenance.isPublished)
    }

    @Test("Without the year before and without a published change, the change is missing, not 0 (SYNTHETIC)")
    func missingChange() throws {
        let data = try ProductionSyntheticData.dataset(removing: ["grunnskole.brutto_driftsutgifter_indeks 3201 2023"])
        let result = try Analysis(dataset: data).efficiency(region: "Bærum", year: 2024)
        #expect(result.efficiency.value != nil)
        #expect(result.change.value == nil)
        #expect(result.change.missingReason?.isEmpty == false)
    }

    @Test("A group, and a municipality without figures")
    func errors() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        do {
            _ = try analysis.efficiency(region: "ASSS", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidArgument)
        }
        do {
            _ = try analysis.efficiency(region: "Oslo", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.available == ["Bærum"])
        }
    }
}
