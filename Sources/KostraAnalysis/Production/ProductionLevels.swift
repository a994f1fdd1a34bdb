import KostraData

/// The level of a production indicator for one region and year, the quantity its score and its
/// change are formed from:
///
/// - a share: its value;
/// - a school contribution: national average + the region's contribution (`N + c`), the
///   national average read from region EAK (`ProductionConventions.nationalAverageId`);
/// - the learning environment: the mean over grades 7 and 10 of
///   0.6 × vurdering for læring + 0.4 × motivasjon, from the grade-specific parts
///   (`ProductionConventions.learningEnvironmentPartId`); where a part is missing, the
///   composite's own figure if the data has one.
///
/// A group average's value comes from its observation, or for a plain-mean indicator from
/// its members (`FigureReader`).
struct ProductionLevels {
    let reader: FigureReader
    let method: AnalysisMethod

    init(dataset: Dataset, method: AnalysisMethod) {
        self.reader = FigureReader(dataset: dataset)
        self.method = method
    }

    var dataset: Dataset { reader.dataset }

    /// The level of `indicatorId` (of the given kind) for a region and year.
    func level(_ indicatorId: String, kind: ProductionComponentKind, regionCode: String, year: Int) -> Figure {
        switch kind {
        case .share:
            return reader.figure(indicatorId, regionCode: regionCode, year: year, method: method)
        case .schoolContribution:
            return schoolContribution(indicatorId, regionCode: regionCode, year: year)
        case .learningEnvironment:
            return learningEnvironment(indicatorId, regionCode: regionCode, year: year)
        }
    }

    /// National average + contribution.
    func schoolContribution(_ indicatorId: String, regionCode: String, year: Int) -> Figure {
        let unit = dataset.indicator(id: indicatorId)?.unit ?? .points
        let contribution = reader.figure(indicatorId, regionCode: regionCode, year: year, method: method)
        let nationalId = ProductionConventions.nationalAverageId(for: indicatorId)
        let national: Figure =
            dataset.region(code: ProductionConventions.nationalRegionCode) == nil
            ? Figure(
                missing: "the data has no region \(ProductionConventions.nationalRegionCode) for the national average",
                unit: unit,
                provenance: Provenance(method: method, formula: nationalId, inputs: [])
            )
            : reader.figure(nationalId, regionCode: ProductionConventions.nationalRegionCode, year: year, method: method)
        let inputs = national.provenance.inputs + contribution.provenance.inputs
        guard let c = contribution.value else {
            return Figure(
                missing: contribution.missingReason ?? "no contribution",
                unit: unit,
                provenance: Provenance(method: method, formula: "national average + contribution", inputs: inputs)
            )
        }
        guard let n = national.value else {
            return Figure(
                missing: "no national average result for \(indicatorId) in \(year) (\(nationalId), region EAK: "
                    + (national.missingReason ?? "missing")
                    + "); the level is national average + contribution, and a missing national average is not taken as 0",
                unit: unit,
                provenance: Provenance(method: method, formula: "national average + \(NumberText.formula(c))", inputs: inputs)
            )
        }
        return Figure(
            value: n + c,
            unit: unit,
            provenance: Provenance(method: method, formula: "\(NumberText.formula(n)) + \(NumberText.operand(c))", inputs: inputs)
        )
    }

    /// Mean over grades of the weighted parts; else the composite's own figure.
    func learningEnvironment(_ indicatorId: String, regionCode: String, year: Int) -> Figure {
        let unit = dataset.indicator(id: indicatorId)?.unit ?? .points
        let service = ProductionConventions.service(of: indicatorId)
        var terms: [String] = []
        var inputs: [AnalysisInput] = []
        var missing: [String] = []
        var total = 0.0
        for grade in ProductionConventions.learningEnvironmentGrades {
            for part in ProductionConventions.learningEnvironmentParts {
                let id = ProductionConventions.learningEnvironmentPartId(service: service, part: part.name, grade: grade)
                let figure = reader.figure(id, regionCode: regionCode, year: year, method: method)
                inputs += figure.provenance.inputs
                if let value = figure.value {
                    total += part.share * value
                    terms.append("\(NumberText.formula(part.share)) × \(NumberText.operand(value))")
                } else {
                    missing.append(figure.missingReason ?? id)
                }
            }
        }
        let grades = ProductionConventions.learningEnvironmentGrades.count
        if missing.isEmpty {
            return Figure(
                value: total / Double(grades),
                unit: unit,
                provenance: Provenance(
                    method: method,
                    formula: "(" + terms.joined(separator: " + ") + ") / \(grades)",
                    inputs: inputs
                )
            )
        }
        let composite = reader.figure(indicatorId, regionCode: regionCode, year: year, method: method)
        if composite.value != nil { return composite }
        return Figure(
            missing: "the learning environment cannot be formed: " + missing.joined(separator: "; ")
                + "; and no figure of the composite itself (" + (composite.missingReason ?? indicatorId) + ")",
            unit: unit,
            provenance: Provenance(method: method, formula: "mean over grades of 0.6 × vurdering for læring + 0.4 × motivasjon", inputs: inputs)
        )
    }
}
