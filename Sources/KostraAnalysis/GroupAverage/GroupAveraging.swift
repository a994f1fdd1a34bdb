import KostraData

/// The work of one group average: each member's figures, the average over a set of them, the
/// published figure and the difference. Internal to `Analysis.groupAverage`.
struct GroupAveraging {
    let group: Region
    let indicator: Indicator
    let year: Int
    /// The indicator holding the weights, when the indicator names one the data has.
    let weightIndicator: Indicator?
    let excluded: Set<String>
    /// Every member, in member order.
    let members: [GroupMemberValue]
    private let dataset: Dataset
    /// The observations behind each member's value and weight, by code.
    private let valueObservations: [String: Observation]
    private let weightObservations: [String: Observation]

    init(dataset: Dataset, group: Region, indicator: Indicator, year: Int, excluded: Set<String>) {
        self.dataset = dataset
        self.group = group
        self.indicator = indicator
        self.year = year
        self.excluded = excluded
        let weightIndicator = indicator.weightIndicatorId.flatMap { dataset.indicator(id: $0) }
        self.weightIndicator = weightIndicator

        var members: [GroupMemberValue] = []
        var values: [String: Observation] = [:]
        var weights: [String: Observation] = [:]
        for code in group.memberCodes {
            guard let region = dataset.region(code: code) else { continue }
            let valueObservation = dataset.observation(indicatorId: indicator.id, regionCode: code, year: year)
            let weightObservation = weightIndicator.flatMap { dataset.observation(indicatorId: $0.id, regionCode: code, year: year) }
            values[code] = valueObservation
            weights[code] = weightObservation
            let value = valueObservation?.value
            let weight = weightObservation?.value
            let status: GroupMemberStatus
            let note: String?
            if excluded.contains(code) {
                (status, note) = (.excluded, "\(region.name) is excluded by the request")
            } else if value == nil {
                (status, note) = (.noValue, ComparisonWording.noValue(valueObservation, region: region, indicator: indicator, year: year))
            } else if indicator.aggregation == .publishedOnly {
                (status, note) = (.notAveraged, "\(indicator.id) is published only: no average is formed from members")
            } else if indicator.aggregation == .weighted, let weightIndicator {
                if let weight, weight > 0 {
                    (status, note) = (.counted, nil)
                } else if let weight {
                    (status, note) = (.noWeight, "\(region.name)'s weight (\(weightIndicator.id)) in \(year) is \(ComparisonWording.number(weight)); a weight must be positive")
                } else {
                    (status, note) = (.noWeight, "no weight: " + ComparisonWording.noValue(weightObservation, region: region, indicator: weightIndicator, year: year))
                }
            } else if indicator.aggregation == .weighted {
                (status, note) = (.noWeight, "no weights (weight_indicator) for \(indicator.id)")
            } else {
                (status, note) = (.counted, nil)
            }
            members.append(GroupMemberValue(region: region, value: value, weight: weight, status: status, note: note))
        }
        self.members = members
        self.valueObservations = values
        self.weightObservations = weights
    }

    /// The average over the counted members, less those in `leavingOut`, or a missing figure
    /// saying why none can be formed.
    func average(leavingOut: Set<String>) -> Figure {
        let counted = self.members.filter { $0.status == .counted && !leavingOut.contains($0.region.code) }
        let whose = leavingOut.isEmpty ? self.group.name : "\(self.group.name) without \(self.names(leavingOut))"
        let unit = self.indicator.unit
        switch self.indicator.aggregation {
        case .publishedOnly:
            return Figure(
                missing: "\(self.indicator.id) is published only (aggregation published_only): no average is formed from the members; see the published figure",
                unit: unit,
                provenance: Provenance(method: .groupAverage, formula: "published only", inputs: [])
            )
        case .weighted where self.weightIndicator == nil:
            let inputs = counted.compactMap { self.valueObservations[$0.region.code] }.map(AnalysisInput.init)
            return Figure(
                missing: "no weights (weight_indicator) for \(self.indicator.id): a weighted average needs each member's denominator, and the data names no indicator that holds it",
                unit: unit,
                provenance: Provenance(method: .groupAverage, formula: "Σ value × weight / Σ weight (no weights)", inputs: inputs)
            )
        case .weighted:
            guard !counted.isEmpty else {
                return Figure(missing: self.noneCounted(whose, leavingOut: leavingOut), unit: unit, provenance: Provenance(method: .groupAverage, formula: "Σ value × weight / Σ weight (no members)", inputs: []))
            }
            var numerator = 0.0
            var denominator = 0.0
            var inputs: [AnalysisInput] = []
            for member in counted {
                guard let value = member.value, let weight = member.weight else { continue }
                numerator += value * weight
                denominator += weight
                inputs += [self.valueObservations[member.region.code], self.weightObservations[member.region.code]].compactMap { $0 }.map(AnalysisInput.init)
            }
            let products = counted.map { "\(ComparisonWording.number($0.value)) × \(ComparisonWording.number($0.weight))" }
            let weights = counted.map { ComparisonWording.number($0.weight) }
            return Figure(
                value: numerator / denominator,
                unit: unit,
                provenance: Provenance(
                    method: .groupAverage,
                    formula: "(\(products.joined(separator: " + "))) / (\(weights.joined(separator: " + ")))",
                    inputs: inputs
                )
            )
        case .plainMean:
            guard !counted.isEmpty else {
                return Figure(missing: self.noneCounted(whose, leavingOut: leavingOut), unit: unit, provenance: Provenance(method: .groupAverage, formula: "Σ value / n (no members)", inputs: []))
            }
            let values = counted.compactMap(\.value)
            let inputs = counted.compactMap { self.valueObservations[$0.region.code] }.map(AnalysisInput.init)
            return Figure(
                value: values.reduce(0, +) / Double(values.count),
                unit: unit,
                provenance: Provenance(
                    method: .groupAverage,
                    formula: "(\(values.map { ComparisonWording.number($0) }.joined(separator: " + "))) / \(values.count)",
                    inputs: inputs
                )
            )
        }
    }

    /// The group's own figure, as published, or a missing figure saying why there is none.
    func published() -> Figure {
        let unit = self.indicator.unit
        guard let observation = self.dataset.observation(indicatorId: self.indicator.id, regionCode: self.group.code, year: self.year) else {
            var provenance = Provenance(method: .published, formula: "as published", inputs: [])
            provenance.isPublished = true
            return Figure(
                missing: ComparisonWording.noValue(nil, region: self.group, indicator: self.indicator, year: self.year),
                unit: unit,
                provenance: provenance
            )
        }
        let provenance = Provenance.published(observation)
        guard let value = observation.value else {
            return Figure(
                missing: ComparisonWording.noValue(observation, region: self.group, indicator: self.indicator, year: self.year),
                unit: unit,
                provenance: provenance
            )
        }
        return Figure(value: value, unit: unit, provenance: provenance)
    }

    /// `computed − published`, or a missing figure saying why not.
    func difference(_ computed: Figure, _ published: Figure) -> Figure {
        let unit = ComparisonWording.differenceUnit(of: self.indicator.unit)
        let provenance = Provenance(
            method: .groupAverage,
            formula: "\(ComparisonWording.number(computed.value)) − \(ComparisonWording.number(published.value))",
            inputs: computed.provenance.inputs + published.provenance.inputs
        )
        if !self.excluded.isEmpty {
            return Figure(
                missing: "members are excluded (\(self.names(self.excluded))), so the computed average is not the one \(self.group.name) publishes",
                unit: unit,
                provenance: provenance
            )
        }
        guard let computedValue = computed.value else {
            return Figure(missing: "no computed average: " + (computed.missingReason ?? "missing"), unit: unit, provenance: provenance)
        }
        guard let publishedValue = published.value else {
            return Figure(missing: "no published average: " + (published.missingReason ?? "missing"), unit: unit, provenance: provenance)
        }
        return Figure(value: computedValue - publishedValue, unit: unit, provenance: provenance)
    }

    /// When not every member not excluded counted: how many did, and who did not, in words.
    func coverageNote() -> String? {
        let considered = self.members.filter { $0.status != .excluded }
        let counted = considered.filter { $0.status == .counted }
        guard counted.count < considered.count else { return nil }
        let withValue = considered.filter { $0.value != nil }
        let scope = self.excluded.isEmpty ? "members of \(self.group.name)" : "members of \(self.group.name) not excluded"
        var note = "\(withValue.count) of \(considered.count) \(scope) have a value of \(self.indicator.id) in \(self.year)"
        let withoutValue = considered.filter { $0.status == .noValue }.map(\.region.name)
        if !withoutValue.isEmpty {
            note += "; without a value: \(withoutValue.joined(separator: ", "))"
        }
        let withoutWeight = considered.filter { $0.status == .noWeight }.map(\.region.name)
        if !withoutWeight.isEmpty {
            note += "; without a weight: \(withoutWeight.joined(separator: ", "))"
        }
        note += "; \(counted.count) counted"
        return note
    }

    private func noneCounted(_ whose: String, leavingOut: Set<String>) -> String {
        let withValue = self.members.contains { $0.status == .noWeight && !leavingOut.contains($0.region.code) }
        if withValue, let weightIndicator {
            return "no member of \(whose) with a value of \(self.indicator.id) in \(self.year) has a weight (\(weightIndicator.id))"
        }
        return "no member of \(whose) has a value of \(self.indicator.id) in \(self.year)"
    }

    private func names(_ codes: Set<String>) -> String {
        self.group.memberCodes.filter(codes.contains).compactMap { self.dataset.region(code: $0)?.name }.joined(separator: ", ")
    }
}
