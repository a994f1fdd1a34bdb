public import KostraData

/// One member of a group in a group average: its value, its weight, and whether it counted.
public struct GroupMemberValue: Sendable, Hashable {
    /// The member.
    public var region: Region
    /// Its value; `nil` when missing.
    public var value: Double?
    /// Its weight (the value of the indicator's weight indicator, its denominator); `nil`
    /// when the indicator has no weight indicator or the member no weight that year.
    public var weight: Double?
    /// Whether it went into `GroupAverageResult.computed`, and if not, why.
    public var status: GroupMemberStatus
    /// Why it did not count, for a person; `nil` when it counted.
    public var note: String?

    /// A member's entry.
    public init(region: Region, value: Double?, weight: Double?, status: GroupMemberStatus, note: String?) {
        self.region = region
        self.value = value
        self.weight = weight
        self.status = status
        self.note = note
    }
}
