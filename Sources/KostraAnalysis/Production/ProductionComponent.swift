import KostraData

/// One indicator of the production index: its weight, the region's and ASSS's levels, the
/// region's score relative to ASSS (ASSS = 100) and its contribution to the index.
public struct ProductionComponent: Sendable, Hashable {
    /// The weighted indicator's id ("grunnskole.skolebidrag_5_7").
    public var indicatorId: String
    /// The name the weights' source prints, else the indicator's Norwegian name.
    public var label: String
    /// How the indicator enters the index.
    public var kind: ProductionComponentKind
    /// The weight, as published for the year.
    public var weight: Double
    /// The region's level: the share; national average + contribution; or the learning
    /// environment composite. Missing (with the reason) where it cannot be formed.
    public var value: Figure
    /// ASSS's level, formed the same way.
    public var referenceValue: Figure
    /// The score: 100 × value / referenceValue, computed; or, where that cannot be computed,
    /// the report's published score (`provenance.isPublished`); or missing, with the reason.
    public var score: Figure
    /// The report's published score for this component, whenever the data has one (the same
    /// figure as `score` when the score could not be computed).
    public var publishedScore: Figure?
    /// weight × score, in index points; missing when the score is.
    public var contribution: Figure

    /// A component.
    public init(
        indicatorId: String,
        label: String,
        kind: ProductionComponentKind,
        weight: Double,
        value: Figure,
        referenceValue: Figure,
        score: Figure,
        publishedScore: Figure?,
        contribution: Figure
    ) {
        self.indicatorId = indicatorId
        self.label = label
        self.kind = kind
        self.weight = weight
        self.value = value
        self.referenceValue = referenceValue
        self.score = score
        self.publishedScore = publishedScore
        self.contribution = contribution
    }
}
