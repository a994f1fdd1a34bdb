/// A region's rank among the members of a group (such as ASSS) that have a value of an
/// indicator in a year. Members without a value are listed, never ranked.
///
/// Ranks are competition ranks: tied values share the best rank and the next rank skips
/// ("1, 1, 3"), so `fromLowest` is one more than the number of members with a strictly lower
/// value. Ties are exact equality of the values as stored (as published, rounded as printed).
public struct GroupRank: Sendable, Hashable {
    /// The group's code ("ASSS").
    public var group: String
    /// The year ranked.
    public var year: Int
    /// 1 for the lowest value: one more than the number of members with a lower value.
    public var fromLowest: Int
    /// 1 for the highest value: one more than the number of members with a higher value.
    public var fromHighest: Int
    /// How many members have a value and are ranked (the region included).
    public var ranked: Int
    /// How many members the group has.
    public var members: Int
    /// The other members with exactly the same value, in the group's member order.
    public var tiedWith: [String]
    /// The members without a value that year (not ranked), in the group's member order.
    public var membersWithoutValue: [String]
    /// The place in words, as data.
    public var place: RankPlace

    /// A rank.
    public init(
        group: String,
        year: Int,
        fromLowest: Int,
        fromHighest: Int,
        ranked: Int,
        members: Int,
        tiedWith: [String],
        membersWithoutValue: [String]
    ) {
        self.group = group
        self.year = year
        self.fromLowest = fromLowest
        self.fromHighest = fromHighest
        self.ranked = ranked
        self.members = members
        self.tiedWith = tiedWith
        self.membersWithoutValue = membersWithoutValue
        self.place = RankPlace(fromLowest: fromLowest, fromHighest: fromHighest, count: ranked)
    }

    /// Whether every member has a value (so the rank is among the whole group).
    public var isComplete: Bool { self.ranked == self.members }

    /// The rank of `code` among the `values` of the members named in `memberCodes` (in that
    /// order); `nil` when `code` has no value among them.
    public static func of(
        _ code: String,
        group: String,
        year: Int,
        memberCodes: [String],
        values: [String: Double]
    ) -> GroupRank? {
        guard memberCodes.contains(code), let value = values[code] else { return nil }
        let ranked = memberCodes.compactMap { member in values[member].map { (code: member, value: $0) } }
        let others = ranked.filter { $0.code != code }
        return GroupRank(
            group: group,
            year: year,
            fromLowest: 1 + others.count(where: { $0.value < value }),
            fromHighest: 1 + others.count(where: { $0.value > value }),
            ranked: ranked.count,
            members: memberCodes.count,
            tiedWith: others.filter { $0.value == value }.map(\.code),
            membersWithoutValue: memberCodes.filter { values[$0] == nil }
        )
    }
}
