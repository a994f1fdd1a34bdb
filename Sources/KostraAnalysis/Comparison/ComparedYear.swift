/// One region's figure of an indicator in one year, with its change on the year before and
/// its rank in the rank group.
public struct ComparedYear: Sendable, Hashable {
    /// The year.
    public var year: Int
    /// The value; `nil` when missing (`missingReason` says why).
    public var value: Double?
    /// Why the value is missing; `nil` when there is one.
    public var missingReason: String?
    /// The change from the calendar year before (`year − 1`), missing with the reason where
    /// either year has no value; the year before may lie outside the years compared.
    public var changeFromYearBefore: ValueChange
    /// The rank among the rank group's members with a value; `nil` with `rankNote` saying why
    /// (not a member, a group average, or no value).
    public var rank: GroupRank?
    /// Why there is no rank; `nil` when there is one.
    public var rankNote: String?

    /// A year.
    public init(
        year: Int,
        value: Double?,
        missingReason: String?,
        changeFromYearBefore: ValueChange,
        rank: GroupRank?,
        rankNote: String?
    ) {
        self.year = year
        self.value = value
        self.missingReason = missingReason
        self.changeFromYearBefore = changeFromYearBefore
        self.rank = rank
        self.rankNote = rankNote
    }
}
