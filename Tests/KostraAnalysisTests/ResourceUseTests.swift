import KostraAnalysis
import KostraData
import Testing

@Suite("Resource use (ressursbruksindikator): need-corrected spending against the plain ASSS mean")
struct ResourceUseTests {
    @Test("Bærum 2024 from the built-in data: 6.9 % below (93.1) and 1 959 kr less per inhabitant, as published")
    func published() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.resourceUse(region: "Bærum", year: 2024)
        // «Bærum kommune ligger 6,9 prosent lavere enn gjennomsnittet av ASSS-kommunene på ressursbruksindikatoren.»
        // The report's 93.1 is `publishedIndex`; the computed index has no ratios to work from.
        #expect(result.publishedIndex?.value == 93.1)
        #expect(result.publishedIndex?.provenance.isPublished == true)
        #expect(result.publishedIndex?.provenance.method == .published)
        #expect(result.index.value == nil)
        #expect(!result.index.provenance.isPublished)
        // 93.1 − 100 = −6.9: computed from the published index.
        #expect(abs((result.deviationPercent.value ?? 0) - -6.9) < 1e-9)
        #expect(result.deviationPercent.provenance.formula == "93.1 − 100")
        #expect(!result.deviationPercent.provenance.isPublished)
        // «... brukte om lag 1 959 kroner mindre per innbygger ...»: published, from the
        // sentence (its input is the fact, not the resource-use index it speaks of).
        let kroner = try #require(result.publishedKronerPerInhabitant)
        #expect(kroner.value == -1959)
        #expect(kroner.provenance.isPublished && kroner.provenance.method == .published)
        #expect(kroner.provenance.source?.contains("1 959 kroner") == true)
        #expect(kroner.provenance.inputs.count == 1)
        #expect(kroner.provenance.inputs[0].indicatorId.hasPrefix("fact:"))
        #expect(result.kronerPerInhabitant.value == nil)
        // No members' ratios in the built-in data: the mean is missing, with the reason.
        #expect(result.meanRatio.value == nil)
        #expect(result.ratio.value == nil)
        #expect(result.members.count == 12)
    }

    @Test("Computed from the members' ratios (SYNTHETIC): a plain mean of the eleven that have one")
    func computed() throws {
        let analysis = Analysis(dataset: try ProductionSyntheticData.dataset())
        let result = try analysis.resourceUse(region: "Bærum", year: 2024)
        // Bærum's ratio from its parts: 18 000 / 20 000 = 0.9
        #expect(result.ratio.value == 0.9)
        #expect(result.ratio.provenance.formula == "18000 / 20000")
        // Tromsø's ratio is suppressed: left out, not 0.
        let tromso = try #require(result.members.first { $0.region.code == "5501" })
        #expect(tromso.ratio.value == nil)
        #expect(tromso.ratio.missingReason?.contains("suppressed") == true)
        // Mean of 11: (0.9 + 1.00 + 1.05 + 0.95 + 1.10 + 1.02 + 0.98 + 1.20 + 0.97 + 1.03 + 0.99) / 11
        //           = 11.19 / 11 = 1.017273 (with Tromsø as 0 it would be 11.19 / 12 = 0.9325)
        #expect(abs((result.meanRatio.value ?? 0) - 1.017273) < 1e-6)
        #expect(result.meanRatio.provenance.formula.hasSuffix("/ 11 [without Tromsø: no ratio]"))
        // Against the published ASSS ratio 1.0: 1.017273 − 1 = 0.017273.
        #expect(abs((result.meanDifference?.value ?? 0) - 0.017273) < 1e-6)
        // Index: 100 × 0.9 / 1.017273 = 88.471850; 88.471850 − 100 = −11.528150 %
        #expect(abs((result.index.value ?? 0) - 88.471850) < 1e-6)
        #expect(!result.index.provenance.isPublished)
        #expect(abs((result.deviationPercent.value ?? 0) - -11.528150) < 1e-6)
        // Kroner: (0.9 − 1.017273) × 20 000 = −2 345.45 per inhabitant.
        #expect(abs((result.kronerPerInhabitant.value ?? 0) - -2345.454545) < 1e-5)
        #expect(!result.kronerPerInhabitant.provenance.isPublished)
    }

    @Test("A group is not a municipality; a municipality without figures is not found")
    func errors() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        do {
            _ = try analysis.resourceUse(region: "ASSS uten Oslo", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidArgument)
        }
        do {
            _ = try analysis.resourceUse(region: "Asker", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.available == ["Bærum"])
        }
    }
}
