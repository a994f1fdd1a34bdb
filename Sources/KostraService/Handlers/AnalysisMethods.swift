public import KostraAnalysis
public import KostraCodec
public import KostraProtocol

/// The analysis methods: each request is resolved by ``Analysis`` over plain
/// values, and its result mapped onto the schema's messages.
public struct AnalysisMethods: Sendable {
    /// The analysis answered from.
    public let analysis: Analysis

    /// Methods over `analysis`.
    public init(analysis: Analysis) {
        self.analysis = analysis
    }

    /// Registers every analysis method on `router`.
    public func register(on router: inout Router) {
        router.register(KostraMethods.getProfile) { request, _ throws(RPCError) in try self.profile(request) }
        router.register(KostraMethods.compare) { request, _ throws(RPCError) in try self.compare(request) }
        router.register(KostraMethods.getGroupAverage) { request, _ throws(RPCError) in try self.groupAverage(request) }
        router.register(KostraMethods.getProductionIndex) { request, _ throws(RPCError) in
            KostraV1.ProductionIndexResponse(
                try self.answering { () throws(AnalysisError) in try self.analysis.productionIndex(region: request.region, year: Int(request.year)) }
            )
        }
        router.register(KostraMethods.getProductionChange) { request, _ throws(RPCError) in
            KostraV1.ProductionChangeResponse(
                try self.answering { () throws(AnalysisError) in try self.analysis.productionChange(region: request.region, year: Int(request.year)) }
            )
        }
        router.register(KostraMethods.getEfficiency) { request, _ throws(RPCError) in
            KostraV1.EfficiencyResponse(
                try self.answering { () throws(AnalysisError) in try self.analysis.efficiency(region: request.region, year: Int(request.year)) }
            )
        }
        router.register(KostraMethods.getResourceUse) { request, _ throws(RPCError) in
            KostraV1.ResourceUseResponse(
                try self.answering { () throws(AnalysisError) in try self.analysis.resourceUse(region: request.region, year: Int(request.year)) }
            )
        }
        router.register(KostraMethods.getTeacherNorm) { request, _ throws(RPCError) in
            KostraV1.TeacherNormResponse(
                try self.answering { () throws(AnalysisError) in try self.analysis.teacherNorm(region: request.region, year: Int(request.year)) }
            )
        }
        router.register(KostraMethods.getStatements, expensive: true) { request, _ throws(RPCError) in
            let statements = try self.answering { () throws(AnalysisError) in
                try self.analysis.statements(region: request.region, year: Int(request.year))
            }
            return KostraV1.StatementsResponse(
                region: try self.answering { () throws(AnalysisError) in try self.analysis.region(request.region, field: "region") }
                    .wire,
                year: request.year,
                statements: statements.map(KostraV1.Statement.init)
            )
        }
    }

    /// A group average from its members, beside the published one.
    public func groupAverage(_ request: KostraV1.GetGroupAverageRequest) throws(RPCError) -> KostraV1.GetGroupAverageResponse {
        KostraV1.GetGroupAverageResponse(
            try self.answering { () throws(AnalysisError) in
                try self.analysis.groupAverage(
                    group: request.group.isEmpty ? "ASSS" : request.group,
                    indicatorId: request.indicatorId,
                    year: Int(request.year),
                    excluding: Set(request.excluding)
                )
            }
        )
    }

    /// Runs an analysis, turning its errors into statuses.
    func answering<Result>(_ body: () throws(AnalysisError) -> Result) throws(RPCError) -> Result {
        do {
            return try body()
        } catch {
            throw RPCError(error)
        }
    }

    /// The service profile: every indicator indexed to the reference = 100.
    public func profile(_ request: KostraV1.GetProfileRequest) throws(RPCError) -> KostraV1.GetProfileResponse {
        let profile = try self.answering { () throws(AnalysisError) in
            try self.analysis.serviceProfile(
                region: request.region,
                year: Int(request.year),
                reference: request.reference.isEmpty ? "ASSS" : request.reference,
                service: request.service.isEmpty ? nil : request.service
            )
        }
        return KostraV1.GetProfileResponse(
            region: KostraV1.Region(profile.region),
            reference: KostraV1.Region(profile.reference),
            year: Int32(profile.year),
            rows: profile.rows.map(KostraV1.ProfileRow.init)
        )
    }

    /// The region against others: differences, index, changes and ranks.
    public func compare(_ request: KostraV1.CompareRequest) throws(RPCError) -> KostraV1.CompareResponse {
        if request.fromYear != 0, request.toYear != 0, request.fromYear > request.toYear {
            throw RPCError.invalidArgument(field: "from_year", "from_year \(request.fromYear) is after to_year \(request.toYear)")
        }
        let years: ClosedRange<Int>? =
            request.fromYear == 0 && request.toYear == 0
            ? nil : Int(request.fromYear == 0 ? Int32.min : request.fromYear)...Int(request.toYear == 0 ? Int32.max : request.toYear)
        let comparison = try self.answering { () throws(AnalysisError) in
            try self.analysis.compare(
                region: request.region,
                with: request.with,
                indicatorId: request.indicatorId.isEmpty ? nil : request.indicatorId,
                years: years,
                rankGroup: request.rankGroup.isEmpty ? "ASSS" : request.rankGroup
            )
        }
        return KostraV1.CompareResponse(
            region: KostraV1.Region(comparison.region),
            others: comparison.others.map(KostraV1.Region.init),
            rankGroup: KostraV1.Region(comparison.rankGroup),
            years: comparison.years.map { Int32($0) },
            indicators: comparison.indicators.map(KostraV1.IndicatorComparison.init)
        )
    }
}
