import KostraClient
import KostraCodec
import KostraProtocol
import KostraService
import NIOCore
import Testing

/// The metrics, scraped over HTTP from a live server after real requests.
@Suite("Live server: metrics")
struct MetricsTests {
    static let profile = KostraMethods.getProfile.path
    static let check = KostraMethods.check.path

    static func requests(_ method: String, _ code: String) -> String {
        "kostra_requests_total{method=\"\(method)\",code=\"\(code)\",transport=\"native\"}"
    }

    static func refused(_ reason: String) -> String {
        "kostra_frames_refused_total{reason=\"\(reason)\"}"
    }

    @Test("requests by method and code, the cached ones included; latency counts; refused frames by reason; bytes; data version")
    func countsAfterRealRequests() async throws {
        try await withOpsTestServer { ports, _, _, _ in
            try await withClient(port: ports.server) { connection in
                let bærum = KostraV1.GetProfileRequest(region: "Bærum", year: 2024)
                let misspelt = KostraV1.GetProfileRequest(region: "Baerun", year: 2024)
                // The first of each is computed; the repeats are answered from
                // the cache on the event loop (the fast path).
                for _ in 0..<3 {
                    _ = try await connection.call(KostraMethods.getProfile, bærum)
                }
                for _ in 0..<2 {
                    await #expect(throws: RPCError.self) { try await connection.call(KostraMethods.getProfile, misspelt) }
                }
                _ = try await connection.call(KostraMethods.check, .init())
            }
            try await RawConnection.with(port: ports.server) { inbound, outbound in
                var inbound = inbound
                try await outbound.write(requestFrame(id: 0, method: Self.check))
                #expect(try await inbound.nextResponse()?.status?.code == .invalidArgument)
                var garbage = ByteBuffer()
                garbage.writeBytes([0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF])
                try await outbound.write(garbage)
                #expect(try await inbound.nextResponse()?.status?.code == .invalidArgument)
                try await outbound.write(requestFrame(id: 7, method: "/no.such/Method"))
                #expect(try await inbound.nextResponse()?.status?.code == .unimplemented)
                var flagged = ByteBuffer()
                flagged.writeBytes([1, 0, 0, 0, 0])
                try await outbound.write(flagged)
                #expect(try await inbound.nextResponse()?.status?.code == .unimplemented)
                #expect(try await inbound.next() == nil)  // closed on the framing error
            }

            let samples = try await scrapeSamples(port: ports.ops)
            #expect(samples[Self.requests(Self.profile, "OK")] == 3)
            #expect(samples[Self.requests(Self.profile, "NOT_FOUND")] == 2)
            #expect(samples[Self.requests(Self.check, "OK")] == 1)
            #expect(samples[Self.requests("other", "UNIMPLEMENTED")] == 1)
            #expect(samples["kostra_request_duration_seconds_count{method=\"\(Self.profile)\",transport=\"native\"}"] == 5)
            #expect(samples["kostra_request_duration_seconds_count{method=\"\(Self.check)\",transport=\"native\"}"] == 1)
            // The native port's server counts on the native transport only: no gRPC series.
            #expect(!samples.keys.contains { $0.contains("transport=\"grpc\"") })
            #expect(samples[Self.refused("zero_request_id")] == 1)
            #expect(samples[Self.refused("not_an_envelope")] == 1)
            #expect(samples[Self.refused("unsupported_flags")] == 1)
            #expect(samples[Self.refused("frame_too_large")] == 0)
            #expect((samples["kostra_received_bytes_total"] ?? 0) > 100)
            #expect((samples["kostra_sent_bytes_total"] ?? 0) > 1000)
            #expect(samples["kostra_data_info{version=\"built-in\"}"] == 1)
            // A series per code that happened, not one per code that could.
            #expect(samples[Self.requests(Self.profile, "INTERNAL")] == nil)
        }
    }

    @Test("open connections and requests in flight while a request is held; the in-flight limit counted as a refusal")
    func gauges() async throws {
        let gate = Gate()
        let (started, startedContinuation) = AsyncStream.makeStream(of: UInt64.self)
        try await withOpsTestServer(
            configuration: ServerConfiguration(maximumRequestsInFlightPerConnection: 1),
            extraMethods: { $0.register(path: GateHandler.path, handler: GateHandler(gate: gate, started: startedContinuation)) }
        ) { ports, _, _, _ in
            try await RawConnection.with(port: ports.server) { inbound, outbound in
                var inbound = inbound
                try await outbound.write(requestFrame(id: 1, method: GateHandler.path))
                var startedIterator = started.makeAsyncIterator()
                #expect(await startedIterator.next() == 1)

                let held = try await scrapeSamples(port: ports.ops)
                #expect(held["kostra_open_connections"] == 1)
                #expect(held["kostra_requests_in_flight"] == 1)

                // A second request while one is in flight, with a limit of one.
                try await outbound.write(requestFrame(id: 2, method: GateHandler.path))
                let refused = try #require(try await inbound.nextResponse())
                #expect(refused.id == 2)
                #expect(refused.status?.code == .resourceExhausted)

                gate.open()
                let answer = try #require(try await inbound.nextResponse())
                #expect(answer.id == 1)
                #expect(answer.status?.code == .ok)

                let after = try await scrapeSamples(port: ports.ops)
                #expect(after["kostra_requests_in_flight"] == 0)
                #expect(after[Self.refused("too_many_in_flight")] == 1)
                #expect(after[Self.requests("other", "RESOURCE_EXHAUSTED")] == 1)
                #expect(after[Self.requests("other", "OK")] == 1)
            }
        }
    }
}
