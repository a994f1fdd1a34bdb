import KostraData

/// One region's figure of an indicator in a year, as the comparison arithmetic uses it: the
/// value if there is one, and otherwise why not. Internal.
struct ComparedValue {
    var region: Region
    var indicator: Indicator
    var year: Int
    /// The data's figure, `nil` when it has none (not even a stated missing one).
    var observation: Observation?

    /// The figure of `region` for `indicator` in `year`.
    init(_ dataset: Dataset, region: Region, indicator: Indicator, year: Int) {
        self.region = region
        self.indicator = indicator
        self.year = year
        self.observation = dataset.observation(indicatorId: indicator.id, regionCode: region.code, year: year)
    }

    /// The value; `nil` when missing.
    var value: Double? { self.observation?.value }

    /// The figure as a provenance input; `nil` when the data has no figure at all.
    var input: AnalysisInput? { self.observation.map(AnalysisInput.init) }

    /// Why there is no value, for a person.
    var whyMissing: String {
        ComparisonWording.noValue(self.observation, region: self.region, indicator: self.indicator, year: self.year)
    }

    /// `self − base` in the difference unit (percentage points for percentages and indices).
    func difference(from base: ComparedValue, method: AnalysisMethod) -> Figure {
        let unit = ComparisonWording.differenceUnit(of: self.indicator.unit)
        let provenance = Provenance(
            method: method,
            formula: "\(ComparisonWording.number(self.value)) − \(ComparisonWording.number(base.value))",
            inputs: Self.inputs(self, base)
        )
        guard let value = self.value else { return Figure(missing: self.whyMissing, unit: unit, provenance: provenance) }
        guard let baseValue = base.value else { return Figure(missing: base.whyMissing, unit: unit, provenance: provenance) }
        return Figure(value: value - baseValue, unit: unit, provenance: provenance)
    }

    /// `100 × (self − base) / base`, in percent; missing unless `base` is positive.
    func relativeDifference(from base: ComparedValue, method: AnalysisMethod) -> Figure {
        let provenance = Provenance(
            method: method,
            formula: "100 × (\(ComparisonWording.number(self.value)) − \(ComparisonWording.number(base.value))) / \(ComparisonWording.number(base.value))",
            inputs: Self.inputs(self, base)
        )
        guard let value = self.value else { return Figure(missing: self.whyMissing, unit: .percent, provenance: provenance) }
        guard let baseValue = base.value else { return Figure(missing: base.whyMissing, unit: .percent, provenance: provenance) }
        guard baseValue > 0 else { return Figure(missing: base.notPositive, unit: .percent, provenance: provenance) }
        return Figure(value: 100 * (value - baseValue) / baseValue, unit: .percent, provenance: provenance)
    }

    /// `100 × self / base`, an index where `base` is 100; missing unless `base` is positive.
    func index(against base: ComparedValue, method: AnalysisMethod) -> Figure {
        let provenance = Provenance(
            method: method,
            formula: "100 × \(ComparisonWording.number(self.value)) / \(ComparisonWording.number(base.value))",
            inputs: Self.inputs(self, base)
        )
        guard let value = self.value else { return Figure(missing: self.whyMissing, unit: .index, provenance: provenance) }
        guard let baseValue = base.value else { return Figure(missing: base.whyMissing, unit: .index, provenance: provenance) }
        guard baseValue > 0 else { return Figure(missing: base.notPositive, unit: .index, provenance: provenance) }
        return Figure(value: 100 * value / baseValue, unit: .index, provenance: provenance)
    }

    /// Why a value cannot be the base of a ratio.
    private var notPositive: String {
        let value = self.value ?? 0
        let what = value == 0 ? "is 0" : "is negative (\(ComparisonWording.number(value)))"
        return "\(self.region.name)'s figure for \(self.indicator.id) in \(self.year) \(what), so it cannot be the base of a ratio"
    }

    private static func inputs(_ values: ComparedValue...) -> [AnalysisInput] {
        values.compactMap(\.input)
    }
}
