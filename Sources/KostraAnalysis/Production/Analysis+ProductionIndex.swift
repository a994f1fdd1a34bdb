import KostraData

extension Analysis {
    /// The production index of a municipality for a year (ASSS med Oslo = 100).
    ///
    /// Each weighted indicator's score is 100 × the municipality's level / ASSS's level
    /// (`ProductionComponent`): a share as it is; a school contribution as national average +
    /// contribution; the learning environment as 0.6 × vurdering for læring + 0.4 × motivasjon
    /// averaged over grades 7 and 10. Its contribution is weight × score, and the index is
    /// Σ weight × score / Σ weight, the weights being the data's for the year.
    ///
    /// Where a score cannot be computed but the report publishes it, the published score is
    /// served, marked `provenance.isPublished`; a score neither computable nor published is a
    /// missing figure with its reason, and the total is then missing too, unless published.
    ///
    /// - Throws: `.invalidArgument` for a group instead of a municipality; `.notFound` for an
    ///   unknown region, a year without data, a year without weights or a published index, or
    ///   a municipality with no production figure at all in the year (naming those that have).
    public func productionIndex(region: String, year: Int) throws(AnalysisError) -> ProductionIndexResult {
        let municipality = try self.municipality(region, field: "region")
        try self.requireYear(year)
        let reference = try ProductionConventions.reference(in: self.dataset)
        let levels = ProductionLevels(dataset: self.dataset, method: .productionIndex)

        guard let weights = self.dataset.productionWeights(year: year) else {
            let published = self.publishedProductionTotal(service: "grunnskole", regionCode: municipality.code, year: year)
            if let published {
                return ProductionIndexResult(
                    region: municipality, reference: reference, year: year, components: [],
                    weightSum: nil, weightsSource: nil, total: published, publishedTotal: published
                )
            }
            let years = self.dataset.productionWeights.map { String($0.year) }
            throw AnalysisError(
                .notFound,
                field: "year",
                "the data has no production-index weights for \(year), nor a published index; it has weights for \(years.isEmpty ? "no year" : years.joined(separator: ", "))",
                available: years
            )
        }

        let service = ProductionConventions.service(of: weights)
        let ids = ProductionConventions.orderedIds(weights, in: self.dataset)
        let components = ids.map { id in
            self.productionComponent(id, weights: weights, levels: levels, regionCode: municipality.code, reference: reference, year: year)
        }
        let publishedTotal = self.publishedProductionTotal(service: service, regionCode: municipality.code, year: year)

        let total: Figure
        let weightSum = weights.total
        // A component's score: computed, else the report's (as its contribution uses it).
        let scored = components.compactMap { component in
            (component.score.value ?? component.publishedScore?.value).map { (component, $0) }
        }
        if scored.count == components.count, !components.isEmpty, weightSum != 0 {
            let sum = scored.reduce(0.0) { $0 + $1.0.weight * $1.1 }
            let terms = scored.map { "\(NumberText.formula($0.0.weight)) × \(NumberText.formula($0.1))" }
            total = Figure(
                value: sum / weightSum,
                unit: .index,
                provenance: Provenance(
                    method: .productionIndex,
                    formula: "(" + terms.joined(separator: " + ") + ") / \(NumberText.formula(weightSum))",
                    inputs: ProductionConventions.unique(components.flatMap(\.contribution.provenance.inputs))
                )
            )
        } else {
            // Computed or missing, never the report's index (that is `publishedTotal`).
            let lacking = components.filter { $0.score.value == nil && $0.publishedScore?.value == nil }.map(\.label)
            total = Figure(
                missing: "the index needs every weighted indicator's score; \(municipality.name) has none for "
                    + lacking.joined(separator: ", ") + " in \(year)"
                    + (publishedTotal == nil ? ", and the report publishes no index" : ProductionConventions.servedAsPublished),
                unit: .index,
                provenance: Provenance(
                    method: .productionIndex,
                    formula: "Σ weight × score / Σ weight",
                    inputs: ProductionConventions.unique(components.flatMap(\.contribution.provenance.inputs))
                )
            )
        }

        if total.value == nil, scored.isEmpty, publishedTotal == nil {
            var involved = ids + ids.map(ProductionConventions.publishedComponentId(for:))
            involved.append(ProductionConventions.publishedIndexId(service: service))
            throw FigureReader(dataset: self.dataset).noFigures(
                "no production figures", for: municipality, year: year, indicatorIds: involved
            )
        }

        return ProductionIndexResult(
            region: municipality,
            reference: reference,
            year: year,
            components: components,
            weightSum: weightSum,
            weightsSource: weights.source,
            total: total,
            publishedTotal: publishedTotal
        )
    }

    /// One weighted indicator's levels, score and contribution.
    func productionComponent(
        _ id: String,
        weights: ProductionWeights,
        levels: ProductionLevels,
        regionCode: String,
        reference: Region,
        year: Int
    ) -> ProductionComponent {
        let kind = ProductionConventions.kind(of: id)
        let weight = weights.weights[id] ?? 0
        let label = weights.labels[id] ?? self.dataset.indicator(id: id)?.nameNb ?? id
        let value = levels.level(id, kind: kind, regionCode: regionCode, year: year)
        let referenceValue = levels.level(id, kind: kind, regionCode: reference.code, year: year)
        let publishedId = ProductionConventions.publishedComponentId(for: id)
        let published = self.dataset.observation(indicatorId: publishedId, regionCode: regionCode, year: year)
            .flatMap { observation in
                observation.value.map {
                    Figure(value: $0, unit: .index, provenance: .published(observation))
                }
            }

        let score: Figure
        if let v = value.value, let r = referenceValue.value, r != 0 {
            score = Figure(
                value: 100 * v / r,
                unit: .index,
                provenance: Provenance(
                    method: .productionIndex,
                    formula: "100 × \(NumberText.formula(v)) / \(NumberText.formula(r))",
                    inputs: value.provenance.inputs + referenceValue.provenance.inputs
                )
            )
        } else {
            let reason: String
            if value.value == nil {
                reason = value.missingReason ?? "no value"
            } else if referenceValue.value == nil {
                reason = "\(reference.name): " + (referenceValue.missingReason ?? "no value")
            } else {
                reason = "\(reference.name)'s level is 0, so no score relative to it exists"
            }
            score = Figure(
                missing: reason + (published == nil ? "; and the report publishes no score for it" : ProductionConventions.servedAsPublished),
                unit: .index,
                provenance: Provenance(
                    method: .productionIndex,
                    formula: "100 × value / \(reference.name) value",
                    inputs: value.provenance.inputs + referenceValue.provenance.inputs
                )
            )
        }

        let weightInput = ProductionConventions.weightInput(id, weights: weights)
        // weight × the computed score, else × the report's score: computed either way.
        let contribution: Figure
        if let scoreUsed = score.value != nil ? score : published, let s = scoreUsed.value {
            contribution = Figure(
                value: weight * s,
                unit: .index,
                provenance: Provenance(
                    method: .productionIndex,
                    formula: "\(NumberText.formula(weight)) × \(NumberText.formula(s))",
                    inputs: [weightInput] + scoreUsed.provenance.inputs
                )
            )
        } else {
            contribution = Figure(
                missing: "no score: " + (score.missingReason ?? "missing"),
                unit: .index,
                provenance: Provenance(method: .productionIndex, formula: "\(NumberText.formula(weight)) × score", inputs: [weightInput])
            )
        }
        return ProductionComponent(
            indicatorId: id,
            label: label,
            kind: kind,
            weight: weight,
            value: value,
            referenceValue: referenceValue,
            score: score,
            publishedScore: published,
            contribution: contribution
        )
    }

    /// The report's production index for a region and year, as a published figure.
    func publishedProductionTotal(service: String, regionCode: String, year: Int) -> Figure? {
        let id = ProductionConventions.publishedIndexId(service: service)
        guard let observation = self.dataset.observation(indicatorId: id, regionCode: regionCode, year: year),
            let value = observation.value
        else { return nil }
        return Figure(value: value, unit: .index, provenance: .published(observation))
    }
}
