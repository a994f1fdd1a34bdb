public import KostraCodec
import KostraProtocol

/// The router's real answers to ``Requests``, one of each of the 14 methods,
/// plus the envelopes that carry the profile request and its answer.
public struct Answers: Sendable {
    public var check: KostraV1.HealthCheckResponse
    public var schema: KostraV1.GetSchemaResponse
    public var listIndicators: KostraV1.ListIndicatorsResponse
    public var listRegions: KostraV1.ListRegionsResponse
    public var series: KostraV1.GetSeriesResponse
    public var profile: KostraV1.GetProfileResponse
    public var compare: KostraV1.CompareResponse
    public var groupAverage: KostraV1.GetGroupAverageResponse
    public var productionIndex: KostraV1.ProductionIndexResponse
    public var productionChange: KostraV1.ProductionChangeResponse
    public var efficiency: KostraV1.EfficiencyResponse
    public var resourceUse: KostraV1.ResourceUseResponse
    public var teacherNorm: KostraV1.TeacherNormResponse
    public var statements: KostraV1.StatementsResponse
    /// The envelope of a profile request, as `kostra-client bench` sends it.
    public var requestEnvelope: KostraV1.RequestEnvelope
    /// The envelope of the profile answer, as the server sends it.
    public var responseEnvelope: KostraV1.ResponseEnvelope

    /// Asks `fixtures`' router every method once.
    public init(from fixtures: Fixtures) async throws {
        self.check = try await fixtures.answer(KostraMethods.check, Requests.check)
        self.schema = try await fixtures.answer(KostraMethods.getSchema, Requests.schema)
        self.listIndicators = try await fixtures.answer(KostraMethods.listIndicators, Requests.listIndicators)
        self.listRegions = try await fixtures.answer(KostraMethods.listRegions, Requests.listRegions)
        self.series = try await fixtures.answer(KostraMethods.getSeries, Requests.series)
        self.profile = try await fixtures.answer(KostraMethods.getProfile, Requests.profile)
        self.compare = try await fixtures.answer(KostraMethods.compare, Requests.compare)
        self.groupAverage = try await fixtures.answer(KostraMethods.getGroupAverage, Requests.groupAverage)
        self.productionIndex = try await fixtures.answer(KostraMethods.getProductionIndex, Requests.regionYear)
        self.productionChange = try await fixtures.answer(KostraMethods.getProductionChange, Requests.regionYear)
        self.efficiency = try await fixtures.answer(KostraMethods.getEfficiency, Requests.regionYear)
        self.resourceUse = try await fixtures.answer(KostraMethods.getResourceUse, Requests.regionYear)
        self.teacherNorm = try await fixtures.answer(KostraMethods.getTeacherNorm, Requests.regionYear)
        self.statements = try await fixtures.answer(KostraMethods.getStatements, Requests.regionYear)
        self.requestEnvelope = Fixtures.envelope(KostraMethods.getProfile, Requests.profile, id: 12_345)
        self.responseEnvelope = await fixtures.router.respond(
            to: self.requestEnvelope,
            context: Fixtures.context(method: KostraMethods.getProfile.path, id: 12_345)
        )
    }
}
