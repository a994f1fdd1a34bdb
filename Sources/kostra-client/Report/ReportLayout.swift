/// The grunnskole chapter's order: its sections, and in each the tables
/// and analyses it prints, as the chapter lays them out. This is layout, not
/// analysis: every figure comes from the server's methods.
struct ReportLayout: Sendable {
    /// A table of the chapter.
    enum Table: Sendable, Equatable {
        /// One indicator: the region and the others as rows, years as columns.
        case regions(indicator: String)
        /// Several indicators of the region alone: one row each, years as
        /// columns (the chapter's decision categories, age groups, grade bands).
        case indicators(id: String, titleNb: String, titleEn: String, rows: [(id: String, nb: String, en: String)])
        /// Several indicators for the region and the others, the year and the
        /// year before as column groups (the chapter's national tests table).
        case yearPairs(id: String, titleNb: String, titleEn: String, rows: [(id: String, nb: String, en: String)])

        static func == (lhs: Table, rhs: Table) -> Bool { lhs.id == rhs.id }

        /// The table's id in JSON and in SVG file names.
        var id: String {
            switch self {
            case .regions(let indicator): indicator
            case .indicators(let id, _, _, _), .yearPairs(let id, _, _, _): id
            }
        }

        /// Every indicator the table shows.
        var indicators: [String] {
            switch self {
            case .regions(let indicator): [indicator]
            case .indicators(_, _, _, let rows), .yearPairs(_, _, _, let rows): rows.map(\.id)
            }
        }
    }

    /// An analysis the chapter shows as a figure or a table of its own.
    enum Analysis: String, Sendable {
        case profile
        case resourceUse = "resource_use"
        case teacherNorm = "teacher_norm"
        case production
        case efficiency
    }

    /// A block of a section, in the order printed.
    enum Block: Sendable {
        case analysis(Analysis)
        case table(Table)
    }

    /// A section of the chapter.
    struct Section: Sendable {
        var id: String
        var titleNb: String
        var titleEn: String
        var blocks: [Block]
        /// Indicators whose sentences belong here though no table shows them.
        var alsoAbout: [String] = []

        /// Every indicator the section is about: its tables' and `alsoAbout`.
        var indicators: [String] {
            self.blocks.flatMap { block -> [String] in
                if case .table(let table) = block { return table.indicators }
                return []
            } + self.alsoAbout
        }
    }

    /// The sections, in the chapter's order.
    var sections: [Section]

    /// Every table, in order.
    var tables: [Table] {
        self.sections.flatMap { section in
            section.blocks.compactMap { block in
                if case .table(let table) = block { return table }
                return nil
            }
        }
    }

    /// The grunnskole chapter of the KOSTRA analysis 2025.
    static let grunnskole = ReportLayout(sections: [
        Section(
            id: "profile", titleNb: "Tjenesteprofil for grunnskole", titleEn: "Service profile, primary school",
            blocks: [.analysis(.profile)]
        ),
        Section(
            id: "priorities", titleNb: "Prioritering/behov", titleEn: "Priorities and needs",
            blocks: [.analysis(.resourceUse), .table(.regions(indicator: "grunnskole.netto_driftsutgifter_sektor_per_innbygger_6_15"))],
            alsoAbout: ["grunnskole.ressursbruksindikator", "grunnskole.netto_driftsutgifter_per_elev"]
        ),
        Section(
            id: "group_size", titleNb: "Høy gruppestørrelse gir lavere utgifter per elev",
            titleEn: "Large groups mean lower expenditure per pupil",
            blocks: [.table(.regions(indicator: "grunnskole.gruppestorrelse_1"))]
        ),
        Section(
            id: "coverage", titleNb: "Dekningsgrader", titleEn: "Coverage",
            blocks: [
                .table(.regions(indicator: "grunnskole.andel_spesialundervisning_1_4")),
                .table(.regions(indicator: "grunnskole.andel_spesialundervisning_5_7")),
                .table(.regions(indicator: "grunnskole.andel_spesialundervisning_8_10")),
                .table(.regions(indicator: "grunnskole.arstimer_spesialundervisning_per_elev")),
                .table(
                    .indicators(
                        id: "vedtakskategorier",
                        titleNb: "Vedtakskategorier for elever med spesialundervisning, uten Haug",
                        titleEn: "Decision categories of pupils with special education, excluding Haug",
                        rows: [
                            ("grunnskole.vedtak_1_75_timer", "1 - 75 timer", "1-75 hours"),
                            ("grunnskole.vedtak_76_190_timer", "76 - 190 timer", "76-190 hours"),
                            ("grunnskole.vedtak_191_270_timer", "191 - 270 timer", "191-270 hours"),
                            ("grunnskole.vedtak_271_timer_eller_mer", "271 eller mer", "271 or more"),
                        ]
                    )
                ),
            ]
        ),
        Section(
            id: "quality", titleNb: "Kvalitet", titleEn: "Quality",
            blocks: [
                .table(
                    .yearPairs(
                        id: "nasjonale_prover",
                        titleNb: "Nasjonale prøver, andel elever på de høyeste mestringsnivåene",
                        titleEn: "National tests, share of pupils at the highest mastery levels",
                        rows: [
                            ("grunnskole.nasjonale_prover_5_trinn", "5. trinn", "grade 5"),
                            ("grunnskole.nasjonale_prover_8_trinn", "8. trinn", "grade 8"),
                            ("grunnskole.nasjonale_prover_9_trinn", "9. trinn", "grade 9"),
                        ]
                    )
                )
            ],
            alsoAbout: ["grunnskole.vurdering_for_laering"]
        ),
        Section(
            id: "key_figures", titleNb: "Andre nøkkeltall/utdypende indikatorer", titleEn: "Other key figures",
            blocks: [.table(.regions(indicator: "grunnskole.korrigerte_brutto_driftsutgifter_per_elev"))]
        ),
        Section(
            id: "teacher_norm", titleNb: "Gruppestørrelse 2/lærernorm", titleEn: "Group size 2 and the teacher norm",
            blocks: [
                .table(.regions(indicator: "grunnskole.gruppestorrelse_2")),
                .table(
                    .indicators(
                        id: "gruppestorrelse_2_hovedtrinn",
                        titleNb: "Gruppestørrelse 2, fordelt på hovedtrinn", titleEn: "Group size 2 by grade band",
                        rows: [
                            ("grunnskole.gruppestorrelse_2_1_4", "1. - 4. trinn", "grades 1-4"),
                            ("grunnskole.gruppestorrelse_2_5_7", "5. - 7. trinn", "grades 5-7"),
                            ("grunnskole.gruppestorrelse_2_8_10", "8. - 10. trinn", "grades 8-10"),
                        ]
                    )
                ),
                .analysis(.teacherNorm),
            ]
        ),
        Section(
            id: "staff", titleNb: "Undervisningspersonell og ledelse", titleEn: "Teaching staff and leadership",
            blocks: [
                .table(.regions(indicator: "grunnskole.andel_undervisning_godkjent_utdanning")),
                .table(
                    .indicators(
                        id: "alderssammensetning",
                        titleNb: "Alderssammensetning undervisningspersonale", titleEn: "Teaching staff by age",
                        rows: [
                            ("grunnskole.alder_undervisningspersonale_40_og_yngre", "40 år eller yngre", "40 or younger"),
                            ("grunnskole.alder_undervisningspersonale_41_49", "41 til 49 år", "41 to 49"),
                            ("grunnskole.alder_undervisningspersonale_50_59", "50 til 59 år", "50 to 59"),
                            ("grunnskole.alder_undervisningspersonale_60_og_eldre", "60 år og eldre", "60 or older"),
                        ]
                    )
                ),
                .table(.regions(indicator: "grunnskole.elever_per_lederarsverk")),
                .table(.regions(indicator: "grunnskole.arsverk_per_lederarsverk")),
                .table(.regions(indicator: "grunnskole.assistentarsverk_per_100_laererarsverk")),
            ]
        ),
        Section(
            id: "school_size", titleNb: "Skolestørrelse", titleEn: "School size",
            blocks: [.table(.regions(indicator: "grunnskole.elever_per_kommunal_grunnskole"))]
        ),
        Section(
            id: "sfo", titleNb: "Skolefritidsordningen (SFO)", titleEn: "After-school care (SFO)",
            blocks: [.table(.regions(indicator: "grunnskole.korrigerte_brutto_driftsutgifter_sfo_per_bruker"))],
            alsoAbout: ["grunnskole.antall_barn_i_sfo", "grunnskole.andel_6_9_med_sfo_plass"]
        ),
        Section(
            id: "production", titleNb: "Produksjonsindeks – grunnskole", titleEn: "Production index, primary school",
            blocks: [.analysis(.production)],
            alsoAbout: [
                "grunnskole.produksjonsindeks", "grunnskole.produksjonsindeks_sfo", "grunnskole.produksjonsindeks_skolebidrag_5_7",
                "grunnskole.endring_produksjon", "grunnskole.skolebidrag_1_4", "grunnskole.skolebidrag_5_7",
                "grunnskole.skolebidrag_8_10", "grunnskole.laeringsmiljo",
            ]
        ),
        Section(
            id: "efficiency", titleNb: "Ressursbruk, produksjon og effektivitet", titleEn: "Resources, production and efficiency",
            blocks: [.analysis(.efficiency)],
            alsoAbout: ["grunnskole.effektivitetsindeks", "grunnskole.brutto_driftsutgifter_indeks"]
        ),
    ])
}
