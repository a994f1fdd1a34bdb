public import KostraCodec

/// Every method of `service Kostra` in Protos/kostra/v1/kostra.proto, typed.
public enum KostraMethods {
    /// Health: whether the server is serving and what data it holds.
    public static let check = Method<KostraV1.HealthCheckRequest, KostraV1.HealthCheckResponse>(kostra: "Check")
    /// The server's schema as a FileDescriptorSet.
    public static let getSchema = Method<KostraV1.GetSchemaRequest, KostraV1.GetSchemaResponse>(kostra: "GetSchema")
    /// The indicators.
    public static let listIndicators = Method<KostraV1.ListIndicatorsRequest, KostraV1.ListIndicatorsResponse>(
        kostra: "ListIndicators"
    )
    /// The regions.
    public static let listRegions = Method<KostraV1.ListRegionsRequest, KostraV1.ListRegionsResponse>(
        kostra: "ListRegions"
    )
    /// An indicator's series for regions over years.
    public static let getSeries = Method<KostraV1.GetSeriesRequest, KostraV1.GetSeriesResponse>(kostra: "GetSeries")

    /// The paths of all methods, in the order of the service block.
    public static let allPaths: [String] = [
        check.path, getSchema.path, listIndicators.path, listRegions.path, getSeries.path,
    ]
}
