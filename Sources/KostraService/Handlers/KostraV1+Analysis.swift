import KostraAnalysis
import KostraCodec
import KostraData
import KostraProtocol

// Conversions from the analysis's values to the schema's messages.

extension KostraV1.Figure {
    init(_ figure: Figure) {
        self.init(
            value: figure.value,
            unit: KostraV1.Unit(figure.unit),
            provenance: KostraV1.Provenance(figure.provenance),
            missingReason: figure.missingReason ?? ""
        )
    }
}

extension KostraV1.Provenance {
    init(_ provenance: Provenance) {
        self.init(
            method: KostraV1.AnalysisMethod(provenance.method),
            formula: provenance.formula,
            inputs: provenance.inputs.map(KostraV1.AnalysisInput.init),
            published: provenance.isPublished,
            source: provenance.source ?? "",
            status: KostraV1.FigureStatus(provenance.status)
        )
    }
}

extension KostraV1.AnalysisInput {
    init(_ input: AnalysisInput) {
        self.init(
            indicatorId: input.indicatorId,
            regionCode: input.regionCode,
            year: Int32(input.year),
            value: input.value,
            status: KostraV1.FigureStatus(input.status),
            source: input.source
        )
    }
}

extension KostraV1.AnalysisMethod {
    init(_ method: AnalysisMethod) {
        switch method {
        case .serviceProfile: self = .serviceProfile
        case .comparison: self = .comparison
        case .groupAverage: self = .groupAverage
        case .productionIndex: self = .productionIndex
        case .productionChange: self = .productionChange
        case .relativeEfficiency: self = .relativeEfficiency
        case .resourceUse: self = .resourceUse
        case .teacherNorm: self = .teacherNorm
        case .published: self = .published
        }
    }
}

extension KostraV1.ProfileRow {
    init(_ row: ProfileRow) {
        self.init(
            indicator: KostraV1.Indicator(row.indicator),
            value: row.value,
            referenceValue: row.referenceValue,
            index: KostraV1.Figure(row.index)
        )
    }
}

extension KostraV1.Favourability {
    init(_ favourability: Favourability) {
        switch favourability {
        case .favourable: self = .favourable
        case .unfavourable: self = .unfavourable
        case .equal: self = .equal
        case .notJudged: self = .notJudged
        case .unknown: self = .unknown
        }
    }
}

extension KostraV1.RankPlace {
    init(_ place: RankPlace) {
        switch place {
        case .lowest: self = .lowest
        case .secondLowest: self = .secondLowest
        case .between: self = .between
        case .secondHighest: self = .secondHighest
        case .highest: self = .highest
        case .allEqual: self = .allEqual
        case .only: self = .only
        }
    }
}

extension KostraV1.ValueChange {
    init(_ change: ValueChange) {
        self.init(
            fromYear: Int32(change.fromYear),
            toYear: Int32(change.toYear),
            absolute: KostraV1.Figure(change.absolute),
            percent: KostraV1.Figure(change.percent),
            assessment: KostraV1.Favourability(change.assessment),
            yearsWithoutValue: change.yearsWithoutValue.map { Int32($0) }
        )
    }
}

extension KostraV1.GroupRank {
    init(_ rank: GroupRank) {
        self.init(
            group: rank.group,
            year: Int32(rank.year),
            fromLowest: Int32(rank.fromLowest),
            fromHighest: Int32(rank.fromHighest),
            ranked: Int32(rank.ranked),
            members: Int32(rank.members),
            tiedWith: rank.tiedWith,
            membersWithoutValue: rank.membersWithoutValue,
            place: KostraV1.RankPlace(rank.place)
        )
    }
}

extension KostraV1.ComparedSeries {
    init(_ series: ComparedSeries) {
        self.init(
            region: KostraV1.Region(series.region),
            years: series.years.map { year in
                KostraV1.ComparedYear(
                    year: Int32(year.year),
                    value: year.value,
                    missingReason: year.missingReason ?? "",
                    changeFromYearBefore: KostraV1.ValueChange(year.changeFromYearBefore),
                    rank: year.rank.map(KostraV1.GroupRank.init),
                    rankNote: year.rankNote ?? ""
                )
            },
            period: KostraV1.ValueChange(series.period)
        )
    }
}

extension KostraV1.IndicatorComparison {
    init(_ comparison: IndicatorComparison) {
        self.init(
            indicator: KostraV1.Indicator(comparison.indicator),
            years: comparison.years.map { Int32($0) },
            series: comparison.series.map(KostraV1.ComparedSeries.init),
            differences: comparison.differences.map { difference in
                KostraV1.ComparisonDifference(
                    otherRegionCode: difference.other.code,
                    year: Int32(difference.year),
                    absolute: KostraV1.Figure(difference.absolute),
                    relative: KostraV1.Figure(difference.relative),
                    index: KostraV1.Figure(difference.index),
                    assessment: KostraV1.Favourability(difference.assessment)
                )
            }
        )
    }
}

extension RPCError {
    /// The status an analysis error is answered with.
    init(_ error: AnalysisError) {
        let detail = KostraV1.ErrorDetail(
            field: error.field,
            reason: error.message,
            available: error.available,
            suggestions: error.suggestions
        )
        self.init(error.kind == .notFound ? .notFound : .invalidArgument, error.message, details: [detail])
    }
}
