import KostraData

extension Analysis {
    /// `region` against each region or group average in `others`, for one indicator or every
    /// indicator the region has a value of, over the years.
    ///
    /// For each other region and year: the difference (region − other) in the indicator's
    /// unit (percentage points for percentages), the relative difference in percent with the
    /// other as base, the index with the other as 100, and whether the difference is
    /// favourable given the indicator's direction. For each region (the region first): each
    /// year's value, its change on the year before, its rank among the members of `rankGroup`
    /// that have a value, and the change over the period (the first to the last year compared
    /// that has a value). A missing value stays missing, with its reason, in everything made
    /// from it.
    ///
    /// - Parameters:
    ///   - region: the region compared (code, former code or name).
    ///   - others: the regions or group averages to compare with, at least one; repeats are
    ///     dropped. A municipality outside the rank group is fine (it is not ranked).
    ///   - indicatorId: one indicator; `nil` or empty for every indicator the region has a
    ///     value of within `years`.
    ///   - years: the years compared; `nil` for all. Each indicator is compared over its own
    ///     years within this range.
    ///   - rankGroup: the group average whose members the ranks are taken among ("ASSS",
    ///     "EKG13", "EAK"), or the subject's own by a word: "kostragruppe", "fylke".
    ///
    /// - Throws: NOT_FOUND on "region" or "with[i]" for an unknown region (with
    ///   suggestions); INVALID_ARGUMENT on "with" when it is empty, on "with[i]" when it names
    ///   the region itself, on "rank_group" when it is not a group with members; NOT_FOUND on
    ///   "rank_group" when unknown, on "indicator_id" for an unknown indicator (with
    ///   suggestions), on "years" when no figures fall in the range (listing the years there
    ///   are), and on "region" when the region has no value in the range at all.
    public func compare(
        region: String,
        with others: [String],
        indicatorId: String? = nil,
        years: ClosedRange<Int>? = nil,
        rankGroup: String = "ASSS"
    ) throws(AnalysisError) -> Comparison {
        let subject = try self.region(region, field: "region")
        guard !others.isEmpty else {
            throw AnalysisError(.invalidArgument, field: "with", "with: name at least one region to compare with")
        }
        var otherRegions: [Region] = []
        for (index, query) in others.enumerated() {
            let other = try self.region(query, field: "with[\(index)]")
            guard other.code != subject.code else {
                throw AnalysisError(
                    .invalidArgument,
                    field: "with[\(index)]",
                    "with[\(index)]: \(other.name) (\(other.code)) is the region compared; name another region"
                )
            }
            if !otherRegions.contains(other) {
                otherRegions.append(other)
            }
        }
        let group: Region
        if let own = try self.ownGroup(rankGroup, of: subject, field: "rank_group") {
            group = own
        } else {
            group = try self.groupWithMembers(rankGroup, field: "rank_group")
        }

        var chosen: Indicator?
        if let indicatorId, !indicatorId.isEmpty {
            chosen = try self.knownIndicator(indicatorId, field: "indicator_id")
        }
        let available = chosen.map { self.dataset.years(of: $0.id) } ?? self.dataset.years
        let compared = available.filter { years?.contains($0) ?? true }
        guard !compared.isEmpty else {
            let whose = chosen.map { "\($0.id) has" } ?? "the data has"
            let has = available.isEmpty ? "none" : available.map(String.init).joined(separator: ", ")
            let asked = years.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "any year"
            throw AnalysisError(.notFound, field: "years", "no figures in \(asked); \(whose) \(has)", available: available.map(String.init))
        }

        let indicators: [Indicator]
        if let chosen {
            indicators = [chosen]
        } else {
            indicators = self.dataset.indicators.filter { indicator in
                self.dataset.observations(indicatorId: indicator.id, regionCode: subject.code, years: years).contains { $0.value != nil }
            }
            guard !indicators.isEmpty else {
                throw AnalysisError(
                    .notFound,
                    field: "region",
                    "\(subject.name) (\(subject.code)) has no values in \(compared.map(String.init).joined(separator: ", "))"
                )
            }
        }

        let comparisons = indicators.map { indicator in
            self.compare(subject, with: otherRegions, indicator: indicator, years: years, group: group)
        }
        return Comparison(
            region: subject,
            others: otherRegions,
            rankGroup: group,
            years: Array(Set(comparisons.flatMap(\.years))).sorted(),
            indicators: comparisons
        )
    }

    /// The indicator with this id, or NOT_FOUND naming close matches.
    func knownIndicator(_ id: String, field: String) throws(AnalysisError) -> Indicator {
        if let indicator = self.dataset.indicator(id: id) {
            return indicator
        }
        let suggestions = self.dataset.suggestIndicators(for: id).map(\.id)
        var message = "no indicator has the id '\(id)'"
        if let first = suggestions.first {
            message += "; did you mean '\(first)'?"
        }
        throw AnalysisError(.notFound, field: field, message, suggestions: suggestions)
    }

    // MARK: One indicator

    private func compare(
        _ subject: Region,
        with others: [Region],
        indicator: Indicator,
        years range: ClosedRange<Int>?,
        group: Region
    ) -> IndicatorComparison {
        let years = self.dataset.years(of: indicator.id).filter { range?.contains($0) ?? true }
        var groupValues: [Int: [String: Double]] = [:]
        for year in years {
            for member in group.memberCodes {
                if let value = self.dataset.observation(indicatorId: indicator.id, regionCode: member, year: year)?.value {
                    groupValues[year, default: [:]][member] = value
                }
            }
        }
        let series = ([subject] + others).map { region in
            self.series(of: region, indicator: indicator, years: years, group: group, groupValues: groupValues)
        }
        var differences: [ComparisonDifference] = []
        for other in others {
            for year in years {
                let mine = ComparedValue(self.dataset, region: subject, indicator: indicator, year: year)
                let theirs = ComparedValue(self.dataset, region: other, indicator: indicator, year: year)
                let absolute = mine.difference(from: theirs, method: .comparison)
                differences.append(ComparisonDifference(
                    other: other,
                    year: year,
                    value: mine.value,
                    otherValue: theirs.value,
                    absolute: absolute,
                    relative: mine.relativeDifference(from: theirs, method: .comparison),
                    index: mine.index(against: theirs, method: .comparison),
                    assessment: Favourability(difference: absolute.value, direction: indicator.direction)
                ))
            }
        }
        return IndicatorComparison(indicator: indicator, years: years, series: series, differences: differences)
    }

    private func series(
        of region: Region,
        indicator: Indicator,
        years: [Int],
        group: Region,
        groupValues: [Int: [String: Double]]
    ) -> ComparedSeries {
        let values = years.map { ComparedValue(self.dataset, region: region, indicator: indicator, year: $0) }
        let entries = values.map { value in
            let yearBefore = ComparedValue(self.dataset, region: region, indicator: indicator, year: value.year - 1)
            let rank = GroupRank.of(
                region.code,
                group: group.code,
                year: value.year,
                memberCodes: group.memberCodes,
                values: groupValues[value.year] ?? [:]
            )
            return ComparedYear(
                year: value.year,
                value: value.value,
                missingReason: value.value == nil ? value.whyMissing : nil,
                changeFromYearBefore: Self.change(from: yearBefore, to: value),
                rank: rank,
                rankNote: rank == nil ? Self.whyNotRanked(value, group: group) : nil
            )
        }
        return ComparedSeries(region: region, years: entries, period: Self.periodChange(values, region: region))
    }

    /// The change from `earlier` to `later`, with the years between that have no value.
    private static func change(from earlier: ComparedValue, to later: ComparedValue, gaps: [Int] = []) -> ValueChange {
        let absolute = later.difference(from: earlier, method: .comparison)
        return ValueChange(
            fromYear: earlier.year,
            toYear: later.year,
            absolute: absolute,
            percent: later.relativeDifference(from: earlier, method: .comparison),
            assessment: Favourability(difference: absolute.value, direction: later.indicator.direction),
            yearsWithoutValue: gaps
        )
    }

    /// The change from the first to the last year with a value, naming the calendar years
    /// between without one; missing when fewer than two years have a value.
    private static func periodChange(_ values: [ComparedValue], region: Region) -> ValueChange {
        let withValues = values.filter { $0.value != nil }
        if let first = withValues.first, let last = withValues.last, first.year != last.year {
            // Every calendar year between without a value is a gap, also one no region has
            // figures for (and so is not among the years compared).
            let gaps = ((first.year + 1)..<last.year).filter { year in
                !withValues.contains { $0.year == year }
            }
            return change(from: first, to: last, gaps: gaps)
        }
        let fromYear = values.first?.year ?? 0
        let toYear = values.last?.year ?? 0
        let has = withValues.first.map { "only \($0.year)" } ?? "none"
        let reason = "\(region.name) has a value in fewer than two of the years compared (\(has)); a change over the period needs two"
        let provenance = Provenance(method: .comparison, formula: "missing", inputs: withValues.compactMap(\.input))
        let unit = values.first.map { ComparisonWording.differenceUnit(of: $0.indicator.unit) } ?? .number
        return ValueChange(
            fromYear: fromYear,
            toYear: toYear,
            absolute: Figure(missing: reason, unit: unit, provenance: provenance),
            percent: Figure(missing: reason, unit: .percent, provenance: provenance),
            assessment: .unknown,
            yearsWithoutValue: values.filter { $0.value == nil }.map(\.year)
        )
    }

    /// Why a region has no rank in the group that year.
    private static func whyNotRanked(_ value: ComparedValue, group: Region) -> String {
        let region = value.region
        switch region.kind {
        case .groupAverage:
            return "\(region.name) is a group average, not a member of \(group.name)"
        case .country:
            return "\(region.name) is a country aggregate, not a member of \(group.name)"
        case .municipality:
            guard group.memberCodes.contains(region.code) else {
                return "\(region.name) is not a member of \(group.name)"
            }
            return "\(region.name) has no value in \(value.year), so it is not ranked"
        }
    }
}
