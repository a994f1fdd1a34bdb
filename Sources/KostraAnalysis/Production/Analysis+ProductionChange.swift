import KostraData

extension Analysis {
    /// The change in a municipality's production from `year - 1` to `year`, in percent, beside
    /// the ASSS average's.
    ///
    /// ASSS publishes no formula; this one is used (METHODS.md). For each
    /// indicator i weighted in `year`, with w_i its weight that year:
    ///
    /// - school contribution, learning environment (scales that do not move):
    ///   Δ_i = 100 × ((L_t / L_t-1) × (P_t / P_t-1) − 1), L the level (national average +
    ///   contribution; the learning-environment composite) and P the number of pupils
    ///   (`grunnskole.antall_elever`): the volume level × pupils;
    /// - the share of 6-9 year olds with an SFO place: Δ_i = 100 × (N_t / N_t-1 − 1), N the
    ///   number of 6-9 year olds with a place (`grunnskole.antall_6_9_med_sfo_plass`);
    /// - any other share: Δ_i = 100 × (x_t / x_t-1 − 1).
    ///
    /// The total is Σ w_i·Δ_i / Σ w_i over the indicators that have a Δ_i. One without (no
    /// value either year, as skolebidrag 8-10 for 2023) is left out and named, and the other
    /// weights are scaled to sum to 1; it is never counted as 0. Where no indicator has a
    /// change, the report's published change is served, marked published.
    ///
    /// - Throws: `.invalidArgument` for a group; `.notFound` for an unknown region, a year
    ///   without data, or a municipality with neither a computable nor a published change.
    public func productionChange(region: String, year: Int) throws(AnalysisError) -> ProductionChangeResult {
        let municipality = try self.municipality(region, field: "region")
        try self.requireYear(year)
        let reference = try ProductionConventions.reference(in: self.dataset)
        let weights = self.dataset.productionWeights(year: year)
        let service = weights.map(ProductionConventions.service(of:)) ?? "grunnskole"

        let change = self.productionChange(of: municipality, weights: weights, service: service, year: year)
        if change.total.value == nil, change.published?.value == nil {
            guard weights != nil else {
                let years = self.dataset.productionWeights.map { String($0.year) }
                throw AnalysisError(
                    .notFound,
                    field: "year",
                    "the data has no production-index weights for \(year), nor a published change in production; it has weights for \(years.isEmpty ? "no year" : years.joined(separator: ", "))",
                    available: years
                )
            }
            if change.components.allSatisfy({ !$0.isIncluded }) {
                let publishedId = ProductionConventions.publishedChangeId(service: service)
                throw FigureReader(dataset: self.dataset).noFigures(
                    "neither the figures for a change in production nor a published change", for: municipality,
                    year: year, indicatorIds: [publishedId], othersHave: "it has a published change for"
                )
            }
        }
        return ProductionChangeResult(
            region: municipality,
            reference: reference,
            year: year,
            baseYear: year - 1,
            weightSum: weights?.total,
            weightsSource: weights?.source,
            municipality: change,
            referenceChange: self.productionChange(of: reference, weights: weights, service: service, year: year)
        )
    }

    /// One region's change in production.
    func productionChange(of region: Region, weights: ProductionWeights?, service: String, year: Int) -> ProductionChange {
        let levels = ProductionLevels(dataset: self.dataset, method: .productionChange)
        let published = self.dataset.observation(
            indicatorId: ProductionConventions.publishedChangeId(service: service),
            regionCode: region.code,
            year: year
        ).flatMap { observation in
            observation.value.map { Figure(value: $0, unit: .percent, provenance: .published(observation)) }
        }
        guard let weights else {
            // Computed or missing, never the report's figure (that is `published`).
            let total = Figure(
                missing: "the data has no production-index weights for \(year)"
                    + (published == nil ? ", and the report publishes no change for \(region.name)" : ProductionConventions.servedAsPublished),
                unit: .percent,
                provenance: Provenance(method: .productionChange, formula: "Σ w·Δ / Σ w", inputs: [])
            )
            return ProductionChange(region: region, components: [], weightUsed: 0, total: total, published: published)
        }

        let components = ProductionConventions.orderedIds(weights, in: self.dataset).map { id in
            let kind = ProductionConventions.kind(of: id)
            return ProductionChangeComponent(
                indicatorId: id,
                label: weights.labels[id] ?? self.dataset.indicator(id: id)?.nameNb ?? id,
                kind: kind,
                weight: weights.weights[id] ?? 0,
                change: self.indicatorChange(id, kind: kind, levels: levels, regionCode: region.code, year: year)
            )
        }
        let included = components.filter(\.isIncluded)
        let weightUsed = included.reduce(0.0) { $0 + $1.weight }
        let inputs = ProductionConventions.unique(
            components.map { ProductionConventions.weightInput($0.indicatorId, weights: weights) }
                + included.flatMap(\.change.provenance.inputs)
        )

        let total: Figure
        if !included.isEmpty, weightUsed != 0 {
            let sum = included.reduce(0.0) { $0 + $1.weight * ($1.change.value ?? 0) }
            let terms = included.map { "\(NumberText.formula($0.weight)) × \(NumberText.operand($0.change.value ?? 0))" }
            var formula = "(" + terms.joined(separator: " + ") + ") / \(NumberText.formula(weightUsed))"
            let left = components.filter { !$0.isIncluded }.map(\.label)
            if !left.isEmpty {
                formula += " [left out, no change computable: " + left.joined(separator: ", ") + "; the remaining weights are scaled to sum to 1]"
            }
            total = Figure(
                value: sum / weightUsed,
                unit: .percent,
                provenance: Provenance(method: .productionChange, formula: formula, inputs: inputs)
            )
        } else {
            total = Figure(
                missing: "no weighted indicator has a change from \(year - 1) to \(year) for \(region.name)"
                    + (published == nil ? ", and the report publishes none" : ProductionConventions.servedAsPublished),
                unit: .percent,
                provenance: Provenance(method: .productionChange, formula: "Σ w·Δ / Σ w", inputs: inputs)
            )
        }
        return ProductionChange(region: region, components: components, weightUsed: weightUsed, total: total, published: published)
    }

    /// One indicator's percentage change from `year - 1` to `year`.
    func indicatorChange(_ id: String, kind: ProductionComponentKind, levels: ProductionLevels, regionCode: String, year: Int) -> Figure {
        let reader = levels.reader
        let previousYear = year - 1
        var factors: [(now: Figure, before: Figure)] = []
        switch kind {
        case .schoolContribution, .learningEnvironment:
            let pupils = ProductionConventions.pupilsId(service: ProductionConventions.service(of: id))
            factors.append((levels.level(id, kind: kind, regionCode: regionCode, year: year), levels.level(id, kind: kind, regionCode: regionCode, year: previousYear)))
            factors.append((
                reader.figure(pupils, regionCode: regionCode, year: year, method: .productionChange),
                reader.figure(pupils, regionCode: regionCode, year: previousYear, method: .productionChange)
            ))
        case .share:
            let volume = ProductionConventions.volumeIds[id] ?? id
            factors.append((
                reader.figure(volume, regionCode: regionCode, year: year, method: .productionChange),
                reader.figure(volume, regionCode: regionCode, year: previousYear, method: .productionChange)
            ))
        }
        let inputs = factors.flatMap { $0.before.provenance.inputs + $0.now.provenance.inputs }
        var ratio = 1.0
        var terms: [String] = []
        for (now, before) in factors {
            guard let n = now.value, let b = before.value else {
                let reason = (before.value == nil ? before.missingReason : now.missingReason) ?? "missing"
                return Figure(
                    missing: "no change from \(previousYear) to \(year): \(reason); left out, not counted as 0",
                    unit: .percent,
                    provenance: Provenance(method: .productionChange, formula: "100 × (now / before − 1)", inputs: inputs)
                )
            }
            guard b != 0 else {
                return Figure(
                    missing: "no change from \(previousYear) to \(year): the \(previousYear) figure is 0; left out",
                    unit: .percent,
                    provenance: Provenance(method: .productionChange, formula: "100 × (now / 0 − 1)", inputs: inputs)
                )
            }
            ratio *= n / b
            // A figure read from the data is written as its value; a computed one as its formula.
            let nowTerm = now.provenance.isPublished ? NumberText.formula(n) : now.provenance.formula
            let beforeTerm = before.provenance.isPublished ? NumberText.formula(b) : before.provenance.formula
            terms.append(Self.productionOperand(nowTerm) + " / " + Self.productionOperand(beforeTerm))
        }
        return Figure(
            value: 100 * (ratio - 1),
            unit: .percent,
            provenance: Provenance(
                method: .productionChange,
                formula: "100 × (" + terms.joined(separator: " × ") + " − 1)",
                inputs: inputs
            )
        )
    }

    /// A formula as an operand: in parentheses unless it is a single number.
    static func productionOperand(_ formula: String) -> String {
        formula.contains(" ") ? "(\(formula))" : formula
    }
}
