/// What became of one member's figure in a group average.
public enum GroupMemberStatus: String, Sendable, Hashable, CaseIterable {
    /// Its value (and weight, for a weighted average) went into the average.
    case counted
    /// It has no value that year: listed, never counted as 0.
    case noValue = "no_value"
    /// It has a value but no usable weight (no weight indicator, or no positive weight that
    /// year), so a weighted average cannot count it.
    case noWeight = "no_weight"
    /// The request excluded it.
    case excluded
    /// The indicator is published only (`Aggregation.publishedOnly`): no average is formed
    /// from members.
    case notAveraged = "not_averaged"
}
