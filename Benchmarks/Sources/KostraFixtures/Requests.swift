public import KostraCodec

/// One request of each kind the 14 methods take, with the values the
/// benchmarks use throughout.
public enum Requests {
    /// Check: the server as a whole.
    public static let check = KostraV1.HealthCheckRequest()
    /// GetSchema (no fields).
    public static let schema = KostraV1.GetSchemaRequest()
    /// ListIndicators: every service area.
    public static let listIndicators = KostraV1.ListIndicatorsRequest()
    /// ListRegions: every kind.
    public static let listRegions = KostraV1.ListRegionsRequest()
    /// GetSeries: one indicator for Bærum, Asker and ASSS, every year.
    public static let series = KostraV1.GetSeriesRequest(
        indicatorId: Fixtures.indicator,
        regions: [Fixtures.region, "Asker", "ASSS"]
    )
    /// GetProfile: Bærum 2024 against ASSS (the default reference).
    public static let profile = KostraV1.GetProfileRequest(region: Fixtures.region, year: Fixtures.year)
    /// Compare: Bærum against Asker and ASSS on one indicator, every year.
    public static let compare = KostraV1.CompareRequest(
        region: Fixtures.region,
        with: ["Asker", "ASSS"],
        indicatorId: Fixtures.indicator
    )
    /// GetGroupAverage: ASSS formed from its members.
    public static let groupAverage = KostraV1.GetGroupAverageRequest(
        group: "ASSS",
        indicatorId: Fixtures.indicator,
        year: Fixtures.year
    )
    /// The production, efficiency, resource-use, norm and statements methods.
    public static let regionYear = KostraV1.RegionYearRequest(region: Fixtures.region, year: Fixtures.year)
}
