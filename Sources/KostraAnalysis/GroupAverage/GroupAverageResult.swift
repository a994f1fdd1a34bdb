public import KostraData

/// A group average formed from its members' values, beside the group's published average.
/// Made by `Analysis.groupAverage(group:indicatorId:year:excluding:)`.
public struct GroupAverageResult: Sendable, Hashable {
    /// The group.
    public var group: Region
    /// The indicator.
    public var indicator: Indicator
    /// The year.
    public var year: Int
    /// How the average is formed (the indicator's aggregation).
    public var aggregation: Aggregation
    /// The members the request excluded (current codes, in member order).
    public var excluded: [String]
    /// Every member, in the group's member order, with its value, weight and status.
    public var members: [GroupMemberValue]
    /// The average of the members not excluded that have a value (and a weight, for a
    /// weighted average); missing with the reason when none can be formed.
    public var computed: Figure
    /// When the group has Oslo (0301) as a member and the request does not exclude it: the
    /// average with Oslo, the same as `computed`. `nil` otherwise.
    public var withOslo: Figure?
    /// When the group has Oslo (0301) as a member: the average of the same members without
    /// Oslo. `nil` otherwise.
    public var withoutOslo: Figure?
    /// The group's own figure as published, or a missing figure saying why there is none.
    public var published: Figure
    /// `computed − published` (percentage points for percentages), missing when either is, or
    /// when members are excluded (the computed average is then not the one published).
    public var difference: Figure
    /// How many members not excluded have a value.
    public var membersWithValue: Int
    /// How many members went into `computed`.
    public var counted: Int
    /// When not every member not excluded counted: how many did, in words ("2 of 12 members
    /// have a value"); `nil` when all did.
    public var coverageNote: String?

    /// A group average.
    public init(
        group: Region,
        indicator: Indicator,
        year: Int,
        aggregation: Aggregation,
        excluded: [String],
        members: [GroupMemberValue],
        computed: Figure,
        withOslo: Figure?,
        withoutOslo: Figure?,
        published: Figure,
        difference: Figure,
        membersWithValue: Int,
        counted: Int,
        coverageNote: String?
    ) {
        self.group = group
        self.indicator = indicator
        self.year = year
        self.aggregation = aggregation
        self.excluded = excluded
        self.members = members
        self.computed = computed
        self.withOslo = withOslo
        self.withoutOslo = withoutOslo
        self.published = published
        self.difference = difference
        self.membersWithValue = membersWithValue
        self.counted = counted
        self.coverageNote = coverageNote
    }

    /// The entry of the member with this current code, or `nil`.
    public func member(_ regionCode: String) -> GroupMemberValue? {
        self.members.first { $0.region.code == regionCode }
    }

    /// The members that have no value that year (excluded ones left out).
    public var membersWithoutValue: [Region] {
        self.members.filter { $0.status == .noValue }.map(\.region)
    }
}
