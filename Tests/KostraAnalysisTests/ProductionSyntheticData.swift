import KostraData

/// SYNTHETIC data for the tests of this module only: all twelve ASSS members, the ASSS average
/// and the country, with made-up production, pupil, expenditure and resource-use figures
/// chosen so that every expected result can be worked out by hand. None of these numbers is
/// real; none is in the built-in data.
enum ProductionSyntheticData {
    static let members = ["3203", "4601", "3201", "3301", "3107", "4204", "3205", "0301", "1108", "1103", "5501", "5001"]
    static let names = [
        "3203": "Asker", "4601": "Bergen", "3201": "Bærum", "3301": "Drammen", "3107": "Fredrikstad", "4204": "Kristiansand",
        "3205": "Lillestrøm", "0301": "Oslo", "1108": "Sandnes", "1103": "Stavanger", "5501": "Tromsø", "5001": "Trondheim",
    ]
    /// The eleven members other than Bærum, in member order.
    static let others = members.filter { $0 != "3201" }

    static let source = "SYNTHETIC test data"

    static func indicator(_ name: String, _ unit: Unit, _ aggregation: Aggregation = .weighted, decimals: Int = 1) -> Indicator {
        Indicator(
            id: "grunnskole.\(name)", nameNb: "SYNTHETIC \(name)", nameEn: "SYNTHETIC \(name)", unit: unit,
            direction: .higherIsBetter, aggregation: aggregation, service: "grunnskole", decimals: decimals
        )
    }

    static func value(_ name: String, _ region: String, _ year: Int, _ value: Double) -> Observation {
        Observation(indicatorId: "grunnskole.\(name)", regionCode: region, year: year, value: value, source: source)
    }

    static func missing(_ name: String, _ region: String, _ year: Int, _ reason: MissingReason) -> Observation {
        Observation(indicatorId: "grunnskole.\(name)", regionCode: region, year: year, value: nil, missing: reason, source: source)
    }

    static let regions: [Region] =
        members.map { Region(code: $0, name: names[$0] ?? $0, kind: .municipality) } + [
            Region(code: "ASSS", name: "ASSS med Oslo", nameEn: "ASSS average incl. Oslo", kind: .groupAverage, memberCodes: members),
            Region(code: "EAK", name: "Landet", nameEn: "Norway", kind: .country),
        ]

    static let indicators: [Indicator] = [
        indicator("skolebidrag_1_4", .points), indicator("skolebidrag_5_7", .points), indicator("skolebidrag_8_10", .points),
        indicator("skolebidrag_1_4_landsgjennomsnitt", .points, .publishedOnly),
        indicator("skolebidrag_5_7_landsgjennomsnitt", .points, .publishedOnly),
        indicator("skolebidrag_8_10_landsgjennomsnitt", .points, .publishedOnly),
        indicator("laeringsmiljo", .points, .plainMean),
        indicator("vurdering_for_laering_7", .points, .plainMean), indicator("vurdering_for_laering_10", .points, .plainMean),
        indicator("motivasjon_7", .points, .plainMean), indicator("motivasjon_10", .points, .plainMean),
        indicator("andel_6_9_med_sfo_plass", .percent),
        indicator("antall_elever", .number, .publishedOnly, decimals: 0),
        indicator("antall_6_9_med_sfo_plass", .number, .publishedOnly, decimals: 0),
        indicator("produksjonsindeks", .index, .publishedOnly),
        indicator("produksjonsindeks_sfo", .index, .publishedOnly),
        indicator("endring_produksjon", .percent, .publishedOnly),
        indicator("brutto_driftsutgifter_indeks", .index, .publishedOnly),
        indicator("effektivitetsindeks", .index, .publishedOnly),
        indicator("ressursbruk_forholdstall", .fraction, .plainMean, decimals: 3),
        indicator("netto_driftsutgifter_per_innbygger_korrigert", .nok, decimals: 0),
        indicator("beregnet_utgiftsbehov_per_innbygger", .nok, decimals: 0),
        indicator("ressursbruksindikator", .index, .plainMean),
    ]

    /// The weights: 2024's as the chapter publishes them (sum 1.0001); 2023's made up.
    static let weights: [ProductionWeights] = [
        ProductionWeights(
            year: 2024,
            weights: [
                "grunnskole.skolebidrag_1_4": 0.2426, "grunnskole.skolebidrag_5_7": 0.2426, "grunnskole.skolebidrag_8_10": 0.2426,
                "grunnskole.laeringsmiljo": 0.1819, "grunnskole.andel_6_9_med_sfo_plass": 0.0904,
            ],
            source: "SYNTHETIC weights (the chapter's 2024 values)"
        ),
        ProductionWeights(
            year: 2023,
            weights: [
                "grunnskole.skolebidrag_1_4": 0.25, "grunnskole.skolebidrag_5_7": 0.25, "grunnskole.skolebidrag_8_10": 0.25,
                "grunnskole.laeringsmiljo": 0.15, "grunnskole.andel_6_9_med_sfo_plass": 0.10,
            ],
            source: "SYNTHETIC weights 2023"
        ),
    ]

    /// The learning environment's parts for every member, both years: Bærum's own, and the
    /// others so that the plain means are 4.1, 3.7, 4.0 and 3.5 (ten members at the mean, the
    /// eleventh making up for Bærum's difference).
    static func learningEnvironment(year: Int) -> [Observation] {
        let parts: [(String, baerum: Double, others: Double, last: Double)] = [
            ("vurdering_for_laering_7", 4.0, 4.1, 4.2),   // (4.0 + 10 × 4.1 + 4.2) / 12 = 4.1
            ("vurdering_for_laering_10", 3.6, 3.7, 3.8),  // (3.6 + 10 × 3.7 + 3.8) / 12 = 3.7
            ("motivasjon_7", 4.2, 4.0, 3.8),              // (4.2 + 10 × 4.0 + 3.8) / 12 = 4.0
            ("motivasjon_10", 3.8, 3.5, 3.2),             // (3.8 + 10 × 3.5 + 3.2) / 12 = 3.5
        ]
        var observations: [Observation] = []
        for part in parts {
            observations.append(value(part.0, "3201", year, part.baerum))
            for (offset, code) in others.enumerated() {
                observations.append(value(part.0, code, year, offset == others.count - 1 ? part.last : part.others))
            }
        }
        return observations
    }

    static var observations: [Observation] {
        var list: [Observation] = [
            // National average results (EAK), 2024 and 2023.
            value("skolebidrag_1_4_landsgjennomsnitt", "EAK", 2024, 50), value("skolebidrag_5_7_landsgjennomsnitt", "EAK", 2024, 50),
            value("skolebidrag_8_10_landsgjennomsnitt", "EAK", 2024, 40),
            value("skolebidrag_1_4_landsgjennomsnitt", "EAK", 2023, 50), value("skolebidrag_5_7_landsgjennomsnitt", "EAK", 2023, 50),
            // Bærum 2024 and 2023.
            value("skolebidrag_1_4", "3201", 2024, 1.0), value("skolebidrag_5_7", "3201", 2024, -0.5), value("skolebidrag_8_10", "3201", 2024, 2.0),
            value("skolebidrag_1_4", "3201", 2023, 1.5), value("skolebidrag_5_7", "3201", 2023, -0.2),
            missing("skolebidrag_8_10", "3201", 2023, .notApplicable),
            value("andel_6_9_med_sfo_plass", "3201", 2024, 90.0),
            value("antall_elever", "3201", 2024, 14850), value("antall_elever", "3201", 2023, 15000),
            value("antall_6_9_med_sfo_plass", "3201", 2024, 4900), value("antall_6_9_med_sfo_plass", "3201", 2023, 5000),
            // ASSS 2024 and 2023 (the learning environment from the members).
            value("skolebidrag_1_4", "ASSS", 2024, 0.5), value("skolebidrag_5_7", "ASSS", 2024, 0.5), value("skolebidrag_8_10", "ASSS", 2024, 1.0),
            value("skolebidrag_1_4", "ASSS", 2023, 0.4), value("skolebidrag_5_7", "ASSS", 2023, 0.6),
            missing("skolebidrag_8_10", "ASSS", 2023, .notApplicable),
            value("andel_6_9_med_sfo_plass", "ASSS", 2024, 87.5),
            value("antall_elever", "ASSS", 2024, 200_000), value("antall_elever", "ASSS", 2023, 201_000),
            value("antall_6_9_med_sfo_plass", "ASSS", 2024, 60_000), value("antall_6_9_med_sfo_plass", "ASSS", 2023, 61_000),
            // Efficiency: expenditure indices, and a published production index for 2023.
            value("brutto_driftsutgifter_indeks", "3201", 2024, 95.0), value("brutto_driftsutgifter_indeks", "3201", 2023, 96.0),
            value("produksjonsindeks", "3201", 2023, 101.0),
            // Resource use: Bærum from its parts (18 000 / 20 000 = 0.9), ten members' ratios,
            // Tromsø's suppressed, and a published ASSS ratio of 1.
            value("netto_driftsutgifter_per_innbygger_korrigert", "3201", 2024, 18_000),
            value("beregnet_utgiftsbehov_per_innbygger", "3201", 2024, 20_000),
            missing("ressursbruk_forholdstall", "5501", 2024, .suppressed),
            value("ressursbruk_forholdstall", "ASSS", 2024, 1.0),
        ]
        let ratios = [1.00, 1.05, 0.95, 1.10, 1.02, 0.98, 1.20, 0.97, 1.03, 0.99]
        for (code, ratio) in zip(others.filter { $0 != "5501" }, ratios) {
            list.append(value("ressursbruk_forholdstall", code, 2024, ratio))
        }
        return list + learningEnvironment(year: 2024) + learningEnvironment(year: 2023)
    }

    /// The dataset, with `changes` applied to the observations (replace or remove by key).
    static func dataset(
        removing removed: Set<String> = [],
        adding added: [Observation] = [],
        facts: [Fact] = []
    ) throws -> Dataset {
        let kept = observations.filter { !removed.contains("\($0.indicatorId) \($0.regionCode) \($0.year)") }
        return try Dataset(
            regions: regions, indicators: indicators, observations: kept + added,
            productionWeights: weights, facts: facts, name: "SYNTHETIC"
        )
    }
}
