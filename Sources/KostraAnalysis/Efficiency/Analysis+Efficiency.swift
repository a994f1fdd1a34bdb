import KostraData

extension Analysis {
    /// A municipality's relative efficiency: 100 × production index / gross expenditure
    /// index, both relative to the ASSS average (= 100).
    ///
    /// The production index is `productionIndex(region:year:)`'s total (computed, or as
    /// published); the expenditure index is the data's `grunnskole.brutto_driftsutgifter_indeks`.
    /// With both, the efficiency is computed, its inputs keeping their status (as published
    /// for the built-in data), and compared with the report's `grunnskole.effektivitetsindeks`:
    /// the difference, and whether it agrees at the report's rounding. Bærum 2024:
    /// 100 × 100.7 / 92.1 = 109.3377 against the published 109.3.
    ///
    /// The change is efficiency(year) − efficiency(year − 1) in percentage points when both
    /// are known independently; otherwise the report's change (a `change` fact of the
    /// efficiency indicator), as published.
    ///
    /// - Throws: `.invalidArgument` for a group; `.notFound` for an unknown region, a year
    ///   without data, or a municipality with neither an efficiency nor a change.
    public func efficiency(region: String, year: Int) throws(AnalysisError) -> EfficiencyResult {
        let municipality = try self.municipality(region, field: "region")
        try self.requireYear(year)

        let current = self.efficiencyParts(municipality, year: year)
        let indicator = self.dataset.indicator(id: EfficiencyResult.efficiencyIndexId)
        let published = self.publishedEfficiency(municipality, year: year)

        var difference: Figure?
        var agrees: Bool?
        if let computed = current.efficiency.value, !current.efficiency.provenance.isPublished, let published,
            let printed = published.value
        {
            difference = Figure(
                value: computed - printed,
                unit: .index,
                provenance: Provenance(
                    method: .relativeEfficiency,
                    formula: "\(NumberText.formula(computed)) − \(NumberText.formula(printed))",
                    inputs: published.provenance.inputs
                )
            )
            agrees = Self.agreesAtRounding(computed, printed, decimals: indicator?.decimals ?? 1)
        }

        let previous = self.efficiencyParts(municipality, year: year - 1)
        let changeFact = self.dataset.facts.first {
            $0.kind == "change" && $0.indicatorId == EfficiencyResult.efficiencyIndexId && $0.subject == municipality.code
                && $0.year == year && ($0.baseYear == nil || $0.baseYear == year - 1) && $0.figures["value"] != nil
        }
        let changeFromFact = changeFact.map { fact in
            Figure(value: fact.figures["value"] ?? 0, unit: .percentagePoints, provenance: .published(fact: fact, role: "value"))
        }

        // Each year's efficiency as known on its own: computed, else the report's.
        let nowUsed = current.efficiency.value != nil ? current.efficiency : (published ?? current.efficiency)
        let previousPublished = self.publishedEfficiency(municipality, year: year - 1)
        // A year-before figure the data derives from the change sentence itself (Bærum 2023:
        // 109,3 + 5,1 = 114,4) cannot give the change back: that would be circular.
        let circular = changeFact.map { fact in previousPublished?.provenance.source?.contains(fact.source) == true } ?? false
        let independentBefore = circular ? nil : previousPublished
        let beforeUsed = previous.efficiency.value != nil ? previous.efficiency : (independentBefore ?? previous.efficiency)

        // Computed from two efficiencies, or missing (the report's change is `publishedChange`).
        let change: Figure
        var previousEfficiency = beforeUsed
        if let now = nowUsed.value, let before = beforeUsed.value {
            change = Figure(
                value: now - before,
                unit: .percentagePoints,
                provenance: Provenance(
                    method: .relativeEfficiency,
                    formula: "\(NumberText.formula(now)) − \(NumberText.formula(before))",
                    inputs: [Self.efficiencyInput(nowUsed, municipality, year), Self.efficiencyInput(beforeUsed, municipality, year - 1)]
                )
            )
        } else if let changeFromFact {
            change = Figure(
                missing: (circular
                    ? "the data's \(year - 1) efficiency is implied by the published change itself, so it cannot give the change back"
                    : "no efficiency for \(year - 1) (\(beforeUsed.missingReason ?? "missing"))") + ProductionConventions.servedAsPublished,
                unit: .percentagePoints,
                provenance: Provenance(method: .relativeEfficiency, formula: "efficiency \(year) − efficiency \(year - 1)", inputs: [])
            )
            if beforeUsed.value == nil, circular, let previousPublished {
                previousEfficiency = previousPublished  // the data's implied figure, its source says how
            } else if beforeUsed.value == nil, let published, let printed = published.value, let moved = changeFromFact.value {
                previousEfficiency = Figure(
                    value: printed - moved,
                    unit: .index,
                    provenance: Provenance(
                        method: .relativeEfficiency,
                        formula: "\(NumberText.formula(printed)) − \(NumberText.operand(moved)) (implied by the published \(year) efficiency and the published change; both rounded, so ±0.1)",
                        inputs: published.provenance.inputs + changeFromFact.provenance.inputs
                    )
                )
            }
        } else {
            change = Figure(
                missing: "no efficiency for \(year - 1) (\(beforeUsed.missingReason ?? "missing")) and no published change",
                unit: .percentagePoints,
                provenance: Provenance(method: .relativeEfficiency, formula: "efficiency \(year) − efficiency \(year - 1)", inputs: [])
            )
        }

        if current.efficiency.value == nil, change.value == nil, published?.value == nil, changeFromFact?.value == nil {
            let ids = [EfficiencyResult.efficiencyIndexId, EfficiencyResult.expenditureIndexId]
            throw FigureReader(dataset: self.dataset).noFigures(
                "no relative efficiency, nor anything to compute it from,", for: municipality, year: year,
                indicatorIds: ids, othersHave: "it has figures for"
            )
        }

        return EfficiencyResult(
            region: municipality,
            year: year,
            productionIndex: current.production,
            expenditureIndex: current.expenditure,
            efficiency: current.efficiency,
            published: published,
            differenceFromPublished: difference,
            agreesWithPublished: agrees,
            previousEfficiency: previousEfficiency,
            change: change,
            publishedChange: changeFromFact
        )
    }

    /// The production index (computed, else the report's), the expenditure index (as the data
    /// has it) and the efficiency of one year: computed where both indices exist, else missing
    /// (the report's efficiency is `publishedEfficiency`).
    func efficiencyParts(_ municipality: Region, year: Int) -> (production: Figure, expenditure: Figure, efficiency: Figure) {
        let production: Figure
        do {
            let index = try self.productionIndex(region: municipality.code, year: year)
            production = index.total.value != nil ? index.total : (index.publishedTotal ?? index.total)
        } catch {
            production = Figure(
                missing: error.message,
                unit: .index,
                provenance: Provenance(method: .productionIndex, formula: "production index", inputs: [])
            )
        }
        let expenditure = FigureReader(dataset: self.dataset).figure(
            EfficiencyResult.expenditureIndexId,
            regionCode: municipality.code,
            year: year,
            method: .relativeEfficiency
        )
        let efficiency: Figure
        if let p = production.value, let e = expenditure.value, e != 0 {
            efficiency = Figure(
                value: 100 * p / e,
                unit: .index,
                provenance: Provenance(
                    method: .relativeEfficiency,
                    formula: "100 × \(NumberText.formula(p)) / \(NumberText.formula(e))",
                    inputs: [Self.productionInput(production, municipality, year)] + expenditure.provenance.inputs
                )
            )
        } else {
            var reasons: [String] = []
            if production.value == nil { reasons.append("production index: " + (production.missingReason ?? "missing")) }
            if expenditure.value == nil { reasons.append("expenditure index: " + (expenditure.missingReason ?? "missing")) }
            if expenditure.value == 0 { reasons.append("the expenditure index is 0") }
            efficiency = Figure(
                missing: reasons.joined(separator: "; ")
                    + (self.publishedEfficiency(municipality, year: year) == nil ? "; and no published efficiency" : ProductionConventions.servedAsPublished),
                unit: .index,
                provenance: Provenance(method: .relativeEfficiency, formula: "100 × production index / expenditure index", inputs: [])
            )
        }
        return (production, expenditure, efficiency)
    }

    /// The report's efficiency for a year, as published.
    func publishedEfficiency(_ municipality: Region, year: Int) -> Figure? {
        guard let observation = self.dataset.observation(indicatorId: EfficiencyResult.efficiencyIndexId, regionCode: municipality.code, year: year),
            let value = observation.value
        else { return nil }
        return Figure(value: value, unit: .index, provenance: .published(observation))
    }

    /// The production index as one input: its status, and where it comes from.
    static func productionInput(_ figure: Figure, _ municipality: Region, _ year: Int) -> AnalysisInput {
        AnalysisInput(
            indicatorId: ProductionConventions.publishedIndexId(service: "grunnskole"),
            regionCode: municipality.code,
            year: year,
            value: figure.value,
            status: figure.provenance.status,
            source: figure.provenance.source ?? "computed: \(figure.provenance.formula)"
        )
    }

    /// An efficiency as one input of its change.
    static func efficiencyInput(_ figure: Figure, _ municipality: Region, _ year: Int) -> AnalysisInput {
        AnalysisInput(
            indicatorId: EfficiencyResult.efficiencyIndexId,
            regionCode: municipality.code,
            year: year,
            value: figure.value,
            status: figure.provenance.status,
            source: figure.provenance.source ?? "computed: \(figure.provenance.formula)"
        )
    }

    /// Whether `value` rounded to `decimals` (half away from zero) is `printed`.
    static func agreesAtRounding(_ value: Double, _ printed: Double, decimals: Int) -> Bool {
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        return abs((value * scale).rounded(.toNearestOrAwayFromZero) - (printed * scale).rounded(.toNearestOrAwayFromZero)) < 0.5
    }
}
