/// One production indicator's percentage change from the year before, as it enters the change
/// in production: with the change in pupil numbers folded in for the school contribution and
/// the learning environment, and as the growth of the count behind a share (6-9 year olds with
/// an SFO place).
public struct ProductionChangeComponent: Sendable, Hashable {
    /// The weighted indicator's id.
    public var indicatorId: String
    /// The name the weights' source prints, else the indicator's Norwegian name.
    public var label: String
    /// How the indicator enters.
    public var kind: ProductionComponentKind
    /// The indicator's weight in the later year.
    public var weight: Double
    /// The percentage change (unit percent), or missing with the reason: such an indicator
    /// is left out of the total, never counted as no change.
    public var change: Figure

    /// A component.
    public init(indicatorId: String, label: String, kind: ProductionComponentKind, weight: Double, change: Figure) {
        self.indicatorId = indicatorId
        self.label = label
        self.kind = kind
        self.weight = weight
        self.change = change
    }

    /// Whether the change has a value and so enters the total.
    public var isIncluded: Bool { change.value != nil }
}
