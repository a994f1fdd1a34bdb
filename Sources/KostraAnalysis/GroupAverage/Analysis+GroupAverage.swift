import KostraData

extension Analysis {
    /// The code of Oslo, the member whose weight the "with and without Oslo" averages show.
    static let osloCode = "0301"

    /// The average of `group`'s members' values of an indicator in `year`, formed as the
    /// indicator's aggregation says, beside the group's published average.
    ///
    /// `weighted`: Σ value × weight / Σ weight over the members with a value and a positive
    /// weight, the weight being the member's value of `Indicator.weightIndicatorId` (its
    /// denominator), which equals Σ numerators / Σ denominators. Without a weight indicator
    /// the average is missing ("no weights (weight_indicator) for ..."). `plainMean`: the mean
    /// of the members with a value. `publishedOnly`: no average is formed; only the published
    /// figure is given. Members without a value are listed, never counted as 0, and the result
    /// says how many counted. When the group has Oslo (0301), the averages with and without
    /// Oslo are both given. The difference computed − published is given when both exist and
    /// no member is excluded.
    ///
    /// - Parameters:
    ///   - group: a group average with members ("ASSS", "ASSSUO").
    ///   - indicatorId: the indicator.
    ///   - year: the year.
    ///   - excluding: members to leave out (codes or names).
    ///
    /// - Throws: NOT_FOUND on "group" for an unknown region (with suggestions);
    ///   INVALID_ARGUMENT on "group" for a municipality or a country (no members in the
    ///   data); NOT_FOUND on "indicator_id" (with suggestions) and on "year"; NOT_FOUND on
    ///   "excluding" for an unknown region and INVALID_ARGUMENT for one that is not a member.
    public func groupAverage(
        group: String,
        indicatorId: String,
        year: Int,
        excluding: Set<String> = []
    ) throws(AnalysisError) -> GroupAverageResult {
        let groupRegion = try self.groupWithMembers(group, field: "group")
        let indicator = try self.knownIndicator(indicatorId, field: "indicator_id")
        try self.requireYear(year)
        var excludedCodes: Set<String> = []
        for query in excluding.sorted() {
            let member = try self.region(query, field: "excluding")
            guard groupRegion.memberCodes.contains(member.code) else {
                throw AnalysisError(
                    .invalidArgument,
                    field: "excluding",
                    "excluding: \(member.name) (\(member.code)) is not a member of \(groupRegion.name)",
                    available: groupRegion.memberCodes.compactMap { self.dataset.region(code: $0)?.name }
                )
            }
            excludedCodes.insert(member.code)
        }

        let averaging = GroupAveraging(
            dataset: self.dataset,
            group: groupRegion,
            indicator: indicator,
            year: year,
            excluded: excludedCodes
        )
        let hasOslo = groupRegion.memberCodes.contains(Self.osloCode)
        let computed = averaging.average(leavingOut: [])
        let published = averaging.published()
        return GroupAverageResult(
            group: groupRegion,
            indicator: indicator,
            year: year,
            aggregation: indicator.aggregation,
            excluded: groupRegion.memberCodes.filter(excludedCodes.contains),
            members: averaging.members,
            computed: computed,
            withOslo: hasOslo && !excludedCodes.contains(Self.osloCode) ? computed : nil,
            withoutOslo: hasOslo ? averaging.average(leavingOut: [Self.osloCode]) : nil,
            published: published,
            difference: averaging.difference(computed, published),
            membersWithValue: averaging.members.count(where: { $0.status != .excluded && $0.value != nil }),
            counted: averaging.members.count(where: { $0.status == .counted }),
            coverageNote: averaging.coverageNote()
        )
    }

    /// The group average (or country) with members that a request names, or NOT_FOUND
    /// (unknown) or INVALID_ARGUMENT (a municipality, or a group or country whose members the
    /// data lacks).
    func groupWithMembers(_ query: String, field: String) throws(AnalysisError) -> Region {
        let region = try self.region(query, field: field)
        guard region.kind != .municipality, !region.memberCodes.isEmpty else {
            let groups = self.dataset.regions.filter { $0.kind != .municipality && !$0.memberCodes.isEmpty }
            let what = region.kind == .municipality ? "a municipality" : region.kind == .country ? "a country aggregate" : "a group without members in the data"
            throw AnalysisError(
                .invalidArgument,
                field: field,
                "\(field): \(region.name) (\(region.code)) is \(what); name a group average with members, such as \(groups.map { "\($0.name) (\($0.code))" }.joined(separator: " or "))",
                available: groups.map(\.code)
            )
        }
        return region
    }
}
