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

    /// A municipality's service profile.
    public static let getProfile = Method<KostraV1.GetProfileRequest, KostraV1.GetProfileResponse>(kostra: "GetProfile")
    /// A region against others.
    public static let compare = Method<KostraV1.CompareRequest, KostraV1.CompareResponse>(kostra: "Compare")
    /// A group average from its members.
    public static let getGroupAverage = Method<KostraV1.GetGroupAverageRequest, KostraV1.GetGroupAverageResponse>(
        kostra: "GetGroupAverage"
    )
    /// The production index.
    public static let getProductionIndex = Method<KostraV1.RegionYearRequest, KostraV1.ProductionIndexResponse>(
        kostra: "GetProductionIndex"
    )
    /// The production change from the year before.
    public static let getProductionChange = Method<KostraV1.RegionYearRequest, KostraV1.ProductionChangeResponse>(
        kostra: "GetProductionChange"
    )
    /// Relative efficiency.
    public static let getEfficiency = Method<KostraV1.RegionYearRequest, KostraV1.EfficiencyResponse>(
        kostra: "GetEfficiency"
    )
    /// Resource use.
    public static let getResourceUse = Method<KostraV1.RegionYearRequest, KostraV1.ResourceUseResponse>(
        kostra: "GetResourceUse"
    )
    /// The teacher norm.
    public static let getTeacherNorm = Method<KostraV1.RegionYearRequest, KostraV1.TeacherNormResponse>(
        kostra: "GetTeacherNorm"
    )
    /// The chapter's statements as data.
    public static let getStatements = Method<KostraV1.RegionYearRequest, KostraV1.StatementsResponse>(
        kostra: "GetStatements"
    )

    /// Loads the newest data version (administration; needs the token).
    public static let reload = Method<KostraV1.ReloadRequest, KostraV1.ReloadResponse>(kostra: "Reload")

    /// The paths of all methods, in the order of the service block.
    public static let allPaths: [String] = [
        check.path, getSchema.path, listIndicators.path, listRegions.path, getSeries.path,
        getProfile.path, compare.path, getGroupAverage.path, getProductionIndex.path, getProductionChange.path,
        getEfficiency.path, getResourceUse.path, getTeacherNorm.path, getStatements.path, reload.path,
    ]
}
