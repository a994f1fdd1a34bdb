import KostraData

/// Reads figures from a dataset as `Figure`s: a value served as published, with the
/// observation as its one input, or a missing figure saying why. A group's plain-mean indicator with no figure of its own is
/// formed from its members; nothing missing is ever read as zero.
struct FigureReader {
    let dataset: Dataset

    /// The figure of `indicatorId` for a region and year. For a group average that has no
    /// observation of a `plainMean` indicator, the plain mean of the members that have a value.
    func figure(_ indicatorId: String, regionCode: String, year: Int, method: AnalysisMethod) -> Figure {
        let unit = dataset.indicator(id: indicatorId)?.unit ?? .number
        guard dataset.indicator(id: indicatorId) != nil else {
            return Figure(
                missing: "the data has no indicator \(indicatorId)",
                unit: unit,
                provenance: Provenance(method: method, formula: indicatorId, inputs: [])
            )
        }
        if let observation = dataset.observation(indicatorId: indicatorId, regionCode: regionCode, year: year) {
            // Read unchanged: published (PROTOCOL.md, "Published and computed").
            let provenance = Provenance.published(observation)
            if let value = observation.value {
                return Figure(value: value, unit: unit, provenance: provenance)
            }
            return Figure(missing: missingText(observation), unit: unit, provenance: provenance)
        }
        if let region = dataset.region(code: regionCode), region.kind == .groupAverage,
            dataset.indicator(id: indicatorId)?.aggregation == .plainMean
        {
            return plainMean(indicatorId, group: region, year: year, method: method)
        }
        return Figure(
            missing: "\(name(of: regionCode)) has no figure for \(indicatorId) in \(year)",
            unit: unit,
            provenance: Provenance(method: method, formula: indicatorId, inputs: [])
        )
    }

    /// The plain mean of a group's members' values (those that have one).
    func plainMean(_ indicatorId: String, group: Region, year: Int, method: AnalysisMethod) -> Figure {
        let unit = dataset.indicator(id: indicatorId)?.unit ?? .number
        let observations = group.memberCodes.compactMap {
            dataset.observation(indicatorId: indicatorId, regionCode: $0, year: year)
        }
        let present = observations.filter { $0.value != nil }
        let inputs = observations.map(AnalysisInput.init)
        guard !present.isEmpty else {
            return Figure(
                missing: "\(group.name) has no figure for \(indicatorId) in \(year), and none of its members has one to average",
                unit: unit,
                provenance: Provenance(method: method, formula: "plain mean of \(group.name)'s members", inputs: inputs)
            )
        }
        let values = present.compactMap(\.value)
        let mean = values.reduce(0, +) / Double(values.count)
        let formula = "(" + values.map(NumberText.formula).joined(separator: " + ") + ") / \(values.count)"
        return Figure(value: mean, unit: unit, provenance: Provenance(method: method, formula: formula, inputs: inputs))
    }

    /// The region's name, or the code when the data does not know it.
    func name(of regionCode: String) -> String {
        dataset.region(code: dataset.currentCode(for: regionCode) ?? regionCode)?.name ?? regionCode
    }

    /// Why an observation has no value, in words.
    func missingText(_ observation: Observation) -> String {
        let reason: String
        switch observation.missing {
        case .notAvailable: reason = "not yet available"
        case .suppressed: reason = "suppressed for privacy"
        case .notApplicable: reason = "not applicable"
        case .notPublished, nil: reason = "not published"
        }
        return "\(name(of: observation.regionCode))'s figure for \(observation.indicatorId) in \(observation.year) is missing (\(reason))"
    }

    /// The municipalities with a value of any of the indicators in the year, by name: what
    /// a NOT_FOUND lists as available.
    func regionNames(withValueFor indicatorIds: [String], year: Int) -> [String] {
        var codes: [String] = []
        for region in dataset.regions where region.kind == .municipality {
            let has = indicatorIds.contains { id in
                dataset.observation(indicatorId: id, regionCode: region.code, year: year)?.value != nil
            }
            if has { codes.append(region.name) }
        }
        return codes
    }

    /// NOT_FOUND on "region" for a municipality the data has no `what` for in
    /// `year`, naming the municipalities that have a value of any of
    /// `indicatorIds` (`othersHave` introduces them: "it has some for").
    func noFigures(
        _ what: String,
        for municipality: Region,
        year: Int,
        indicatorIds: [String],
        othersHave: String = "it has some for"
    ) -> AnalysisError {
        let available = self.regionNames(withValueFor: indicatorIds, year: year)
        return AnalysisError(
            .notFound,
            field: "region",
            "the data has \(what) for \(municipality.name) in \(year)"
                + (available.isEmpty ? "" : "; \(othersHave) " + available.joined(separator: ", ")),
            available: available
        )
    }
}
