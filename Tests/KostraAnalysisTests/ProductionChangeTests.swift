import KostraAnalysis
import KostraData
import Testing

@Suite("Change in production: the chapter's published figures, and computed with an indicator left out")
struct ProductionChangeTests {
    @Test("Bærum 2023→2024 from the built-in data: −0.9 % beside ASSS −0.7 %, as published")
    func published() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.productionChange(region: "Bærum", year: 2024)
        #expect(result.baseYear == 2023)
        // «Samlet sett gikk produksjonen i Bærum ned med 0,9 prosent, mens nedgangen i ASSS området var på 0,7 prosent.»
        // Published beside the computed total, which has nothing to be computed from and is
        // missing (PROTOCOL.md, "Published and computed": a result is never the report's number).
        #expect(result.municipality.published?.value == -0.9)
        #expect(result.municipality.published?.provenance.isPublished == true)
        #expect(result.municipality.published?.provenance.method == .published)
        #expect(result.municipality.total.value == nil)
        #expect(!result.municipality.total.provenance.isPublished)
        #expect(result.municipality.total.missingReason?.hasSuffix(ProductionConventions.servedAsPublished) == true)
        #expect(result.referenceChange.region.code == "ASSS")
        #expect(result.referenceChange.published?.value == -0.7)
        #expect(result.referenceChange.published?.provenance.isPublished == true)
        #expect(result.referenceChange.total.value == nil)
        // Nothing to compute from: every indicator is left out, each with its reason.
        #expect(result.municipality.leftOut.count == 5)
        let sb810 = try #require(result.municipality.components.first { $0.indicatorId == "grunnskole.skolebidrag_8_10" })
        #expect(sb810.change.value == nil)
        #expect(sb810.change.missingReason?.contains("not applicable") == true)
    }

    @Test("Computed (SYNTHETIC): skolebidrag 8-10 has no 2023 value and is left out; the other weights scaled up")
    func computed() throws {
        let analysis = Analysis(dataset: try ProductionSyntheticData.dataset())
        let result = try analysis.productionChange(region: "Bærum", year: 2024)
        let change = result.municipality

        func component(_ id: String) throws -> ProductionChangeComponent {
            try #require(change.components.first { $0.indicatorId == "grunnskole.\(id)" })
        }
        // Pupils 15 000 → 14 850 (× 0.99).
        // sb 1-4: 100 × ((50 + 1) / (50 + 1.5) × 14850 / 15000 − 1) = 100 × (51 / 51.5 × 0.99 − 1) = −1.961165
        #expect(abs((try component("skolebidrag_1_4").change.value ?? 0) - -1.961165) < 1e-6)
        #expect(try component("skolebidrag_1_4").change.provenance.formula == "100 × ((50 + 1) / (50 + 1.5) × 14850 / 15000 − 1)")
        // sb 5-7: 100 × (49.5 / 49.8 × 0.99 − 1) = −1.596386
        #expect(abs((try component("skolebidrag_5_7").change.value ?? 0) - -1.596386) < 1e-6)
        // sb 8-10: no 2023 value (not applicable): left out, not 0.
        let sb810 = try component("skolebidrag_8_10")
        #expect(sb810.change.value == nil)
        #expect(!sb810.isIncluded)
        #expect(sb810.change.missingReason?.contains("not applicable") == true)
        #expect(change.leftOut == ["grunnskole.skolebidrag_8_10"])
        // Læringsmiljø unchanged at 3.88: only the pupils move, 100 × (1 × 0.99 − 1) = −1
        #expect(abs((try component("laeringsmiljo").change.value ?? 0) - -1) < 1e-9)
        // SFO: 6-9 year olds with a place 5 000 → 4 900: 100 × (4900 / 5000 − 1) = −2
        #expect(abs((try component("andel_6_9_med_sfo_plass").change.value ?? 0) - -2) < 1e-9)

        // Total over the included weights, 0.2426 + 0.2426 + 0.1819 + 0.0904 = 0.7575:
        // (0.2426 × −1.961165 + 0.2426 × −1.596386 + 0.1819 × −1 + 0.0904 × −2) / 0.7575 = −1.618167
        #expect(abs(change.weightUsed - 0.7575) < 1e-12)
        #expect(abs((change.total.value ?? 0) - -1.618167) < 1e-6)
        #expect(!change.total.provenance.isPublished)
        #expect(change.total.provenance.formula.contains("left out"))
        // Had the missing indicator counted as 0 change, the total would have been
        // (0.7575 × −1.618167) / 1.0001 = −1.225649: it is not.
        #expect(abs((change.total.value ?? 0) - -1.225649) > 0.1)

        // ASSS, the same way: pupils 201 000 → 200 000, SFO 61 000 → 60 000.
        // sb 1-4: 100 × (50.5 / 50.4 × 200000 / 201000 − 1) = −0.300087
        // sb 5-7: 100 × (50.5 / 50.6 × 200000 / 201000 − 1) = −0.694158
        // læringsmiljø (plain means of the members, unchanged): 100 × (200000 / 201000 − 1) = −0.497512
        // SFO: 100 × (60000 / 61000 − 1) = −1.639344
        // (0.2426 × −0.300087 + 0.2426 × −0.694158 + 0.1819 × −0.497512 + 0.0904 × −1.639344) / 0.7575 = −0.633529
        #expect(abs((result.referenceChange.total.value ?? 0) - -0.633529) < 1e-6)
        #expect(result.referenceChange.leftOut == ["grunnskole.skolebidrag_8_10"])
    }

    @Test("A group is not a municipality; a municipality with nothing is not found")
    func errors() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        do {
            _ = try analysis.productionChange(region: "ASSS", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidArgument)
        }
        do {
            _ = try analysis.productionChange(region: "Bergen", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.available == ["Bærum"])
        }
    }
}
