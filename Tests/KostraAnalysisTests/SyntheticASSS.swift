import KostraData

/// SYNTHETIC DATA, made up for these tests only: the twelve ASSS members (real codes, names
/// marked "SYNTHETIC"), the two ASSS averages, one municipality outside ASSS and the country,
/// with invented figures chosen so that every expected value can be worked out by hand. None
/// of these numbers is a real KOSTRA figure.
enum SyntheticASSS {
    static let members = ["3203", "4601", "3201", "3301", "3107", "4204", "3205", "0301", "1108", "1103", "5501", "5001"]

    /// Each municipality is named "SYNTHETIC <name>" and has the real name as an alias, so
    /// that a test may ask for "Bærum".
    static let regions: [Region] = [
        Region(code: "3203", name: "SYNTHETIC Asker", kind: .municipality, aliases: ["Asker"]),
        Region(code: "4601", name: "SYNTHETIC Bergen", kind: .municipality, aliases: ["Bergen"]),
        Region(code: "3201", name: "SYNTHETIC Bærum", kind: .municipality, formerCodes: [FormerCode(code: "3024", lastYear: 2023)], aliases: ["Bærum"]),
        Region(code: "3301", name: "SYNTHETIC Drammen", kind: .municipality, aliases: ["Drammen"]),
        Region(code: "3107", name: "SYNTHETIC Fredrikstad", kind: .municipality, aliases: ["Fredrikstad"]),
        Region(code: "4204", name: "SYNTHETIC Kristiansand", kind: .municipality, aliases: ["Kristiansand"]),
        Region(code: "3205", name: "SYNTHETIC Lillestrøm", kind: .municipality, aliases: ["Lillestrøm"]),
        Region(code: "0301", name: "SYNTHETIC Oslo", kind: .municipality, aliases: ["Oslo"]),
        Region(code: "1108", name: "SYNTHETIC Sandnes", kind: .municipality, aliases: ["Sandnes"]),
        Region(code: "1103", name: "SYNTHETIC Stavanger", kind: .municipality, aliases: ["Stavanger"]),
        Region(code: "5501", name: "SYNTHETIC Tromsø", kind: .municipality, aliases: ["Tromsø"]),
        Region(code: "5001", name: "SYNTHETIC Trondheim", kind: .municipality, aliases: ["Trondheim"]),
        Region(code: "9999", name: "SYNTHETIC Utenfor", kind: .municipality, aliases: ["Utenfor"]),
        Region(code: "ASSS", name: "SYNTHETIC ASSS med Oslo", kind: .groupAverage, memberCodes: members),
        Region(code: "ASSSUO", name: "SYNTHETIC ASSS uten Oslo", kind: .groupAverage, memberCodes: members.filter { $0 != "0301" }),
        Region(code: "EAK", name: "SYNTHETIC Landet", kind: .country),
    ]

    static func indicator(
        _ name: String,
        unit: Unit,
        direction: Direction,
        aggregation: Aggregation,
        weight: String? = nil
    ) -> Indicator {
        Indicator(
            id: "synthetic.\(name)",
            nameNb: "SYNTHETIC \(name)",
            nameEn: "SYNTHETIC \(name)",
            unit: unit,
            direction: direction,
            aggregation: aggregation,
            weightIndicatorId: weight,
            service: "synthetic",
            decimals: 1
        )
    }

    static let indicators: [Indicator] = [
        // The denominators: pupils per member.
        indicator("elever", unit: .number, direction: .neutral, aggregation: .publishedOnly),
        // Weighted by pupils.
        indicator("gruppestorrelse", unit: .number, direction: .higherCostsLess, aggregation: .weighted, weight: "synthetic.elever"),
        // The same values, averaged plainly.
        indicator("gruppestorrelse_uvektet", unit: .number, direction: .higherCostsLess, aggregation: .plainMean),
        // Lower is better; ties and missing members.
        indicator("sykefravaer", unit: .percent, direction: .lowerIsBetter, aggregation: .plainMean),
        // Weighted, but the data names no weight indicator.
        indicator("andel_uten_vekt", unit: .percent, direction: .higherIsBetter, aggregation: .weighted),
        // Descriptive only.
        indicator("andel_jenter", unit: .percent, direction: .neutral, aggregation: .plainMean),
        // Already an index: left out of profiles.
        indicator("indeks", unit: .index, direction: .higherIsBetter, aggregation: .publishedOnly),
        // A reference of 0.
        indicator("nullpunkt", unit: .number, direction: .higherIsBetter, aggregation: .plainMean),
    ]

    /// Pupils in 2024 (and 2023, but for Lillestrøm, which has none in 2023). They sum to
    /// 230 000; Oslo's 80 000 is the largest share.
    static let pupils: [String: Double] = [
        "3203": 10_000, "4601": 30_000, "3201": 15_000, "3301": 12_000, "3107": 8_000, "4204": 12_000,
        "3205": 10_000, "0301": 80_000, "1108": 10_000, "1103": 15_000, "5501": 8_000, "5001": 20_000,
    ]

    /// Group size in 2024. Tromsø's figure is suppressed (stated missing).
    static let groupSize2024: [String: Double] = [
        "3203": 16.0, "4601": 17.0, "3201": 18.0, "3301": 17.5, "3107": 16.5, "4204": 17.0,
        "3205": 16.0, "0301": 15.0, "1108": 17.0, "1103": 16.5, "5001": 18.0,
    ]

    /// Sickness absence in 2024: Bærum and Drammen share the lowest (4.5); Bergen and Stavanger
    /// share 6.0; Lillestrøm's figure is not yet available (stated missing); Tromsø has none.
    static let absence2024: [String: Double] = [
        "3203": 5.0, "4601": 6.0, "3201": 4.5, "3301": 4.5, "3107": 7.0, "4204": 6.5,
        "0301": 8.0, "1108": 5.5, "1103": 6.0, "5001": 7.5,
    ]

    static func observation(_ id: String, _ region: String, _ year: Int, _ value: Double?, missing: MissingReason? = nil) -> Observation {
        Observation(
            indicatorId: "synthetic.\(id)",
            regionCode: region,
            year: year,
            value: value,
            missing: value == nil ? (missing ?? .notPublished) : nil,
            source: "SYNTHETIC"
        )
    }

    static var observations: [Observation] {
        var all: [Observation] = []
        for code in members {
            all.append(observation("elever", code, 2024, pupils[code]))
            if code != "3205" {
                all.append(observation("elever", code, 2023, pupils[code]))
            }
            all.append(observation("gruppestorrelse", code, 2024, groupSize2024[code], missing: .suppressed))
            all.append(observation("gruppestorrelse_uvektet", code, 2024, groupSize2024[code], missing: .suppressed))
            // 2023: every member has a value; Tromsø's is 16.0, the others as in 2024.
            all.append(observation("gruppestorrelse", code, 2023, groupSize2024[code] ?? 16.0))
            if code == "3205" {
                all.append(observation("sykefravaer", code, 2024, nil, missing: .notAvailable))
            } else if let value = absence2024[code] {
                all.append(observation("sykefravaer", code, 2024, value))
            }
        }
        all += [
            observation("elever", "ASSS", 2024, 19_167),
            // Published averages, so that computed − published has something to show.
            observation("gruppestorrelse", "ASSS", 2024, 16.3),
            observation("gruppestorrelse", "ASSSUO", 2024, 17.1),
            observation("gruppestorrelse_uvektet", "ASSS", 2024, 16.8),
            observation("sykefravaer", "ASSS", 2024, 6.1),
            observation("sykefravaer", "9999", 2024, 5.0),
            // Bærum's absence over time, with no figure for 2022 (a gap).
            observation("sykefravaer", "3201", 2021, 5.5),
            observation("sykefravaer", "3201", 2023, 5.0),
            observation("andel_uten_vekt", "3201", 2024, 10.0),
            observation("andel_uten_vekt", "3203", 2024, 12.0),
            observation("andel_uten_vekt", "ASSS", 2024, 11.0),
            observation("andel_jenter", "3201", 2024, 49.0),
            observation("andel_jenter", "3203", 2024, 51.0),
            observation("indeks", "3201", 2024, 101.0),
            observation("nullpunkt", "3201", 2024, 3.0),
            observation("nullpunkt", "ASSS", 2024, 0.0),
        ]
        return all
    }

    /// The SYNTHETIC dataset.
    static func dataset() throws -> Dataset {
        try Dataset(
            regions: regions,
            indicators: indicators,
            observations: observations,
            productionWeights: [],
            facts: [],
            name: "SYNTHETIC ASSS test data"
        )
    }
}
