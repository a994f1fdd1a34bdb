import KostraData

extension Analysis {
    /// What the data lets one say about a municipality in a year, as structured statements a
    /// client can phrase (`StatementRenderer` phrases them in English and Norwegian).
    ///
    /// In order:
    /// 1. the results of this module's methods: the production index and its components, the
    ///    change in production, the relative efficiency and the expenditure index, the resource
    ///    use, group size 2 against the teacher norm (each computed, or as published);
    /// 2. values the report implies: a `difference` fact with one side in the data gives the
    ///    other (Bærum's 136 522 − 28 349 = 108 173 kr per pupil);
    /// 3. comparisons from the tables: n percent above or below the ASSS average, higher or
    ///    lower than each other region with a value, and the rank within ASSS where every
    ///    member has a value;
    /// 4. the dataset's facts about the municipality for the year (or with no year).
    ///
    /// A figure a method serves from a fact is left to the fact (4), not said twice.
    ///
    /// - Throws: `.invalidArgument` for a group; `.notFound` for an unknown region, a year
    ///   without data, or a municipality about which nothing can be said for the year.
    public func statements(region: String, year: Int) throws(AnalysisError) -> [Statement] {
        let municipality = try self.municipality(region, field: "region")
        try self.requireYear(year)
        var statements = self.resultStatements(municipality, year: year)
        statements += self.impliedValueStatements(municipality, year: year)
        statements += self.comparisonStatements(municipality, year: year)
        statements += self.factStatements(municipality, year: year)
        guard !statements.isEmpty else {
            let available = self.dataset.regions(kind: .municipality).filter { region in
                self.dataset.hasAnyValue(regionCode: region.code, year: year)
            }.map(\.name)
            throw AnalysisError(
                .notFound,
                field: "region",
                "the data has nothing to say about \(municipality.name) in \(year)"
                    + (available.isEmpty ? "" : "; it has figures for " + available.joined(separator: ", ")),
                available: available
            )
        }
        return statements
    }

    /// The methods' results as statements.
    func resultStatements(_ municipality: Region, year: Int) -> [Statement] {
        var statements: [Statement] = []
        let code = municipality.code
        // Each result computed, else the report's own (a statement says which).
        func used(_ computed: Figure, _ published: Figure?) -> Figure {
            computed.value != nil ? computed : (published ?? computed)
        }
        if let result = try? self.productionIndex(region: code, year: year) {
            let total = used(result.total, result.publishedTotal)
            if total.value != nil {
                statements.append(self.indexStatement("production_index", ProductionConventions.publishedIndexId(service: "grunnskole"), total, municipality, result.reference, year))
            }
            for component in result.components {
                let score = used(component.score, component.publishedScore)
                guard score.value != nil else { continue }
                let publishedId = ProductionConventions.publishedComponentId(for: component.indicatorId)
                let indicatorId = self.dataset.indicator(id: publishedId) != nil ? publishedId : component.indicatorId
                statements.append(self.indexStatement("production_component.\(component.indicatorId)", indicatorId, score, municipality, result.reference, year))
            }
        }
        if let result = try? self.productionChange(region: code, year: year),
            case let total = used(result.municipality.total, result.municipality.published), total.value != nil
        {
            let indicatorId = ProductionConventions.publishedChangeId(service: "grunnskole")
            var figures = [self.statementFigure("value", code, total, indicatorId)]
            let referenceTotal = used(result.referenceChange.total, result.referenceChange.published)
            if referenceTotal.value != nil {
                figures.append(self.statementFigure("reference", result.reference.code, referenceTotal, indicatorId))
            }
            statements.append(
                Statement(
                    id: "production_change.\(code).\(year)", kind: .productionChange, subject: municipality,
                    regions: [result.reference], group: result.reference, indicatorId: indicatorId,
                    indicator: self.dataset.indicator(id: indicatorId), year: year, baseYear: result.baseYear,
                    figures: figures, source: "method: production_change"
                )
            )
        }
        if let result = try? self.efficiency(region: code, year: year) {
            let reference = self.dataset.region(code: ProductionConventions.referenceRegionCode)
            let efficiency = used(result.efficiency, result.published)
            if efficiency.value != nil, let reference {
                statements.append(self.indexStatement("efficiency", EfficiencyResult.efficiencyIndexId, efficiency, municipality, reference, year))
            }
            if result.expenditureIndex.value != nil, let reference {
                statements.append(self.indexStatement("expenditure_index", EfficiencyResult.expenditureIndexId, result.expenditureIndex, municipality, reference, year))
            }
            // Said once: the report's own change is its fact's statement.
            if result.change.value != nil, !result.change.provenance.isPublished, result.publishedChange == nil {
                statements.append(
                    Statement(
                        id: "efficiency_change.\(code).\(year)", kind: .change, subject: municipality,
                        indicatorId: EfficiencyResult.efficiencyIndexId, indicator: self.dataset.indicator(id: EfficiencyResult.efficiencyIndexId),
                        year: year, baseYear: year - 1,
                        figures: [self.statementFigure("value", code, result.change, EfficiencyResult.efficiencyIndexId)],
                        source: "method: relative_efficiency"
                    )
                )
            }
        }
        if let result = try? self.resourceUse(region: code, year: year) {
            let index = used(result.index, result.publishedIndex)
            if index.value != nil {
                statements.append(self.indexStatement("resource_use", ResourceUseResult.indexId, index, municipality, result.reference, year))
            }
            if result.kronerPerInhabitant.value != nil, !result.kronerPerInhabitant.provenance.isPublished {
                statements.append(
                    Statement(
                        id: "resource_use_kroner.\(code).\(year)", kind: .difference, subject: municipality,
                        regions: [result.reference], group: result.reference,
                        indicatorId: ResourceUseResult.indexId, indicator: self.dataset.indicator(id: ResourceUseResult.indexId),
                        year: year,
                        figures: [self.statementFigure("value", code, result.kronerPerInhabitant, nil)],
                        source: "method: resource_use"
                    )
                )
            }
        }
        if let result = try? self.teacherNorm(region: code, year: year) {
            for band in result.bands where band.groupSize.value != nil {
                statements.append(
                    Statement(
                        id: "teacher_norm.\(band.indicatorId).\(code).\(year)", kind: .normMargin, subject: municipality,
                        indicatorId: band.indicatorId, indicator: self.dataset.indicator(id: band.indicatorId), year: year,
                        figures: [
                            self.statementFigure("value", code, band.groupSize, band.indicatorId),
                            self.statementFigure("maximum", nil, band.legalMaximum, band.indicatorId),
                            self.statementFigure("margin", code, band.margin, band.indicatorId),
                        ],
                        source: "method: teacher_norm"
                    )
                )
            }
            if result.overallGroupSize.value != nil {
                let id = TeacherNormResult.overallId
                statements.append(
                    Statement(
                        id: "teacher_norm.\(id).\(code).\(year)", kind: .normMargin, subject: municipality,
                        indicatorId: id, indicator: self.dataset.indicator(id: id), year: year,
                        figures: [
                            self.statementFigure("value", code, result.overallGroupSize, id),
                            self.statementFigure(result.assumesEqualGrades ? "norm" : "norm_mix", nil, result.overallNorm.arithmetic, id),
                            self.statementFigure("norm_harmonic", nil, result.overallNorm.harmonic, nil),
                            self.statementFigure("margin", code, result.overallMargin, id),
                        ],
                        source: "method: teacher_norm"
                    )
                )
            }
        }
        return statements
    }

    /// An index relative to the group (= 100) as a statement: the index, 100, and index − 100.
    func indexStatement(_ name: String, _ indicatorId: String, _ index: Figure, _ municipality: Region, _ reference: Region, _ year: Int) -> Statement {
        // The method whose index it is (a published index names none: its method is `.published`).
        let method: AnalysisMethod
        if !index.provenance.isPublished {
            method = index.provenance.method
        } else if name.hasPrefix("production") {
            method = .productionIndex
        } else if name.hasPrefix("resource_use") {
            method = .resourceUse
        } else {
            method = .relativeEfficiency  // "efficiency", "expenditure_index"
        }
        let value = index.value ?? 100
        let hundred = Figure(value: 100, unit: .index, provenance: Provenance(method: method, formula: "\(reference.name) = 100", inputs: []))
        let percent = Figure(
            value: value - 100,
            unit: .percent,
            provenance: Provenance(method: method, formula: "\(NumberText.formula(value)) − 100", inputs: [Self.statementInput(index, indicatorId, municipality.code, year)])
        )
        return Statement(
            id: "\(name).\(municipality.code).\(year)", kind: .relativeToAverage, subject: municipality,
            regions: [reference], group: reference, indicatorId: indicatorId, indicator: self.dataset.indicator(id: indicatorId),
            year: year,
            figures: [
                self.statementFigure("value", municipality.code, index, indicatorId),
                self.statementFigure("reference", reference.code, hundred, indicatorId),
                self.statementFigure("percent", municipality.code, percent, nil),
            ],
            source: "method: \(method.rawValue)"
        )
    }

    /// A figure with the decimals to show: the indicator's where the units agree, else the unit's.
    func statementFigure(_ role: String, _ regionCode: String?, _ figure: Figure, _ indicatorId: String?) -> StatementFigure {
        let indicator = indicatorId.flatMap { self.dataset.indicator(id: $0) }
        let decimals: Int
        if role == "maximum" || role == "norm" || role == "norm_mix", let value = figure.value, value == value.rounded() {
            decimals = 0  // a legal maximum or a norm of whole pupils: "15", "18"
        } else if let indicator, indicator.unit == figure.unit {
            decimals = indicator.decimals
        } else {
            switch figure.unit {
            case .nok, .hours: decimals = 0
            case .fraction: decimals = 3
            default: decimals = 1
            }
        }
        return StatementFigure(role: role, regionCode: regionCode, figure: figure, decimals: decimals)
    }

    /// A derived figure as the input of another: its status and where it comes from.
    static func statementInput(_ figure: Figure, _ indicatorId: String, _ regionCode: String, _ year: Int) -> AnalysisInput {
        AnalysisInput(
            indicatorId: indicatorId,
            regionCode: regionCode,
            year: year,
            value: figure.value,
            status: figure.provenance.status,
            source: figure.provenance.source ?? "computed: \(figure.provenance.formula)"
        )
    }
}
