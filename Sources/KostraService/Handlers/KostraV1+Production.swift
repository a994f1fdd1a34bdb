import KostraAnalysis
import KostraCodec
import KostraData

// Conversions of the production, efficiency, resource-use, teacher-norm,
// group-average and statement results to the schema's messages.

extension KostraV1.ProductionComponentKind {
    init(_ kind: ProductionComponentKind) {
        switch kind {
        case .schoolContribution: self = .schoolContribution
        case .learningEnvironment: self = .learningEnvironment
        case .share: self = .share
        }
    }
}

extension KostraV1.ProductionIndexResponse {
    init(_ result: ProductionIndexResult) {
        self.init(
            region: KostraV1.Region(result.region),
            reference: KostraV1.Region(result.reference),
            year: Int32(result.year),
            components: result.components.map { component in
                KostraV1.ProductionComponent(
                    indicatorId: component.indicatorId,
                    label: component.label,
                    kind: KostraV1.ProductionComponentKind(component.kind),
                    weight: component.weight,
                    value: KostraV1.Figure(component.value),
                    referenceValue: KostraV1.Figure(component.referenceValue),
                    score: KostraV1.Figure(component.score),
                    publishedScore: component.publishedScore.map(KostraV1.Figure.init),
                    contribution: KostraV1.Figure(component.contribution)
                )
            },
            weightSum: result.weightSum,
            weightsSource: result.weightsSource ?? "",
            total: KostraV1.Figure(result.total),
            publishedTotal: result.publishedTotal.map(KostraV1.Figure.init)
        )
    }
}

extension KostraV1.ProductionChange {
    init(_ change: ProductionChange) {
        self.init(
            region: KostraV1.Region(change.region),
            components: change.components.map { component in
                KostraV1.ProductionChangeComponent(
                    indicatorId: component.indicatorId,
                    label: component.label,
                    kind: KostraV1.ProductionComponentKind(component.kind),
                    weight: component.weight,
                    change: KostraV1.Figure(component.change)
                )
            },
            weightUsed: change.weightUsed,
            total: KostraV1.Figure(change.total),
            published: change.published.map(KostraV1.Figure.init)
        )
    }
}

extension KostraV1.ProductionChangeResponse {
    init(_ result: ProductionChangeResult) {
        self.init(
            region: KostraV1.Region(result.region),
            reference: KostraV1.Region(result.reference),
            year: Int32(result.year),
            baseYear: Int32(result.baseYear),
            weightsSource: result.weightsSource ?? "",
            municipality: KostraV1.ProductionChange(result.municipality),
            referenceChange: KostraV1.ProductionChange(result.referenceChange)
        )
    }
}

extension KostraV1.EfficiencyResponse {
    init(_ result: EfficiencyResult) {
        self.init(
            region: KostraV1.Region(result.region),
            year: Int32(result.year),
            productionIndex: KostraV1.Figure(result.productionIndex),
            expenditureIndex: KostraV1.Figure(result.expenditureIndex),
            efficiency: KostraV1.Figure(result.efficiency),
            published: result.published.map(KostraV1.Figure.init),
            differenceFromPublished: result.differenceFromPublished.map(KostraV1.Figure.init),
            agreesWithPublished: result.agreesWithPublished,
            previousEfficiency: KostraV1.Figure(result.previousEfficiency),
            change: KostraV1.Figure(result.change),
            publishedChange: result.publishedChange.map(KostraV1.Figure.init)
        )
    }
}

extension KostraV1.ResourceUseResponse {
    init(_ result: ResourceUseResult) {
        self.init(
            region: KostraV1.Region(result.region),
            reference: KostraV1.Region(result.reference),
            year: Int32(result.year),
            ratio: KostraV1.Figure(result.ratio),
            members: result.members.map { KostraV1.ResourceUseMember(region: KostraV1.Region($0.region), ratio: KostraV1.Figure($0.ratio)) },
            meanRatio: KostraV1.Figure(result.meanRatio),
            publishedMeanRatio: result.publishedMeanRatio.map(KostraV1.Figure.init),
            meanDifference: result.meanDifference.map(KostraV1.Figure.init),
            index: KostraV1.Figure(result.index),
            publishedIndex: result.publishedIndex.map(KostraV1.Figure.init),
            deviationPercent: KostraV1.Figure(result.deviationPercent),
            kronerPerInhabitant: KostraV1.Figure(result.kronerPerInhabitant),
            publishedKronerPerInhabitant: result.publishedKronerPerInhabitant.map(KostraV1.Figure.init)
        )
    }
}

extension KostraV1.TeacherNormResponse {
    init(_ result: TeacherNormResult) {
        self.init(
            region: KostraV1.Region(result.region),
            year: Int32(result.year),
            bands: result.bands.map { band in
                KostraV1.TeacherNormBand(
                    firstGrade: Int32(band.grades.lowerBound),
                    lastGrade: Int32(band.grades.upperBound),
                    indicatorId: band.indicatorId,
                    groupSize: KostraV1.Figure(band.groupSize),
                    legalMaximum: KostraV1.Figure(band.legalMaximum),
                    margin: KostraV1.Figure(band.margin),
                    withinNorm: band.isWithinNorm
                )
            },
            overallGroupSize: KostraV1.Figure(result.overallGroupSize),
            normArithmetic: KostraV1.Figure(result.overallNorm.arithmetic),
            normHarmonic: KostraV1.Figure(result.overallNorm.harmonic),
            assumesEqualGrades: result.assumesEqualGrades,
            overallMargin: KostraV1.Figure(result.overallMargin),
            overallMarginHarmonic: KostraV1.Figure(result.overallMarginHarmonic)
        )
    }
}

extension KostraV1.GetGroupAverageResponse {
    init(_ result: GroupAverageResult) {
        self.init(
            group: KostraV1.Region(result.group),
            indicator: KostraV1.Indicator(result.indicator),
            year: Int32(result.year),
            aggregation: KostraV1.Aggregation(result.aggregation),
            members: result.members.map { member in
                KostraV1.GroupMember(
                    region: KostraV1.Region(member.region),
                    value: member.value,
                    weight: member.weight,
                    status: KostraV1.MemberStatus(member.status),
                    note: member.note ?? ""
                )
            },
            computed: KostraV1.Figure(result.computed),
            withOslo: result.withOslo.map(KostraV1.Figure.init),
            withoutOslo: result.withoutOslo.map(KostraV1.Figure.init),
            published: KostraV1.Figure(result.published),
            difference: KostraV1.Figure(result.difference),
            membersWithValue: Int32(result.membersWithValue),
            counted: Int32(result.counted),
            coverageNote: result.coverageNote ?? ""
        )
    }
}

extension KostraV1.MemberStatus {
    init(_ status: GroupMemberStatus) {
        switch status {
        case .counted: self = .counted
        case .noValue: self = .noValue
        case .noWeight: self = .noWeight
        case .excluded: self = .excluded
        case .notAveraged: self = .notAveraged
        }
    }
}

extension KostraV1.Statement {
    init(_ statement: Statement) {
        self.init(
            id: statement.id,
            kind: statement.kind.rawValue,
            subject: KostraV1.Region(statement.subject),
            regions: statement.regions.map(KostraV1.Region.init),
            group: statement.group.map(KostraV1.Region.init),
            indicatorId: statement.indicatorId ?? "",
            year: Int32(statement.year ?? 0),
            baseYear: Int32(statement.baseYear ?? 0),
            figures: statement.figures.map { figure in
                KostraV1.StatementFigure(
                    role: figure.role,
                    regionCode: figure.regionCode ?? "",
                    figure: KostraV1.Figure(figure.figure),
                    decimals: Int32(figure.decimals)
                )
            },
            textNb: StatementRenderer.norwegian(statement),
            textEn: StatementRenderer.english(statement),
            source: statement.source,
            published: statement.isPublished
        )
    }
}
