public import KostraData

/// The region against one other region or group average in one year: how far apart, in the
/// indicator's unit, in percent and as an index, and whether the difference is favourable.
public struct ComparisonDifference: Sendable, Hashable {
    /// The region compared with.
    public var other: Region
    /// The year.
    public var year: Int
    /// The region's value, `nil` when missing.
    public var value: Double?
    /// The other region's value, `nil` when missing.
    public var otherValue: Double?
    /// `value − otherValue`, in the difference unit (percentage points for percentages and
    /// indices, the indicator's unit otherwise).
    public var absolute: Figure
    /// `100 × (value − otherValue) / otherValue`, in percent: the other region is the base.
    public var relative: Figure
    /// `100 × value / otherValue`: the other region is 100.
    public var index: Figure
    /// Whether the difference is favourable to the region given the indicator's direction.
    public var assessment: Favourability

    /// A difference.
    public init(
        other: Region,
        year: Int,
        value: Double?,
        otherValue: Double?,
        absolute: Figure,
        relative: Figure,
        index: Figure,
        assessment: Favourability
    ) {
        self.other = other
        self.year = year
        self.value = value
        self.otherValue = otherValue
        self.absolute = absolute
        self.relative = relative
        self.index = index
        self.assessment = assessment
    }
}
