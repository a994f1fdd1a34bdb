// Encode and decode of every message the 14 methods take and give, and of
// the envelopes, with protobuf-c (KostraCodec) and, for comparison, with
// swift-protobuf: the same messages, the router's real answers from the
// built-in data.
//
// Names: "<Message> encode|decode protobuf-c|swift-protobuf". Encoding is
// into a new [UInt8] for both; decoding is from a [UInt8].
import Benchmark
import KostraCodec
import KostraFixtures
import KostraSwiftProtobuf
import SwiftProtobuf

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        warmupIterations: 10,
        maxDuration: .milliseconds(250),
        maxIterations: 10_000
    )

    // Requests (RegionYearRequest serves six methods).
    pair("HealthCheckRequest", Kostra_V1_HealthCheckRequest.self) { _ in Requests.check }
    pair("GetSchemaRequest", Kostra_V1_GetSchemaRequest.self) { _ in Requests.schema }
    pair("ListIndicatorsRequest", Kostra_V1_ListIndicatorsRequest.self) { _ in Requests.listIndicators }
    pair("ListRegionsRequest", Kostra_V1_ListRegionsRequest.self) { _ in Requests.listRegions }
    pair("GetSeriesRequest", Kostra_V1_GetSeriesRequest.self) { _ in Requests.series }
    pair("GetProfileRequest", Kostra_V1_GetProfileRequest.self) { _ in Requests.profile }
    pair("CompareRequest", Kostra_V1_CompareRequest.self) { _ in Requests.compare }
    pair("GetGroupAverageRequest", Kostra_V1_GetGroupAverageRequest.self) { _ in Requests.groupAverage }
    pair("RegionYearRequest", Kostra_V1_RegionYearRequest.self) { _ in Requests.regionYear }

    // Responses, one per method.
    pair("HealthCheckResponse", Kostra_V1_HealthCheckResponse.self) { $0.check }
    pair("GetSchemaResponse", Kostra_V1_GetSchemaResponse.self) { $0.schema }
    pair("ListIndicatorsResponse", Kostra_V1_ListIndicatorsResponse.self) { $0.listIndicators }
    pair("ListRegionsResponse", Kostra_V1_ListRegionsResponse.self) { $0.listRegions }
    pair("GetSeriesResponse", Kostra_V1_GetSeriesResponse.self) { $0.series }
    pair("GetProfileResponse", Kostra_V1_GetProfileResponse.self) { $0.profile }
    pair("CompareResponse", Kostra_V1_CompareResponse.self) { $0.compare }
    pair("GetGroupAverageResponse", Kostra_V1_GetGroupAverageResponse.self) { $0.groupAverage }
    pair("ProductionIndexResponse", Kostra_V1_ProductionIndexResponse.self) { $0.productionIndex }
    pair("ProductionChangeResponse", Kostra_V1_ProductionChangeResponse.self) { $0.productionChange }
    pair("EfficiencyResponse", Kostra_V1_EfficiencyResponse.self) { $0.efficiency }
    pair("ResourceUseResponse", Kostra_V1_ResourceUseResponse.self) { $0.resourceUse }
    pair("TeacherNormResponse", Kostra_V1_TeacherNormResponse.self) { $0.teacherNorm }
    pair("StatementsResponse", Kostra_V1_StatementsResponse.self) { $0.statements }

    // The envelopes of a profile request and its answer.
    pair("RequestEnvelope", Kostra_V1_RequestEnvelope.self) { $0.requestEnvelope }
    pair("ResponseEnvelope", Kostra_V1_ResponseEnvelope.self) { $0.responseEnvelope }
}

/// Registers the four benchmarks of one message: encode and decode, with
/// protobuf-c and with swift-protobuf, of the value `pick` takes from the
/// router's answers.
///
/// Requests (tens of bytes) run a thousand times per iteration (`.kilo`),
/// so that reading the clock does not dominate; the figures are per message
/// either way.
func pair<C: KostraMessage, S: SwiftProtobuf.Message>(
    _ name: String,
    _ swiftProtobuf: S.Type,
    pick: @escaping @Sendable (Answers) -> C
) {
    var configuration = Benchmark.defaultConfiguration
    if name.hasSuffix("Request") || name == "RequestEnvelope" {
        configuration.scalingFactor = .kilo
    }
    func register(_ what: String, _ body: @escaping @Sendable (CodecPair<C, S>) -> Void) {
        Benchmark(
            "\(name) \(what)",
            configuration: configuration,
            closure: { benchmark, pair in
                for _ in benchmark.scaledIterations {
                    body(pair)
                }
            },
            setup: { try await CodecPair(pick(SharedAnswers.get())) }
        )
    }
    register("encode protobuf-c") { blackHole($0.protobufC.encoded()) }
    register("encode swift-protobuf") { blackHole(try! $0.swiftProtobuf.serializedBytes() as [UInt8]) }
    register("decode protobuf-c") { blackHole(try! C(decoding: $0.bytes)) }
    register("decode swift-protobuf") { blackHole(try! S(serializedBytes: $0.bytes)) }
}
