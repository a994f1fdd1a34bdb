import KostraCodec
import KostraData

// Conversions from the data layer's values to the schema's messages. The data
// layer knows nothing of the wire; this file is where the two meet.

extension KostraV1.Region {
    init(_ region: Region) {
        self.init(
            code: region.code,
            name: region.name,
            kind: KostraV1.RegionKind(region.kind),
            formerCodes: region.formerCodes.map { KostraV1.FormerCode(code: $0.code, lastYear: Int32($0.lastYear)) },
            memberCodes: region.memberCodes,
            nameEn: region.nameEn ?? ""
        )
    }
}

extension KostraV1.RegionKind {
    init(_ kind: RegionKind) {
        switch kind {
        case .municipality: self = .municipality
        case .groupAverage: self = .groupAverage
        case .country: self = .country
        }
    }

    /// The data layer's kind, or nil for UNSPECIFIED (meaning "any").
    var dataKind: RegionKind? {
        switch self {
        case .municipality: .municipality
        case .groupAverage: .groupAverage
        case .country: .country
        default: nil
        }
    }
}

extension KostraV1.Indicator {
    init(_ indicator: Indicator) {
        self.init(
            id: indicator.id,
            nameNb: indicator.nameNb,
            nameEn: indicator.nameEn,
            unit: KostraV1.Unit(indicator.unit),
            kostraFunction: indicator.kostraFunction ?? "",
            direction: KostraV1.Direction(indicator.direction),
            aggregation: KostraV1.Aggregation(indicator.aggregation),
            ssbContentCode: indicator.ssbContentCode ?? "",
            ssbTable: indicator.ssbTable ?? "",
            service: indicator.service,
            decimals: Int32(indicator.decimals),
            description: indicator.description
        )
    }
}

extension KostraV1.Unit {
    init(_ unit: KostraData.Unit) {
        switch unit {
        case .nok: self = .nok
        case .thousandNok: self = .thousandNok
        case .percent: self = .percent
        case .number: self = .number
        case .index: self = .index
        case .hours: self = .hours
        case .points: self = .points
        case .fraction: self = .fraction
        case .percentagePoints: self = .percentagePoints
        }
    }
}

extension KostraV1.Direction {
    init(_ direction: Direction) {
        switch direction {
        case .higherIsBetter: self = .higherIsBetter
        case .lowerIsBetter: self = .lowerIsBetter
        case .higherCostsMore: self = .higherCostsMore
        case .higherCostsLess: self = .higherCostsLess
        case .neutral: self = .neutral
        }
    }
}

extension KostraV1.Aggregation {
    init(_ aggregation: Aggregation) {
        switch aggregation {
        case .weighted: self = .weighted
        case .plainMean: self = .plainMean
        case .publishedOnly: self = .publishedOnly
        }
    }
}

extension KostraV1.Observation {
    init(_ observation: Observation) {
        self.init(
            regionCode: observation.regionCode,
            year: Int32(observation.year),
            value: observation.value,
            missing: KostraV1.MissingReason(observation.missing),
            status: KostraV1.FigureStatus(observation.status),
            source: observation.source,
            reportedCode: observation.reportedCode ?? ""
        )
    }

    /// The cell of a year the source has no figure for. No publication stands
    /// behind it, so its status is unspecified.
    static func notPublished(regionCode: String, year: Int) -> KostraV1.Observation {
        KostraV1.Observation(
            regionCode: regionCode,
            year: Int32(year),
            missing: .notPublished,
            status: .unspecified,
            source: "no figure in the source"
        )
    }

    /// The cell of a year asked for that lies outside the years the data has
    /// for the indicator (`span`, such as "2021–2024"). No publication stands
    /// behind it, so its status is unspecified.
    static func outsideData(regionCode: String, year: Int, span: String) -> KostraV1.Observation {
        KostraV1.Observation(
            regionCode: regionCode,
            year: Int32(year),
            missing: .outsideData,
            status: .unspecified,
            source: "no figures for \(year): the data has this indicator for \(span)"
        )
    }
}

extension KostraV1.MissingReason {
    init(_ reason: MissingReason?) {
        switch reason {
        case nil: self = .none
        case .notAvailable: self = .notAvailable
        case .suppressed: self = .suppressed
        case .notApplicable: self = .notApplicable
        case .notPublished: self = .notPublished
        }
    }
}

extension KostraV1.FigureStatus {
    init(_ status: FigureStatus) {
        switch status {
        case .preliminary: self = .preliminary
        case .final: self = .final
        case .asPublished: self = .asPublished
        }
    }
}

extension Region {
    /// The region as the schema's message.
    var wire: KostraV1.Region { KostraV1.Region(self) }
}
