import Foundation
import KostraCodec
import Testing

/// Messages encoded by Python's protobuf runtime (Tests/interop/make_vectors.py,
/// which writes them into Tests/interop/python-encoded/) decoded by the Swift
/// codec. Each expected value below is the one the script builds, written
/// out again by hand; then the Swift encoding must give back Python's bytes
/// exactly, since both write fields in field-number order.
@Suite("Bytes from Python's protobuf")
struct PythonVectorTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("interop/python-encoded")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Self.directory.appendingPathComponent(name)))
    }

    func check<M: KostraMessage>(_ file: String, _ expected: M) throws {
        let bytes = try Self.bytes(file)
        let decoded = try M(decoding: bytes)
        #expect(decoded == expected)
        #expect(expected.encoded() == bytes, "Swift's encoding of \(M.protoMessageName) differs from Python's")
    }

    @Test("a RequestEnvelope: an id above 2^63, 4-byte UTF-8 in metadata, a nested request")
    func requestEnvelope() throws {
        let payload = KostraV1.GetSeriesRequest(
            indicatorId: "grunnskole.gruppestorrelse_2",
            regions: ["Bærum", "3024", "ASSS"],
            fromYear: 2021,
            toYear: 2024
        )
        try self.check(
            "request_envelope.bin",
            KostraV1.RequestEnvelope(
                id: 9_223_372_036_854_788_153,  // 2^63 + 12345
                method: "/kostra.v1.Kostra/GetSeries",
                timeoutMs: 2500,
                payload: payload.encoded(),
                protocolVersion: 1,
                metadata: [
                    KostraV1.MetadataEntry(key: "x-user", value: "Åse Ødegård, Bærum"),
                    KostraV1.MetadataEntry(key: "x-note", value: "lærernorm ≤ 15 🚀"),
                ]
            )
        )
        let envelope = try KostraV1.RequestEnvelope(decoding: Self.bytes("request_envelope.bin"))
        #expect(try KostraV1.GetSeriesRequest(decoding: envelope.payload) == payload)
    }

    @Test("a GetSeriesResponse: a present 0.0, an absent value with its reason, a negative value")
    func seriesResponse() throws {
        let expected = KostraV1.GetSeriesResponse(
            indicator: KostraV1.Indicator(
                id: "grunnskole.gruppestorrelse_2",
                nameNb: "Gruppestørrelse 2 - lærernorm",
                unit: .number,
                direction: .higherCostsLess,
                decimals: 1
            ),
            series: [
                KostraV1.Series(
                    indicatorId: "grunnskole.gruppestorrelse_2",
                    regionCode: "3201",
                    observations: [
                        KostraV1.Observation(
                            regionCode: "3201", year: 2023, value: 17.1, status: .asPublished,
                            source: "Tabell «Gruppestørrelse 2 - lærernorm»", reportedCode: "3024"
                        ),
                        KostraV1.Observation(regionCode: "3201", year: 2024, value: 0.0, status: .preliminary),
                    ]
                ),
                KostraV1.Series(
                    indicatorId: "grunnskole.gruppestorrelse_2",
                    regionCode: "ASSS",
                    observations: [
                        KostraV1.Observation(regionCode: "ASSS", year: 2023, missing: .notAvailable, status: .final),
                        KostraV1.Observation(regionCode: "ASSS", year: 2024, value: -0.5, status: .final),
                    ]
                ),
            ],
            years: [2023, 2024]
        )
        try self.check("get_series_response.bin", expected)
        let decoded = try KostraV1.GetSeriesResponse(decoding: Self.bytes("get_series_response.bin"))
        #expect(decoded.series[0].observations[1].value == 0.0)
        #expect(decoded.series[1].observations[0].value == nil)
    }

    @Test("regions: former codes with years, a group with members")
    func regions() throws {
        try self.check(
            "region.bin",
            KostraV1.Region(
                code: "3201",
                name: "Bærum",
                kind: .municipality,
                formerCodes: [
                    KostraV1.FormerCode(code: "0219", lastYear: 2019),
                    KostraV1.FormerCode(code: "3024", lastYear: 2023),
                ],
                nameEn: "Baerum"
            )
        )
        try self.check(
            "region_group.bin",
            KostraV1.Region(
                code: "ASSS",
                name: "ASSS med Oslo",
                kind: .groupAverage,
                memberCodes: ["0301", "3201", "5001"],
                nameEn: "ASSS average incl. Oslo"
            )
        )
    }

    @Test("a Status with two details")
    func status() throws {
        try self.check(
            "status.bin",
            KostraV1.Status(
                code: .notFound,
                message: "no region matches 'Baerun'; did you mean Bærum (3201)?",
                details: [
                    KostraV1.ErrorDetail(
                        field: "regions[1]",
                        reason: "no region matches 'Baerun'",
                        available: ["3201", "3203", "ASSS"],
                        suggestions: ["Bærum", "Asker"]
                    ),
                    KostraV1.ErrorDetail(field: "from_year", reason: "år før 2021 finnes ikke", available: ["2021", "2024"]),
                ]
            )
        )
    }

    @Test("a ResponseEnvelope with a present, empty status and an id above 2^32")
    func responseEnvelope() throws {
        let health = KostraV1.HealthCheckResponse(
            status: .serving,
            serverVersion: "0.1.0",
            dataVersion: "built-in",
            years: [2021, 2022, 2023, 2024]
        )
        try self.check(
            "response_envelope.bin",
            KostraV1.ResponseEnvelope(id: 4_294_967_297, status: KostraV1.Status(), payload: health.encoded(), protocolVersion: 1)
        )
    }

    @Test("bytes that are not UTF-8 pass through a bytes field untouched")
    func rawBytes() throws {
        try self.check(
            "request_envelope_raw_bytes.bin",
            KostraV1.RequestEnvelope(id: 1, method: "/kostra.v1.Kostra/Check", payload: [0x00, 0xFF, 0x80, 0x7F])
        )
    }
}
