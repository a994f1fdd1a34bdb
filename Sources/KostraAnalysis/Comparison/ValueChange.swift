/// How a region's value of an indicator moved from one year to a later one: in the
/// indicator's difference unit, in percent, and whether that way is favourable.
public struct ValueChange: Sendable, Hashable {
    /// The year measured from.
    public var fromYear: Int
    /// The year measured to.
    public var toYear: Int
    /// `value(toYear) − value(fromYear)`, in the difference unit (percentage points for
    /// percentages); missing with the reason when either value is.
    public var absolute: Figure
    /// `100 × (value(toYear) − value(fromYear)) / value(fromYear)`, in percent; missing when
    /// either value is, or the earlier one is not positive.
    public var percent: Figure
    /// Whether the change is favourable given the indicator's direction.
    public var assessment: Favourability
    /// For a change over a period, the years between `fromYear` and `toYear` that have no
    /// value (the change skips them); empty for a change on the year before.
    public var yearsWithoutValue: [Int]

    /// A change.
    public init(
        fromYear: Int,
        toYear: Int,
        absolute: Figure,
        percent: Figure,
        assessment: Favourability,
        yearsWithoutValue: [Int] = []
    ) {
        self.fromYear = fromYear
        self.toYear = toYear
        self.absolute = absolute
        self.percent = percent
        self.assessment = assessment
        self.yearsWithoutValue = yearsWithoutValue
    }
}
