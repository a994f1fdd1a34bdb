// The chapter's tables, transcribed again here from the chapter's text
// (../shared/seed/kostra-analyse-2025-grunnskole.txt from the repository root), independently of the data file:
// the tests check the data file against these. Each table is introduced by its lines as
// printed, quoted in a comment.

/// One table of the chapter as printed: title, the years of its columns, rows by printed label.
struct ChapterTable: Sendable, CustomStringConvertible {
    /// A printed row: its label and its values, one per column.
    struct Row: Sendable {
        var label: String
        var values: [Double]
    }

    var title: String
    /// Set when the rows are regions (labels "Bærum", "Asker", "ASSS med Oslo").
    var indicator: String?
    /// Set when the rows are indicators of one region (labels map through `rowIndicators`).
    var region: String?
    var rowIndicators: [String: String] = [:]
    /// The columns: a year each, with a region where the columns are region and year.
    var columns: [(region: String?, year: Int)]
    var rows: [Row]

    var description: String { title }

    /// The chapter's row labels for regions, and the codes they mean.
    static let regionLabels = ["Bærum": "3201", "Asker": "3203", "ASSS med Oslo": "ASSS", "ASSS": "ASSS"]

    /// Every cell as (indicator, region code, year, value).
    var cells: [(indicator: String, region: String, year: Int, value: Double)] {
        var cells: [(indicator: String, region: String, year: Int, value: Double)] = []
        for row in rows {
            for (column, value) in zip(columns, row.values) {
                let indicator = self.indicator ?? rowIndicators[row.label]!
                let region = self.indicator != nil ? Self.regionLabels[row.label]! : (column.region ?? self.region!)
                cells.append((indicator, region, column.year, value))
            }
        }
        return cells
    }

    static func byYear(_ title: String, indicator: String, _ rows: [Row]) -> ChapterTable {
        ChapterTable(title: title, indicator: indicator, columns: [(nil, 2021), (nil, 2022), (nil, 2023), (nil, 2024)], rows: rows)
    }

    static func forBaerum(_ title: String, rows rowIndicators: [String: String], _ rows: [Row]) -> ChapterTable {
        ChapterTable(title: title, region: "3201", rowIndicators: rowIndicators, columns: [(nil, 2021), (nil, 2022), (nil, 2023), (nil, 2024)], rows: rows)
    }
}

/// A row: label and values.
func row(_ label: String, _ values: Double...) -> ChapterTable.Row {
    ChapterTable.Row(label: label, values: values)
}

enum Chapter {
    static let tables: [ChapterTable] = [
        // Netto driftsutgifter til grunnskolesektor, per
        // innbygger 6-15 år
        // 2021 2022 2023 2024
        // Bærum 133,8 131,6 135,9 136,8
        // Asker 136,3 136,6 141,4 143,0
        // ASSS med Oslo 148,2 148,6 156,4 154,1
        .byYear("Netto driftsutgifter til grunnskolesektor, per innbygger 6-15 år",
                indicator: "grunnskole.netto_driftsutgifter_sektor_per_innbygger_6_15", [
            row("Bærum", 133.8, 131.6, 135.9, 136.8),
            row("Asker", 136.3, 136.6, 141.4, 143.0),
            row("ASSS med Oslo", 148.2, 148.6, 156.4, 154.1),
        ]),

        // Gjennomsnittlig gruppestørrelse, 1.-10.årstrinn 2021 2022 2023 2024
        // Bærum 14,4 14,2 13,9 13,9
        // Asker 13,7 13,5 13,8 13,5
        // ASSS med Oslo 13,7 13,5 13,5 13,5
        .byYear("Gjennomsnittlig gruppestørrelse, 1.-10.årstrinn", indicator: "grunnskole.gruppestorrelse_1", [
            row("Bærum", 14.4, 14.2, 13.9, 13.9),
            row("Asker", 13.7, 13.5, 13.8, 13.5),
            row("ASSS med Oslo", 13.7, 13.5, 13.5, 13.5),
        ]),

        // Andel elever i grunnskolen som får
        // spesialundervisning, 1.-4. trinn
        // 2021 2022 2023 2024
        // Bærum 4,9 % 4,5 % 5,2 % 5,3 %
        // Asker 3,5 % 2,8 % 2,6 % 2,6 %
        // ASSS med Oslo 4,3 % 4,3 % 4,5 % 4,5 %
        .byYear("Andel elever i grunnskolen som får spesialundervisning, 1.-4. trinn",
                indicator: "grunnskole.andel_spesialundervisning_1_4", [
            row("Bærum", 4.9, 4.5, 5.2, 5.3),
            row("Asker", 3.5, 2.8, 2.6, 2.6),
            row("ASSS med Oslo", 4.3, 4.3, 4.5, 4.5),
        ]),

        // Andel elever i grunnskolen som får
        // spesialundervisning, 5.-7. trinn 2021 2022 2023 2024
        // Bærum 7,7 % 7,9 % 8,1 % 8,5 %
        // Asker 7,3 % 7,0 % 7,3 % 7,1 %
        // ASSS med Oslo 8,5 % 8,5 % 8,6 % 8,6 %
        .byYear("Andel elever i grunnskolen som får spesialundervisning, 5.-7. trinn",
                indicator: "grunnskole.andel_spesialundervisning_5_7", [
            row("Bærum", 7.7, 7.9, 8.1, 8.5),
            row("Asker", 7.3, 7.0, 7.3, 7.1),
            row("ASSS med Oslo", 8.5, 8.5, 8.6, 8.6),
        ]),

        // Andel elever i grunnskolen som får
        // spesialundervisning, 8.-10. trinn
        // 2021 2022 2023 2024
        // Bærum 7,5 % 7,7 % 8,2 % 9,7 %
        // Asker 9,6 % 8,2 % 6,9 % 7,2 %
        // ASSS med Oslo 8,9 % 9,0 % 9,1 % 9,3 %
        .byYear("Andel elever i grunnskolen som får spesialundervisning, 8.-10. trinn",
                indicator: "grunnskole.andel_spesialundervisning_8_10", [
            row("Bærum", 7.5, 7.7, 8.2, 9.7),
            row("Asker", 9.6, 8.2, 6.9, 7.2),
            row("ASSS med Oslo", 8.9, 9.0, 9.1, 9.3),
        ]),

        // Årstimer til spesialundervisning per elev med
        // spesialundervisning (antall)
        // 2021 2022 2023 2024
        // Bærum 130 131 134 127
        // Asker 152 159 176 192
        // ASSS med Oslo 138 144 145 145
        .byYear("Årstimer til spesialundervisning per elev med spesialundervisning (antall)",
                indicator: "grunnskole.arstimer_spesialundervisning_per_elev", [
            row("Bærum", 130, 131, 134, 127),
            row("Asker", 152, 159, 176, 192),
            row("ASSS med Oslo", 138, 144, 145, 145),
        ]),

        // Vedtakskategorier for elever med
        // spesialundervisning, uten Haug
        // 2021 2022 2023 2024
        // 1 - 75 timer 2,1 % 0,4 % 1,3 % 2,9 %
        // 76 - 190 timer 57,2 % 56,1 % 55,9 % 59,2 %
        // 191 - 270 timer 21,5 % 22,2 % 25,3 % 28,7 %
        // 271 eller mer 18,8 % 18,6 % 22,7 % 24,0 %
        .forBaerum("Vedtakskategorier for elever med spesialundervisning, uten Haug", rows: [
            "1 - 75 timer": "grunnskole.vedtak_1_75_timer",
            "76 - 190 timer": "grunnskole.vedtak_76_190_timer",
            "191 - 270 timer": "grunnskole.vedtak_191_270_timer",
            "271 eller mer": "grunnskole.vedtak_271_timer_eller_mer",
        ], [
            row("1 - 75 timer", 2.1, 0.4, 1.3, 2.9),
            row("76 - 190 timer", 57.2, 56.1, 55.9, 59.2),
            row("191 - 270 timer", 21.5, 22.2, 25.3, 28.7),
            row("271 eller mer", 18.8, 18.6, 22.7, 24.0),
        ]),

        //    Resultat 2024 Resultat 2023
        // Trinn Bærum Asker ASSS Bærum Asker ASSS
        // 5. trinn 81,3 76,2 75,3 80,0 77,3 76,3
        // 8. trinn 76,8 74,1 70,5 80,0 75,4 70,5
        // 9. trinn 87,1 84,7 80,0 87,8 84,0 81,6
        ChapterTable(
            title: "Resultat 2024 / Resultat 2023",
            rowIndicators: [
                "5. trinn": "grunnskole.nasjonale_prover_5_trinn",
                "8. trinn": "grunnskole.nasjonale_prover_8_trinn",
                "9. trinn": "grunnskole.nasjonale_prover_9_trinn",
            ],
            columns: [("3201", 2024), ("3203", 2024), ("ASSS", 2024), ("3201", 2023), ("3203", 2023), ("ASSS", 2023)],
            rows: [
                row("5. trinn", 81.3, 76.2, 75.3, 80.0, 77.3, 76.3),
                row("8. trinn", 76.8, 74.1, 70.5, 80.0, 75.4, 70.5),
                row("9. trinn", 87.1, 84.7, 80.0, 87.8, 84.0, 81.6),
            ]
        ),

        // Korrigerte brutto driftsutgifter til grunnskole
        // (202), per elev
        // 2021 2022 2023 2024
        // Bærum 109 384 105 568 109 285 111 234
        // Asker 113 427 111 029 113 263 112 931
        // ASSS med Oslo 120 308 119 735 125 033 126 171
        .byYear("Korrigerte brutto driftsutgifter til grunnskole (202), per elev",
                indicator: "grunnskole.korrigerte_brutto_driftsutgifter_per_elev", [
            row("Bærum", 109_384, 105_568, 109_285, 111_234),
            row("Asker", 113_427, 111_029, 113_263, 112_931),
            row("ASSS med Oslo", 120_308, 119_735, 125_033, 126_171),
        ]),

        // Gruppestørrelse 2 - lærernorm 2021 2022 2023 2024
        // Bærum 17,4 17,3 17,1 16,9
        // Asker 16,7 16,3 16,8 16,7
        // ASSS med Oslo 16,6 16,5 16,4 16,4
        .byYear("Gruppestørrelse 2 - lærernorm", indicator: "grunnskole.gruppestorrelse_2", [
            row("Bærum", 17.4, 17.3, 17.1, 16.9),
            row("Asker", 16.7, 16.3, 16.8, 16.7),
            row("ASSS med Oslo", 16.6, 16.5, 16.4, 16.4),
        ]),

        // Gruppestørrelse 2, fordelt på hovedtrinn 2021 2022 2023 2024
        // 1. - 4. trinn 14,7 14,6 14,6 14,3
        // 5. - 7. trinn 19,2 18,9 18,3 18,6
        // 8. - 10. trinn 19,7 19,7 19,7 19,1
        .forBaerum("Gruppestørrelse 2, fordelt på hovedtrinn", rows: [
            "1. - 4. trinn": "grunnskole.gruppestorrelse_2_1_4",
            "5. - 7. trinn": "grunnskole.gruppestorrelse_2_5_7",
            "8. - 10. trinn": "grunnskole.gruppestorrelse_2_8_10",
        ], [
            row("1. - 4. trinn", 14.7, 14.6, 14.6, 14.3),
            row("5. - 7. trinn", 19.2, 18.9, 18.3, 18.6),
            row("8. - 10. trinn", 19.7, 19.7, 19.7, 19.1),
        ]),

        // Andel undervisning gitt av
        // undervisningspersonale med godkjent
        // utdanning
        // 2021 2022 2023 2024
        // Bærum 92,0 % 92,8 % 92,3 % 93,3 %
        // Asker 96,0 % 95,2 % 96,5 % 94,7 %
        // ASSS med Oslo 95,8 % 96,0 % 95,9 % 95,9 %
        .byYear("Andel undervisning gitt av undervisningspersonale med godkjent utdanning",
                indicator: "grunnskole.andel_undervisning_godkjent_utdanning", [
            row("Bærum", 92.0, 92.8, 92.3, 93.3),
            row("Asker", 96.0, 95.2, 96.5, 94.7),
            row("ASSS med Oslo", 95.8, 96.0, 95.9, 95.9),
        ]),

        // Alderssammensetning undervisningspersonale 2021 2022 2023 2024
        // 40 år eller yngre 53 % 52 % 56 % 55 %
        // 41 til 49 år 18 % 18 % 16 % 15 %
        // 50 til 59 år 19 % 20 % 19 % 20 %
        // 60 år og eldre 9 % 10 % 10 % 9 %
        .forBaerum("Alderssammensetning undervisningspersonale", rows: [
            "40 år eller yngre": "grunnskole.alder_undervisningspersonale_40_og_yngre",
            "41 til 49 år": "grunnskole.alder_undervisningspersonale_41_49",
            "50 til 59 år": "grunnskole.alder_undervisningspersonale_50_59",
            "60 år og eldre": "grunnskole.alder_undervisningspersonale_60_og_eldre",
        ], [
            row("40 år eller yngre", 53, 52, 56, 55),
            row("41 til 49 år", 18, 18, 16, 15),
            row("50 til 59 år", 19, 20, 19, 20),
            row("60 år og eldre", 9, 10, 10, 9),
        ]),

        // Elever per lærerårsverk 2021 2022 2023 2024      (sic: the figures are per LEDERårsverk)
        // Bærum 151 151 133 133
        // Asker 109 105 103 107
        // ASSS med Oslo 127 124 121 121
        .byYear("Elever per lærerårsverk", indicator: "grunnskole.elever_per_lederarsverk", [
            row("Bærum", 151, 151, 133, 133),
            row("Asker", 109, 105, 103, 107),
            row("ASSS med Oslo", 127, 124, 121, 121),
        ]),

        // Alle årsverk per lederårsverk 2021 2022 2023 2024
        // Bærum 14,6 13,6 13,7 13,3
        // Asker 11,4 10,3 10,5 11,1
        // ASSS med Oslo 13,6 12,4 13,4 13,4
        .byYear("Alle årsverk per lederårsverk", indicator: "grunnskole.arsverk_per_lederarsverk", [
            row("Bærum", 14.6, 13.6, 13.7, 13.3),
            row("Asker", 11.4, 10.3, 10.5, 11.1),
            row("ASSS med Oslo", 13.6, 12.4, 13.4, 13.4),
        ]),

        // Antall assistentårsverk per hundre lærerårsverk 2021 2022 2023 2024
        // Bærum 10 11 14 13
        // Asker 14 13 14 13
        // (no ASSS row)
        .byYear("Antall assistentårsverk per hundre lærerårsverk",
                indicator: "grunnskole.assistentarsverk_per_100_laererarsverk", [
            row("Bærum", 10, 11, 14, 13),
            row("Asker", 14, 13, 14, 13),
        ]),

        // Elever per kommunal grunnskole 2021 2022 2023 2024
        // Bærum 365 363 382 379
        // Asker 290 290 287 286
        // ASSS med Oslo 360 360 361 359
        .byYear("Elever per kommunal grunnskole", indicator: "grunnskole.elever_per_kommunal_grunnskole", [
            row("Bærum", 365, 363, 382, 379),
            row("Asker", 290, 290, 287, 286),
            row("ASSS med Oslo", 360, 360, 361, 359),
        ]),

        // Korrigerte brutto driftsutgifter til
        // skolefritidstilbud (215), per komm. Bruker
        // 2021 2022 2023 2024
        // Bærum 40 900 42 155 40 684 38 057
        // Asker 40 104 37 550 37 497 35 296
        // ASSS med Oslo 44 057 41 419 42 988 42 709
        .byYear("Korrigerte brutto driftsutgifter til skolefritidstilbud (215), per komm. Bruker",
                indicator: "grunnskole.korrigerte_brutto_driftsutgifter_sfo_per_bruker", [
            row("Bærum", 40_900, 42_155, 40_684, 38_057),
            row("Asker", 40_104, 37_550, 37_497, 35_296),
            row("ASSS med Oslo", 44_057, 41_419, 42_988, 42_709),
        ]),
    ]
}
