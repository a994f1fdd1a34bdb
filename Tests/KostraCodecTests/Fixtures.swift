import KostraCodec

/// Messages with a non-default value in every field, and helpers shared by the tests.
enum Fixtures {
    static let formerCodes = [
        KostraV1.FormerCode(code: "0219", lastYear: 2019),
        KostraV1.FormerCode(code: "3024", lastYear: 2023),
    ]

    static let baerum = KostraV1.Region(
        code: "3201",
        name: "Bærum",
        kind: .municipality,
        formerCodes: formerCodes,
        memberCodes: ["0301", "4601", "5001"],
        nameEn: "Baerum"
    )

    static let asss = KostraV1.Region(
        code: "ASSS",
        name: "ASSS med Oslo",
        kind: .groupAverage,
        formerCodes: [KostraV1.FormerCode(code: "ASSS0", lastYear: 1)],
        memberCodes: ["0301", "3201"],
        nameEn: "ASSS average incl. Oslo"
    )

    static let indicator = KostraV1.Indicator(
        id: "grunnskole.gruppestorrelse_2",
        nameNb: "Gruppestørrelse 2, årstimer",
        nameEn: "Group size 2",
        unit: .thousandNok,
        kostraFunction: "202",
        direction: .higherCostsLess,
        aggregation: .weighted,
        ssbContentCode: "KOSGR1100000",
        ssbTable: "12255",
        service: "grunnskole",
        decimals: 1,
        description: "Elever per lærer — «ordinær undervisning» 🏫"
    )

    static let observationZero = KostraV1.Observation(
        regionCode: "3201",
        year: 2024,
        value: 0.0,
        missing: .notAvailable,
        status: .preliminary,
        source: "SSB 12255, 15 March",
        reportedCode: "3024"
    )

    static let observationMissing = KostraV1.Observation(
        regionCode: "0301",
        year: 2023,
        value: nil,
        missing: .suppressed,
        status: .final,
        source: "SSB",
        reportedCode: "0301"
    )

    static let observationValue = KostraV1.Observation(
        regionCode: "EAK",
        year: -1,
        value: -133.8,
        missing: .unrecognized(42),
        status: .asPublished,
        source: "Report table 3",
        reportedCode: "EAKUO"
    )

    static let series = KostraV1.Series(
        indicatorId: indicator.id,
        regionCode: "3201",
        observations: [observationZero, observationMissing, observationValue]
    )

    static let errorDetail = KostraV1.ErrorDetail(
        field: "regions[1]",
        reason: "no region is called \"Bærumm\"",
        available: ["0301", "3201", "4601"],
        suggestions: ["Bærum", "Bergen"]
    )

    static let status = KostraV1.Status(
        code: .invalidArgument,
        message: "regions[1]: unknown region",
        details: [errorDetail, KostraV1.ErrorDetail(field: "from_year", reason: "after to_year", available: ["2020"], suggestions: ["2021"])]
    )

    static let metadata = [
        KostraV1.MetadataEntry(key: "authorization", value: "Bearer abc.def"),
        KostraV1.MetadataEntry(key: "x-trace", value: "ø"),
    ]

    static let request = KostraV1.RequestEnvelope(
        id: .max,
        method: "/kostra.v1.Kostra/GetSeries",
        timeoutMs: .max,
        payload: [0, 1, 2, 0x80, 0xFF],
        protocolVersion: 1,
        metadata: metadata
    )

    static let response = KostraV1.ResponseEnvelope(
        id: 1 << 40,
        status: status,
        payload: Array(repeating: 0xAB, count: 300),
        protocolVersion: 7
    )

    static let getSeriesRequest = KostraV1.GetSeriesRequest(
        indicatorId: indicator.id,
        regions: ["baerum", "3024", "Bærum"],
        fromYear: 2015,
        toYear: 2024
    )

    static let getSeriesResponse = KostraV1.GetSeriesResponse(
        indicator: indicator,
        series: [series, KostraV1.Series(indicatorId: "x", regionCode: "0301", observations: [observationValue])],
        regions: [baerum, asss],
        years: [2020, 2021, 2022, 2023, 2024]
    )

    static let healthCheckResponse = KostraV1.HealthCheckResponse(
        status: .notServing,
        serverVersion: "0.1.0",
        dataVersion: "built-in",
        years: [2022, 2023, 2024]
    )

    static let getSchemaResponse = KostraV1.GetSchemaResponse(
        fileDescriptorSet: KostraSchema.fileDescriptorSet,
        files: KostraSchema.fileNames
    )

    /// One message of every type, every field set to something other than its default.
    static let everyMessage: [any KostraMessage] = [
        errorDetail,
        status,
        KostraV1.Status(code: .unrecognized(99), message: "from a newer server", details: [errorDetail]),
        metadata[0],
        request,
        response,
        formerCodes[0],
        baerum,
        indicator,
        observationZero,
        observationMissing,
        observationValue,
        series,
        getSeriesRequest,
        getSeriesResponse,
        KostraV1.ListIndicatorsRequest(service: "grunnskole"),
        KostraV1.ListIndicatorsResponse(indicators: [indicator, KostraV1.Indicator(id: "b", unit: .percent)]),
        KostraV1.ListRegionsRequest(kind: .country),
        KostraV1.ListRegionsResponse(regions: [baerum, asss, KostraV1.Region(code: "EAK", kind: .country)]),
        KostraV1.HealthCheckRequest(service: "kostra.v1.Kostra"),
        healthCheckResponse,
        KostraV1.GetSchemaRequest(),
        getSchemaResponse,
    ]

    /// Every message type of the schema.
    static let everyType: [any KostraMessage.Type] = [
        KostraV1.ErrorDetail.self,
        KostraV1.Status.self,
        KostraV1.MetadataEntry.self,
        KostraV1.RequestEnvelope.self,
        KostraV1.ResponseEnvelope.self,
        KostraV1.FormerCode.self,
        KostraV1.Region.self,
        KostraV1.Indicator.self,
        KostraV1.Observation.self,
        KostraV1.Series.self,
        KostraV1.GetSeriesRequest.self,
        KostraV1.GetSeriesResponse.self,
        KostraV1.ListIndicatorsRequest.self,
        KostraV1.ListIndicatorsResponse.self,
        KostraV1.ListRegionsRequest.self,
        KostraV1.ListRegionsResponse.self,
        KostraV1.HealthCheckRequest.self,
        KostraV1.HealthCheckResponse.self,
        KostraV1.GetSchemaRequest.self,
        KostraV1.GetSchemaResponse.self,
    ]
}

/// Decodes `bytes` as a `type`; opens an existential metatype.
func decode<M: KostraMessage>(_ type: M.Type, _ bytes: [UInt8]) throws(DecodingError) -> M {
    try M(decoding: bytes)
}

/// A deterministic generator (SplitMix64), so that every run fuzzes the same inputs.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
