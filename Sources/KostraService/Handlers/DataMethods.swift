public import KostraCodec
public import KostraData
public import KostraProtocol

/// The methods of the foundation: health, schema, indicators, regions and
/// series, answered from one immutable ``Dataset``.
public struct DataMethods: Sendable {
    /// The data served.
    public let dataset: Dataset
    /// The serving state reported by health checks.
    public let health: HealthState
    /// The server's version, reported by health checks.
    public let serverVersion: String

    /// Methods over `dataset`.
    public init(dataset: Dataset, health: HealthState, serverVersion: String) {
        self.dataset = dataset
        self.health = health
        self.serverVersion = serverVersion
    }

    /// Registers every method on `router`.
    public func register(on router: inout Router) {
        router.register(KostraMethods.check, access: .open) { request, _ throws(RPCError) in try self.check(request) }
        router.register(KostraMethods.getSchema, access: .open, cached: true) { _, _ in self.schema() }
        router.register(KostraMethods.listIndicators) { request, _ in self.listIndicators(request) }
        router.register(KostraMethods.listRegions) { request, _ in self.listRegions(request) }
        router.register(KostraMethods.getSeries) { request, context throws(RPCError) in
            try self.series(request, context: context)
        }
    }

    /// Health: SERVING unless the server is starting or draining.
    public func check(_ request: KostraV1.HealthCheckRequest) throws(RPCError) -> KostraV1.HealthCheckResponse {
        guard request.service.isEmpty || request.service == "kostra.v1.Kostra" else {
            throw RPCError.notFound(
                field: "service",
                "unknown service '\(request.service)'",
                available: ["", "kostra.v1.Kostra"]
            )
        }
        return KostraV1.HealthCheckResponse(
            status: self.health.isServing ? .serving : .notServing,
            serverVersion: self.serverVersion,
            dataVersion: self.dataset.name,
            years: self.dataset.years.map { Int32($0) }
        )
    }

    /// The embedded FileDescriptorSet of Protos/.
    public func schema() -> KostraV1.GetSchemaResponse {
        KostraV1.GetSchemaResponse(
            fileDescriptorSet: KostraSchema.fileDescriptorSet,
            files: KostraSchema.fileNames
        )
    }

    /// The indicators, in catalogue order, optionally of one service area.
    public func listIndicators(_ request: KostraV1.ListIndicatorsRequest) -> KostraV1.ListIndicatorsResponse {
        let indicators = self.dataset.indicators.filter { request.service.isEmpty || $0.service == request.service }
        return KostraV1.ListIndicatorsResponse(indicators: indicators.map(KostraV1.Indicator.init))
    }

    /// The regions, in catalogue order, optionally of one kind.
    public func listRegions(_ request: KostraV1.ListRegionsRequest) -> KostraV1.ListRegionsResponse {
        let kind = request.kind.dataKind
        let regions = self.dataset.regions.filter { kind == nil || $0.kind == kind }
        return KostraV1.ListRegionsResponse(regions: regions.map(KostraV1.Region.init))
    }
}
