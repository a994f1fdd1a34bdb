public import KostraData

/// A municipality's relative efficiency for a year: its production index over its gross
/// expenditure index (both ASSS = 100), times 100; the report's published figure beside it;
/// and the change in percentage points from the year before.
public struct EfficiencyResult: Sendable, Hashable {
    /// The indicator of the gross expenditure index (need-corrected gross operating
    /// expenditure per inhabitant, ASSS = 100).
    public static let expenditureIndexId = "grunnskole.brutto_driftsutgifter_indeks"
    /// The indicator of the published relative efficiency.
    public static let efficiencyIndexId = "grunnskole.effektivitetsindeks"

    /// The municipality.
    public var region: Region
    /// The year.
    public var year: Int
    /// The production index used (`Analysis.productionIndex`): computed, else the report's, as published.
    public var productionIndex: Figure
    /// The gross expenditure index, as the data has it.
    public var expenditureIndex: Figure
    /// 100 × production index / expenditure index, computed (its inputs may be as
    /// published); where it cannot be computed, missing (the report's is `published`).
    public var efficiency: Figure
    /// The report's published efficiency whenever the data has one.
    public var published: Figure?
    /// The computed efficiency less the published one, in index points; nil unless both exist.
    public var differenceFromPublished: Figure?
    /// Whether the computed efficiency, rounded as the report rounds it, equals the published
    /// figure; nil unless both exist.
    public var agreesWithPublished: Bool?
    /// The efficiency of the year before: computed, published, implied by the published
    /// efficiency and the published change, or missing.
    public var previousEfficiency: Figure
    /// The change from the year before in percentage points: computed from the two years'
    /// efficiencies (each computed, else the report's), else missing.
    public var change: Figure
    /// The report's change from the year before (a sentence), as published, when it gives one.
    public var publishedChange: Figure?

    /// A result.
    public init(
        region: Region,
        year: Int,
        productionIndex: Figure,
        expenditureIndex: Figure,
        efficiency: Figure,
        published: Figure?,
        differenceFromPublished: Figure?,
        agreesWithPublished: Bool?,
        previousEfficiency: Figure,
        change: Figure,
        publishedChange: Figure? = nil
    ) {
        self.region = region
        self.year = year
        self.productionIndex = productionIndex
        self.expenditureIndex = expenditureIndex
        self.efficiency = efficiency
        self.published = published
        self.differenceFromPublished = differenceFromPublished
        self.agreesWithPublished = agreesWithPublished
        self.previousEfficiency = previousEfficiency
        self.change = change
        self.publishedChange = publishedChange
    }
}
