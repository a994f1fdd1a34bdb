import Foundation
import KostraProtocol
import Testing

@testable import kostra_client

/// With --lang nb every text for people is Norwegian: the server's reasons for
/// a missing figure, the messages of its errors, and the client's own. The
/// English texts below are the server's answers on its built-in data (the
/// chapter), as the snapshots in English JSON record them.
@Suite("Norwegian throughout")
struct ReasonTextTests {
    @Test("the server's reasons for a missing figure, in Norwegian", arguments: [
        (
            "the data has no figure for ASSS med Oslo (ASSS), grunnskole.vedtak_1_75_timer, 2024",
            "dataene har ikke tall for ASSS med Oslo (ASSS), grunnskole.vedtak_1_75_timer, 2024"
        ),
        (
            "Bærum has no figure for grunnskole.skolebidrag_1_4 in 2024; and the report publishes no score for it",
            "Bærum har ikke tall for grunnskole.skolebidrag_1_4 i 2024; og rapporten publiserer ingen skår for den"
        ),
        (
            // The chapter's table «Endring i produksjon»: ASSS −0,7 %.
            "ASSS med Oslo's figure for grunnskole.endring_produksjon in 2024 is negative ((−0.7)), so an index would not read as a share of it",
            "tallet til ASSS med Oslo for grunnskole.endring_produksjon i 2024 er negativt (−0,7), så en indeks kan ikke leses som en andel av det"
        ),
        (
            "no member of ASSS med Oslo has a resource-use ratio for 2024",
            "ingen medlem av ASSS med Oslo har et ressursbruksforhold for 2024"
        ),
        (
            "the learning environment cannot be formed: the data has no indicator grunnskole.motivasjon_7; and no figure of the composite itself (Bærum has no figure for grunnskole.laeringsmiljo in 2024)",
            "læringsmiljøet kan ikke settes sammen: dataene har ikke nøkkeltallet grunnskole.motivasjon_7; og ikke noe tall for det sammensatte nøkkeltallet selv (Bærum har ikke tall for grunnskole.laeringsmiljo i 2024)"
        ),
        (
            "the index needs every weighted indicator's score; Bærum has none for Skolebidragsindikatoren 1-4. trinn, Læringsmiljø in 2024; the report's own figure is served beside it, as published",
            "indeksen trenger skåren til hver vektet indikator; Bærum har ingen for Skolebidragsindikatoren 1-4. trinn, Læringsmiljø i 2024; rapportens eget tall står ved siden av, som publisert"
        ),
    ])
    func missingReasons(english: String, norwegian: String) {
        #expect(ReasonText.text(english, .nb) == norwegian)
        #expect(!ReasonText.looksEnglish(norwegian))
        #expect(ReasonText.text(english, .en) == english)
    }

    @Test("a reason no rule knows is quoted whole after a Norwegian note, never half translated")
    func unknownReason() {
        let english = "the moon has no figure for cheese"
        #expect(ReasonText.text(english, .nb) == "tjenesten forklarer på engelsk: «the moon has no figure for cheese»")
        #expect(!ReasonText.looksEnglish(ReasonText.text(english, .nb)))
    }

    @Test("an error for people in Norwegian: the code kept, the message and the suggestions translated")
    func errors() {
        let region = RPCError.notFound(field: "regions[0]", "no region matches 'Baerun'; did you mean Bærum (3201)?", suggestions: ["Bærum"])
        #expect(Failure.line(for: region, .nb) == "NOT_FOUND: ingen region passer til «Baerun»; mente du Bærum (3201)?")
        #expect(Failure.line(for: region, .en) == "NOT_FOUND: no region matches 'Baerun'; did you mean Bærum (3201)?")
        // The chapter's data has 2021-2024.
        let years = RPCError.notFound(
            field: "from_year",
            "grunnskole.gruppestorrelse_2 has no figures from 2030 to the end; it has 2021–2024",
            available: ["2021", "2022", "2023", "2024"]
        )
        #expect(Failure.line(for: years, .nb) == "NOT_FOUND: grunnskole.gruppestorrelse_2 har ingen tall fra 2030 til slutten; det har 2021–2024 (finnes: 2021, 2022, 2023, 2024)")
        let suggested = RPCError.notFound(field: "indicator_id", "no indicator has the id 'grunnskole.grupestorrelse_2'", suggestions: ["grunnskole.gruppestorrelse_2"])
        #expect(Failure.line(for: suggested, .nb) == "NOT_FOUND: ingen nøkkeltall har id-en «grunnskole.grupestorrelse_2»; mente du «grunnskole.gruppestorrelse_2»?")
        let refused = RPCError(.unavailable, "cannot connect to 127.0.0.1:7878: connection refused")
        #expect(Failure.line(for: refused, .nb) == "UNAVAILABLE: får ikke kontakt med 127.0.0.1:7878: forbindelsen ble avvist")
    }

    @Test("the Norwegian snapshots have no English footnote, reason or source line")
    func snapshotsAreNorwegian() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Snapshot.directory.path)
            .filter { $0.contains(".nb.") && ($0.hasSuffix(".txt") || $0.hasSuffix(".md")) }
        #expect(files.count >= 20)
        let marks = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "Mangler", "Kilde", "Ikke tilgjengelig"]
        for file in files {
            let text = try String(contentsOf: Snapshot.directory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where marks.contains(where: { line.hasPrefix($0) }) {
                #expect(!ReasonText.looksEnglish(String(line)), "\(file): \(line)")
            }
        }
    }
}
