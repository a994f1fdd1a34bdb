import KostraClient
import KostraCodec
import KostraProtocol

/// Everything the server answered for one report: a series per table
/// indicator and the analysis methods' answers. A part the server could not
/// give (a year without figures, a region without that analysis) is kept as
/// its error and shown in its place; the report as a whole fails only when
/// the region, a compared region or the year is wrong.
struct ReportAnswers: Sendable {
    /// The region and year, as the profile's answer names them.
    var profile: KostraV1.GetProfileResponse
    /// The regions the region is compared with, as the user named them.
    var others: [String]
    /// Each table indicator's series, by indicator id.
    var series: [String: Result<KostraV1.GetSeriesResponse, RPCError>]
    var resourceUse: Result<KostraV1.ResourceUseResponse, RPCError>
    var teacherNorm: Result<KostraV1.TeacherNormResponse, RPCError>
    var productionIndex: Result<KostraV1.ProductionIndexResponse, RPCError>
    var productionChange: Result<KostraV1.ProductionChangeResponse, RPCError>
    var efficiency: Result<KostraV1.EfficiencyResponse, RPCError>
    var statements: Result<KostraV1.StatementsResponse, RPCError>

    /// The region as the server names it.
    var region: KostraV1.Region { self.profile.region ?? KostraV1.Region() }
    /// The year of the report.
    var year: Int32 { self.profile.year }

    /// The years of the report's tables: the year and the three before, as
    /// the chapter prints them.
    static func tableYears(_ year: Int32) -> ClosedRange<Int32> { (year - 3)...year }

    /// Asks the server for everything `layout` shows, concurrently over one
    /// connection: the profile first (it checks the region and the year),
    /// then the series and the analyses.
    static func fetch(
        layout: ReportLayout,
        region: String,
        year: Int32,
        others: [String],
        call: Caller
    ) async throws(RPCError) -> ReportAnswers {
        let profile = try await call.call(KostraMethods.getProfile, KostraV1.GetProfileRequest(region: region, year: year))
        let request = KostraV1.RegionYearRequest(region: region, year: year)
        var requests: [(String, KostraV1.GetSeriesRequest)] = []
        for table in layout.tables {
            for indicator in table.indicators {
                switch table {
                case .regions:
                    requests.append((indicator, .init(indicatorId: indicator, regions: [region] + others, fromYear: year - 3, toYear: year)))
                case .indicators:
                    requests.append((indicator, .init(indicatorId: indicator, regions: [region], fromYear: year - 3, toYear: year)))
                case .yearPairs:
                    requests.append((indicator, .init(indicatorId: indicator, regions: [region] + others, fromYear: year - 1, toYear: year)))
                }
            }
        }
        async let resourceUse = call.result(KostraMethods.getResourceUse, request)
        async let teacherNorm = call.result(KostraMethods.getTeacherNorm, request)
        async let productionIndex = call.result(KostraMethods.getProductionIndex, request)
        async let productionChange = call.result(KostraMethods.getProductionChange, request)
        async let efficiency = call.result(KostraMethods.getEfficiency, request)
        async let statements = call.result(KostraMethods.getStatements, request)
        let series = await withTaskGroup(of: (String, Result<KostraV1.GetSeriesResponse, RPCError>).self) { group in
            for (indicator, request) in requests {
                group.addTask { (indicator, await call.result(KostraMethods.getSeries, request)) }
            }
            var answers: [String: Result<KostraV1.GetSeriesResponse, RPCError>] = [:]
            for await (indicator, answer) in group {
                answers[indicator] = answer
            }
            return answers
        }
        // A region the server does not know fails every series the same way:
        // that is the user's mistake, not a gap in the chapter.
        // So are a server going away, a deadline or a refused token.
        let answers = ReportAnswers(
            profile: profile,
            others: others,
            series: series,
            resourceUse: await resourceUse,
            teacherNorm: await teacherNorm,
            productionIndex: await productionIndex,
            productionChange: await productionChange,
            efficiency: await efficiency,
            statements: await statements
        )
        let seriesErrors = series.sorted(by: { $0.key < $1.key }).compactMap { $0.value.error }
        let analysisErrors = [
            answers.resourceUse.error, answers.teacherNorm.error, answers.productionIndex.error,
            answers.productionChange.error, answers.efficiency.error, answers.statements.error,
        ].compactMap { $0 }
        for error in seriesErrors + analysisErrors {
            if error.details.contains(where: { $0.field.hasPrefix("regions") }) || !Self.isGap(error) {
                throw error
            }
        }
        return answers
    }

    /// Whether an error says only that this part has no figures (NOT_FOUND,
    /// INVALID_ARGUMENT, FAILED_PRECONDITION): shown in its place.
    static func isGap(_ error: RPCError) -> Bool {
        switch error.code {
        case .notFound, .invalidArgument, .failedPrecondition: true
        default: false
        }
    }
}

extension Result {
    /// The error, or nil for a success.
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension ReportAnswers {
    /// Calls the server with the command's deadline and token.
    struct Caller: Sendable {
        let connection: KostraConnection
        let deadline: Duration
        let metadata: [KostraV1.MetadataEntry]

        func call<Request, Response>(_ method: Method<Request, Response>, _ request: Request) async throws(RPCError) -> Response {
            try await self.connection.call(method, request, timeout: self.deadline, metadata: self.metadata)
        }

        /// The answer or the server's error, kept to be shown in place.
        func result<Request, Response>(_ method: Method<Request, Response>, _ request: Request) async -> Result<Response, RPCError> {
            do {
                return .success(try await self.call(method, request))
            } catch {
                return .failure(error)
            }
        }
    }
}
