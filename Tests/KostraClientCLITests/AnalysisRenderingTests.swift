import Foundation
import KostraCodec
import Testing

@testable import kostra_client

/// The analysis commands' output, from hand-made answers holding the
/// chapter's figures.
@Suite("Rendering the analysis")
struct AnalysisRenderingTests {
    static func figure(_ value: Double?, unit: KostraV1.Unit = .index, published: Bool = false, formula: String = "") -> KostraV1.Figure {
        KostraV1.Figure(
            value: value,
            unit: unit,
            provenance: KostraV1.Provenance(method: published ? .published : .relativeEfficiency, formula: formula, published: published),
            missingReason: value == nil ? "missing" : ""
        )
    }

    @Test("profile: raw values beside the index, title with region, year and reference")
    func profile() throws {
        let response = KostraV1.GetProfileResponse(
            region: KostraV1.Region(code: "3201", name: "Bærum"),
            reference: KostraV1.Region(code: "ASSS", name: "ASSS med Oslo"),
            year: 2024,
            rows: [
                KostraV1.ProfileRow(
                    indicator: KostraV1.Indicator(id: "grunnskole.gruppestorrelse_2", nameNb: "Gruppestørrelse 2 - lærernorm", unit: .number, decimals: 1),
                    value: 16.9,
                    referenceValue: 16.4,
                    index: Self.figure(100 * 16.9 / 16.4)  // 103.048...
                )
            ]
        )
        let text = ProfileCommand.render(response, output: try OutputOptions.parse([]))
        #expect(
            text == """
                Tjenesteprofil for Bærum 2024, ASSS med Oslo = 100

                indikator                                Bærum   ASSS med Oslo   indeks
                Gruppestørrelse 2 - lærernorm (antall)    16,9            16,4    103,0

                Indeks = 100 × Bærum / ASSS med Oslo.
                """
        )
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(ProfileCommand.render(response, output: try OutputOptions.parse(["--format", "json"])).utf8))
                as? [String: Any]
        )
        let row = try #require((json["rows"] as? [[String: Any]])?.first)
        #expect(row["id"] as? String == "grunnskole.gruppestorrelse_2")
        #expect(((row["index"] as? [String: Any])?["provenance"] as? [String: Any])?["method"] as? String == "relative_efficiency")
    }

    @Test("efficiency: computed beside published, the formula, and the change in percentage points")
    func efficiency() throws {
        let response = KostraV1.EfficiencyResponse(
            region: KostraV1.Region(code: "3201", name: "Bærum"),
            year: 2024,
            productionIndex: Self.figure(100.7, published: true),
            expenditureIndex: Self.figure(92.1, published: true),
            efficiency: Self.figure(100 * 100.7 / 92.1, formula: "100 × 100.7 / 92.1"),
            published: Self.figure(109.3, published: true),
            change: Self.figure(-5.1, unit: .percentagePoints, published: true)
        )
        let text = EfficiencyCommand.render(response, output: try OutputOptions.parse([]))
        #expect(text.contains("Relativ effektivitet                   109,3    beregnet"))
        #expect(text.contains("Produksjonsindeks                      100,7   publisert"))
        #expect(text.contains("Endring fra året før (prosentpoeng)     \u{2212}5,1   publisert"))
        #expect(text.hasSuffix("Beregning: 100 × 100.7 / 92.1"))
    }
}
