public import KostraData

/// One indicator of a service profile: the region's value, the reference's value, and the
/// index `100 × value / reference value`.
public struct ProfileRow: Sendable, Hashable {
    /// The indicator.
    public var indicator: Indicator
    /// The region's value; `nil` when its figure is stated missing (the index then says why).
    public var value: Double?
    /// The reference's value; `nil` when the reference has no figure.
    public var referenceValue: Double?
    /// `100 × value / referenceValue` (unit `.index`), or a missing figure with the reason:
    /// never 0 for a missing or zero reference.
    public var index: Figure

    /// A row.
    public init(indicator: Indicator, value: Double?, referenceValue: Double?, index: Figure) {
        self.indicator = indicator
        self.value = value
        self.referenceValue = referenceValue
        self.index = index
    }
}
