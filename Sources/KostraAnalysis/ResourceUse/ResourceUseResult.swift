public import KostraData

/// A municipality's resource use (ressursbruksindikator): its spending for its needs relative
/// to the plain mean of the ASSS members' (= 100), and the deviation in kroner per inhabitant.
public struct ResourceUseResult: Sendable, Hashable {
    /// The ratio itself, where the data gives it: net operating expenditure per inhabitant
    /// (corrected) / need-corrected calculated expenditure per inhabitant.
    public static let ratioId = "grunnskole.ressursbruk_forholdstall"
    /// Net operating expenditure per inhabitant, less depreciation, corrected for pension,
    /// payroll tax and pupils in state and private schools (kroner): the ratio's numerator.
    public static let netExpenditureId = "grunnskole.netto_driftsutgifter_per_innbygger_korrigert"
    /// Need-corrected calculated expenditure per inhabitant, the income system's cost key
    /// (kroner): the ratio's denominator.
    public static let expenditureNeedId = "grunnskole.beregnet_utgiftsbehov_per_innbygger"
    /// The published indicator (ASSS = 100).
    public static let indexId = "grunnskole.ressursbruksindikator"

    /// The municipality.
    public var region: Region
    /// The group whose plain mean is the reference (ASSS med Oslo).
    public var reference: Region
    /// The year.
    public var year: Int
    /// The municipality's ratio.
    public var ratio: Figure
    /// Each member's ratio.
    public var members: [ResourceUseMember]
    /// The plain mean of the members' ratios that have a value (DOMAIN.md: a ready-made key
    /// figure, so a plain mean, not weighted).
    public var meanRatio: Figure
    /// The group's ratio as the data publishes it, when it does.
    public var publishedMeanRatio: Figure?
    /// The computed mean less the published one; nil unless both exist.
    public var meanDifference: Figure?
    /// 100 × ratio / mean ratio, computed; else missing (the report's indicator is `publishedIndex`).
    public var index: Figure
    /// The report's indicator whenever the data has it.
    public var publishedIndex: Figure?
    /// index − 100, in percent: −6.9 is "6.9 % below the average". Computed from
    /// `index`, else from `publishedIndex`.
    public var deviationPercent: Figure
    /// (ratio − mean ratio) × need-corrected calculated expenditure per inhabitant, in kroner:
    /// what the municipality spends per inhabitant beyond (below, if negative) spending as the
    /// average does for the same needs. Computed, or missing.
    public var kronerPerInhabitant: Figure
    /// The report's kroner per inhabitant, as published (a sentence of the chapter), when it gives one.
    public var publishedKronerPerInhabitant: Figure?

    /// A result.
    public init(
        region: Region,
        reference: Region,
        year: Int,
        ratio: Figure,
        members: [ResourceUseMember],
        meanRatio: Figure,
        publishedMeanRatio: Figure?,
        meanDifference: Figure?,
        index: Figure,
        publishedIndex: Figure?,
        deviationPercent: Figure,
        kronerPerInhabitant: Figure,
        publishedKronerPerInhabitant: Figure? = nil
    ) {
        self.region = region
        self.reference = reference
        self.year = year
        self.ratio = ratio
        self.members = members
        self.meanRatio = meanRatio
        self.publishedMeanRatio = publishedMeanRatio
        self.meanDifference = meanDifference
        self.index = index
        self.publishedIndex = publishedIndex
        self.deviationPercent = deviationPercent
        self.kronerPerInhabitant = kronerPerInhabitant
        self.publishedKronerPerInhabitant = publishedKronerPerInhabitant
    }
}
