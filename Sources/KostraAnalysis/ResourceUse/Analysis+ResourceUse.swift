import KostraData

extension Analysis {
    /// A municipality's resource use (ressursbruksindikator), as DOMAIN.md describes it.
    ///
    /// For each municipality k, r_k = net operating expenditure per inhabitant (corrected) /
    /// need-corrected calculated expenditure per inhabitant: `ResourceUseResult.ratioId`, or
    /// the quotient of `netExpenditureId` and `expenditureNeedId`. The reference is the plain
    /// mean r̄ of the ASSS members' ratios that have a value (a missing one is left out, never
    /// 0). The indicator is 100 × r_m / r̄; the deviation in kroner per inhabitant is
    /// (r_m − r̄) × need_m, the spending beyond what the municipality would spend at the
    /// average's ratio for its needs.
    ///
    /// Where the ratios are missing, the report's figures are served as published: Bærum 2024
    /// 93.1 (6.9 % below) and about −1 959 kr per inhabitant.
    ///
    /// - Throws: `.invalidArgument` for a group; `.notFound` for an unknown region, a year
    ///   without data, or a municipality with neither a computable nor a published figure.
    public func resourceUse(region: String, year: Int) throws(AnalysisError) -> ResourceUseResult {
        let municipality = try self.municipality(region, field: "region")
        try self.requireYear(year)
        let reference = try ProductionConventions.reference(in: self.dataset)

        let ratio = self.resourceUseRatio(municipality.code, year: year)
        let members = reference.memberCodes.compactMap { code in
            self.dataset.region(code: code).map { ResourceUseMember(region: $0, ratio: self.resourceUseRatio(code, year: year)) }
        }
        let present = members.compactMap(\.ratio.value)
        let memberInputs = members.flatMap(\.ratio.provenance.inputs)
        let meanRatio: Figure
        if present.isEmpty {
            meanRatio = Figure(
                missing: "no member of \(reference.name) has a resource-use ratio for \(year)",
                unit: .fraction,
                provenance: Provenance(method: .resourceUse, formula: "plain mean of the members' ratios", inputs: memberInputs)
            )
        } else {
            let left = members.filter { $0.ratio.value == nil }.map(\.region.name)
            meanRatio = Figure(
                value: present.reduce(0, +) / Double(present.count),
                unit: .fraction,
                provenance: Provenance(
                    method: .resourceUse,
                    formula: "(" + present.map(NumberText.formula).joined(separator: " + ") + ") / \(present.count)"
                        + (left.isEmpty ? "" : " [without " + left.joined(separator: ", ") + ": no ratio]"),
                    inputs: memberInputs
                )
            )
        }

        let publishedMeanRatio = self.dataset.observation(indicatorId: ResourceUseResult.ratioId, regionCode: reference.code, year: year)
            .flatMap { observation in
                observation.value.map { Figure(value: $0, unit: .fraction, provenance: .published(observation)) }
            }
        var meanDifference: Figure?
        if let computed = meanRatio.value, let publishedMean = publishedMeanRatio?.value {
            meanDifference = Figure(
                value: computed - publishedMean,
                unit: .fraction,
                provenance: Provenance(
                    method: .resourceUse,
                    formula: "\(NumberText.formula(computed)) − \(NumberText.formula(publishedMean))",
                    inputs: publishedMeanRatio?.provenance.inputs ?? []
                )
            )
        }

        let publishedIndex = self.dataset.observation(indicatorId: ResourceUseResult.indexId, regionCode: municipality.code, year: year)
            .flatMap { observation in
                observation.value.map { Figure(value: $0, unit: .index, provenance: .published(observation)) }
            }
        let index: Figure
        if let r = ratio.value, let mean = meanRatio.value, mean != 0 {
            index = Figure(
                value: 100 * r / mean,
                unit: .index,
                provenance: Provenance(
                    method: .resourceUse,
                    formula: "100 × \(NumberText.formula(r)) / \(NumberText.formula(mean))",
                    inputs: ProductionConventions.unique(ratio.provenance.inputs + memberInputs)
                )
            )
        } else {
            // Computed or missing, never the report's indicator (that is `publishedIndex`).
            index = Figure(
                missing: (ratio.value == nil ? (ratio.missingReason ?? "no ratio") : (meanRatio.missingReason ?? "no mean"))
                    + (publishedIndex == nil ? "; and the report publishes no indicator" : ProductionConventions.servedAsPublished),
                unit: .index,
                provenance: Provenance(method: .resourceUse, formula: "100 × ratio / mean ratio", inputs: ratio.provenance.inputs)
            )
        }

        // index − 100 from the computed index, else from the report's: computed either way.
        let deviation: Figure
        if let indexUsed = index.value != nil ? index : publishedIndex, let value = indexUsed.value {
            deviation = Figure(
                value: value - 100,
                unit: .percent,
                provenance: Provenance(method: .resourceUse, formula: "\(NumberText.formula(value)) − 100", inputs: indexUsed.provenance.inputs)
            )
        } else {
            deviation = Figure(missing: index.missingReason ?? "no indicator", unit: .percent, provenance: index.provenance)
        }

        let publishedKroner = self.publishedResourceUseKroner(municipality, year: year)
        let kroner = self.resourceUseKroner(municipality, ratio: ratio, meanRatio: meanRatio, year: year, published: publishedKroner)

        if index.value == nil, kroner.value == nil, publishedIndex?.value == nil, publishedKroner?.value == nil {
            let ids = [ResourceUseResult.indexId, ResourceUseResult.ratioId, ResourceUseResult.netExpenditureId]
            throw FigureReader(dataset: self.dataset).noFigures(
                "no resource-use figures", for: municipality, year: year, indicatorIds: ids
            )
        }

        return ResourceUseResult(
            region: municipality,
            reference: reference,
            year: year,
            ratio: ratio,
            members: members,
            meanRatio: meanRatio,
            publishedMeanRatio: publishedMeanRatio,
            meanDifference: meanDifference,
            index: index,
            publishedIndex: publishedIndex,
            deviationPercent: deviation,
            kronerPerInhabitant: kroner,
            publishedKronerPerInhabitant: publishedKroner
        )
    }

    /// A municipality's ratio: given, or net expenditure / need; else missing.
    func resourceUseRatio(_ regionCode: String, year: Int) -> Figure {
        let reader = FigureReader(dataset: self.dataset)
        let given = reader.figure(ResourceUseResult.ratioId, regionCode: regionCode, year: year, method: .resourceUse)
        if given.value != nil { return Figure(value: given.value ?? 0, unit: .fraction, provenance: given.provenance) }
        let net = reader.figure(ResourceUseResult.netExpenditureId, regionCode: regionCode, year: year, method: .resourceUse)
        let need = reader.figure(ResourceUseResult.expenditureNeedId, regionCode: regionCode, year: year, method: .resourceUse)
        let inputs = net.provenance.inputs + need.provenance.inputs
        if let n = net.value, let d = need.value, d != 0 {
            return Figure(
                value: n / d,
                unit: .fraction,
                provenance: Provenance(method: .resourceUse, formula: "\(NumberText.formula(n)) / \(NumberText.formula(d))", inputs: inputs)
            )
        }
        let reasons = [given, net, need].compactMap(\.missingReason)
        return Figure(
            missing: reasons.joined(separator: "; "),
            unit: .fraction,
            provenance: Provenance(method: .resourceUse, formula: "net expenditure per inhabitant / need-corrected expenditure per inhabitant", inputs: given.provenance.inputs + inputs)
        )
    }

    /// The report's kroner per inhabitant (a `difference` fact of the resource-use
    /// index in kroner: «1 959 kroner per innbygger»), as published, or nil.
    func publishedResourceUseKroner(_ municipality: Region, year: Int) -> Figure? {
        let fact = self.dataset.facts.first {
            $0.kind == "difference" && $0.indicatorId == ResourceUseResult.indexId && $0.subject == municipality.code
                && $0.year == year && $0.unit == .nok && $0.figures["value"] != nil
        }
        return fact.map { Figure(value: $0.figures["value"] ?? 0, unit: .nok, provenance: .published(fact: $0, role: "value")) }
    }

    /// (r_m − r̄) × need_m, computed, or missing (the report's figure is `published`).
    func resourceUseKroner(_ municipality: Region, ratio: Figure, meanRatio: Figure, year: Int, published: Figure?) -> Figure {
        let need = FigureReader(dataset: self.dataset).figure(ResourceUseResult.expenditureNeedId, regionCode: municipality.code, year: year, method: .resourceUse)
        if let r = ratio.value, let mean = meanRatio.value, let d = need.value {
            return Figure(
                value: (r - mean) * d,
                unit: .nok,
                provenance: Provenance(
                    method: .resourceUse,
                    formula: "(\(NumberText.formula(r)) − \(NumberText.formula(mean))) × \(NumberText.formula(d))",
                    inputs: ProductionConventions.unique(ratio.provenance.inputs + need.provenance.inputs + meanRatio.provenance.inputs)
                )
            )
        }
        let reason =
            ratio.value == nil
            ? (ratio.missingReason ?? "no ratio")
            : meanRatio.value == nil ? (meanRatio.missingReason ?? "no mean") : (need.missingReason ?? "no need-corrected expenditure")
        return Figure(
            missing: reason + (published == nil ? "; and the report publishes no figure in kroner" : ProductionConventions.servedAsPublished),
            unit: .nok,
            provenance: Provenance(method: .resourceUse, formula: "(ratio − mean ratio) × need-corrected expenditure per inhabitant", inputs: need.provenance.inputs)
        )
    }
}
