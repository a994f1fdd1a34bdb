import KostraData

extension Analysis {
    /// Values a `difference` fact implies: with subject − other = d and one side in the data,
    /// the other side is other = subject − d, or subject = other + d.
    func impliedValueStatements(_ municipality: Region, year: Int) -> [Statement] {
        var statements: [Statement] = []
        for fact in self.dataset.facts(about: municipality.code) where fact.kind == "difference" && fact.year == year {
            guard let indicatorId = fact.indicatorId, let indicator = self.dataset.indicator(id: indicatorId),
                fact.unit == nil || fact.unit == indicator.unit,
                let difference = fact.figures["value"], let otherCode = fact.regions.first
            else { continue }
            // The municipality's side and the other's: d is fact.subject − fact.regions[0].
            let isSubject = fact.subject == municipality.code
            guard isSubject || otherCode == municipality.code else { continue }
            let knownCode = isSubject ? otherCode : fact.subject
            guard let knownObservation = self.dataset.observation(indicatorId: indicatorId, regionCode: knownCode, year: year),
                let known = knownObservation.value, let knownRegion = self.dataset.region(code: knownCode)
            else { continue }
            // The statement stands when the data lacks the implied figure or holds it as
            // implied (the same value); a printed figure of its own needs no implication.
            let impliedValue = isSubject ? known + difference : known - difference
            if let own = self.dataset.observation(indicatorId: indicatorId, regionCode: municipality.code, year: year)?.value,
                abs(own - impliedValue) > 1e-9
            {
                continue
            }
            // The sentence's difference: an input named by its fact, not by the indicator.
            let factInput = AnalysisInput(
                indicatorId: "fact:\(fact.id)", regionCode: fact.subject, year: year, value: difference, status: fact.status, source: fact.source
            )
            let value = impliedValue
            let formula = isSubject
                ? "\(NumberText.formula(known)) + \(NumberText.operand(difference))"
                : "\(NumberText.formula(known)) − \(NumberText.operand(difference))"
            let implied = Figure(
                value: value,
                unit: indicator.unit,
                provenance: Provenance(method: .comparison, formula: formula, inputs: [AnalysisInput(knownObservation), factInput])
            )
            let knownFigure = Figure(value: known, unit: indicator.unit, provenance: .published(knownObservation))
            let gap = Figure(
                value: value - known,
                unit: indicator.unit,
                provenance: Provenance(
                    method: .comparison,
                    formula: isSubject ? NumberText.formula(difference) : "−\(NumberText.operand(difference))",
                    inputs: [factInput]
                )
            )
            statements.append(
                Statement(
                    id: "implied_value.\(indicatorId).\(municipality.code).\(year)", kind: .impliedValue, subject: municipality,
                    regions: [knownRegion], indicatorId: indicatorId, indicator: indicator, year: year,
                    figures: [
                        self.statementFigure("value", municipality.code, implied, indicatorId),
                        self.statementFigure("known", knownCode, knownFigure, indicatorId),
                        self.statementFigure("difference", municipality.code, gap, indicatorId),
                    ],
                    factId: fact.id, source: fact.source
                )
            )
        }
        return statements
    }

    /// From the tables: relative to the ASSS average (only for quantities that are not negative,
    /// against a positive average: a percentage of a change means nothing), higher or lower
    /// than each other region, and the rank within ASSS when every member has a value.
    /// Indices (ASSS = 100) are left to the methods' statements.
    func comparisonStatements(_ municipality: Region, year: Int) -> [Statement] {
        var statements: [Statement] = []
        let code = municipality.code
        let reference = self.dataset.region(code: ProductionConventions.referenceRegionCode)
        for indicator in self.dataset.indicators where indicator.unit != .index {
            guard let observation = self.dataset.observation(indicatorId: indicator.id, regionCode: code, year: year),
                let value = observation.value
            else { continue }
            let own = Figure(
                value: value, unit: indicator.unit,
                provenance: .published(observation)
            )
            let ownFigure = self.statementFigure("value", code, own, indicator.id)

            if let reference, let referenceObservation = self.dataset.observation(indicatorId: indicator.id, regionCode: reference.code, year: year),
                let average = referenceObservation.value, average > 0, value >= 0
            {
                let inputs = [AnalysisInput(observation), AnalysisInput(referenceObservation)]
                let differenceUnit: Unit = indicator.unit == .percent ? .percentagePoints : indicator.unit
                let averageFigure = Figure(
                    value: average, unit: indicator.unit,
                    provenance: .published(referenceObservation)
                )
                let difference = Figure(
                    value: value - average, unit: differenceUnit,
                    provenance: Provenance(method: .comparison, formula: "\(NumberText.formula(value)) − \(NumberText.formula(average))", inputs: inputs)
                )
                let percent = Figure(
                    value: 100 * (value - average) / average, unit: .percent,
                    provenance: Provenance(
                        method: .comparison,
                        formula: "100 × (\(NumberText.formula(value)) − \(NumberText.formula(average))) / \(NumberText.formula(average))",
                        inputs: inputs
                    )
                )
                var differenceFigure = self.statementFigure("difference", code, difference, indicator.id)
                differenceFigure.decimals = indicator.decimals
                statements.append(
                    Statement(
                        id: "relative_to_average.\(indicator.id).\(code).\(year)", kind: .relativeToAverage, subject: municipality,
                        regions: [reference], group: reference, indicatorId: indicator.id, indicator: indicator, year: year,
                        figures: [ownFigure, self.statementFigure("reference", reference.code, averageFigure, indicator.id), differenceFigure,
                                  self.statementFigure("percent", code, percent, nil)],
                        source: "method: comparison (tables)"
                    )
                )
            }

            var below: [StatementFigure] = []
            var above: [StatementFigure] = []
            var belowRegions: [Region] = []
            var aboveRegions: [Region] = []
            for other in self.dataset.regions where other.code != code {
                guard let otherObservation = self.dataset.observation(indicatorId: indicator.id, regionCode: other.code, year: year),
                    let otherValue = otherObservation.value, otherValue != value
                else { continue }
                let figure = self.statementFigure(
                    "value", other.code,
                    Figure(
                        value: otherValue, unit: indicator.unit,
                        provenance: .published(otherObservation)
                    ),
                    indicator.id
                )
                if otherValue < value {
                    below.append(figure)
                    belowRegions.append(other)
                } else {
                    above.append(figure)
                    aboveRegions.append(other)
                }
            }
            if !below.isEmpty {
                statements.append(
                    Statement(
                        id: "higher_than.\(indicator.id).\(code).\(year)", kind: .higherThan, subject: municipality, regions: belowRegions,
                        indicatorId: indicator.id, indicator: indicator, year: year, figures: [ownFigure] + below,
                        source: "method: comparison (tables)"
                    )
                )
            }
            if !above.isEmpty {
                statements.append(
                    Statement(
                        id: "lower_than.\(indicator.id).\(code).\(year)", kind: .lowerThan, subject: municipality, regions: aboveRegions,
                        indicatorId: indicator.id, indicator: indicator, year: year, figures: [ownFigure] + above,
                        source: "method: comparison (tables)"
                    )
                )
            }

            if let reference, reference.memberCodes.contains(code) {
                let members = reference.memberCodes.map {
                    self.dataset.observation(indicatorId: indicator.id, regionCode: $0, year: year)
                }
                let values = members.compactMap { $0?.value }
                if values.count == reference.memberCodes.count {
                    let inputs = members.compactMap { $0.map(AnalysisInput.init) }
                    let lower = values.filter { $0 < value }.count
                    let higher = values.filter { $0 > value }.count
                    func place(_ n: Int, _ formula: String) -> Figure {
                        Figure(value: Double(n), unit: .number, provenance: Provenance(method: .comparison, formula: formula, inputs: inputs))
                    }
                    // The regions ranked ahead, counting from the nearer end.
                    let ahead = zip(reference.memberCodes, values).filter { lower <= higher ? $0.1 < value : $0.1 > value }.map(\.0)
                    statements.append(
                        Statement(
                            id: "rank.\(indicator.id).\(code).\(year)", kind: .rank, subject: municipality,
                            regions: ahead.compactMap { self.dataset.region(code: $0) }, group: reference,
                            indicatorId: indicator.id, indicator: indicator, year: year,
                            figures: [
                                StatementFigure(role: "rank_from_lowest", regionCode: code, figure: place(lower + 1, "1 + \(lower) members lower"), decimals: 0),
                                StatementFigure(role: "rank_from_highest", regionCode: code, figure: place(higher + 1, "1 + \(higher) members higher"), decimals: 0),
                                StatementFigure(role: "count", regionCode: reference.code, figure: place(values.count, "\(values.count) members"), decimals: 0),
                                ownFigure,
                            ],
                            source: "method: comparison (tables)"
                        )
                    )
                }
            }
        }
        return statements
    }

    /// The dataset's facts about the municipality for the year (or with no year), as statements.
    func factStatements(_ municipality: Region, year: Int) -> [Statement] {
        self.dataset.facts(about: municipality.code).filter { $0.year == nil || $0.year == year }.compactMap { fact in
            guard let subject = self.dataset.region(code: fact.subject) else { return nil }
            let indicator = fact.indicatorId.flatMap { self.dataset.indicator(id: $0) }
            let figures = fact.figures.sorted { $0.key < $1.key }.map { role, value in
                let isPlace = role.hasPrefix("rank") || role == "count"
                let unit: Unit = isPlace ? .number : (fact.unit ?? indicator?.unit ?? .number)
                var figure = self.statementFigure(
                    role, fact.subject,
                    Figure(value: value, unit: unit, provenance: .published(fact: fact, role: role)),
                    fact.indicatorId
                )
                if isPlace { figure.decimals = 0 }
                return figure
            }
            return Statement(
                id: "fact.\(fact.id)", kind: StatementKind(rawValue: fact.kind), subject: subject,
                regions: fact.regions.compactMap { self.dataset.region(code: $0) },
                group: fact.group.flatMap { self.dataset.region(code: $0) },
                indicatorId: fact.indicatorId, indicator: indicator, year: fact.year, baseYear: fact.baseYear,
                figures: figures, factId: fact.id, text: fact.statement, source: fact.source
            )
        }
    }
}
