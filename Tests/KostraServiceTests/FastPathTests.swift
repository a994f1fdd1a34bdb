import KostraCodec
import KostraProtocol
import KostraService
import NIOCore
import Testing

/// Requests for a synchronous method, and requests whose answers the server
/// holds, are answered on the event loop (ConnectionHandler); a method that may
/// suspend or is declared expensive takes the serving loop, within the
/// in-flight limit. Mixed on one connection, every request gets its own
/// answer once.
@Suite("Live server: requests answered on the event loop")
struct FastPathTests {
    @Test("200 pipelined requests, cached and not, each answered once with its own id and the right payload")
    func pipelinedMix() async throws {
        try await withTestServer { port in
            try await RawConnection.with(port: port) { inbound, outbound in
                var inbound = inbound
                let profile = KostraV1.GetProfileRequest(region: "Bærum", year: 2024).encoded()
                // First computed the long way, then kept.
                try await outbound.write(requestFrame(id: 1, method: KostraMethods.getProfile.path, payload: profile))
                let reference = try #require(try await inbound.nextResponse())
                #expect(reference.status?.code == .ok)

                var frames = ByteBuffer()
                var expected: [UInt64: String] = [:]
                for id in UInt64(2)...201 {
                    switch id % 4 {
                    case 0:  // health: never cached
                        frames.writeImmutableBuffer(requestFrame(id: id, method: KostraMethods.check.path))
                        expected[id] = "check"
                    case 1:  // an unknown region: NOT_FOUND, kept after the first
                        frames.writeImmutableBuffer(
                            requestFrame(
                                id: id,
                                method: KostraMethods.getProfile.path,
                                payload: KostraV1.GetProfileRequest(region: "Baerun", year: 2024).encoded()
                            )
                        )
                        expected[id] = "notFound"
                    default:
                        frames.writeImmutableBuffer(requestFrame(id: id, method: KostraMethods.getProfile.path, payload: profile))
                        expected[id] = "profile"
                    }
                }
                try await outbound.write(frames)
                var seen = Set<UInt64>()
                while seen.count < expected.count {
                    let answer = try #require(try await inbound.nextResponse())
                    #expect(seen.insert(answer.id).inserted, "a second answer for \(answer.id)")
                    switch expected[answer.id] {
                    case "check":
                        #expect(answer.status?.code == .ok)
                        #expect(try KostraV1.HealthCheckResponse(decoding: answer.payload).status == .serving)
                    case "notFound":
                        #expect(answer.status?.code == .notFound)
                        #expect(answer.status?.message.contains("Bærum") == true)  // did you mean
                    case "profile":
                        #expect(answer.status?.code == .ok)
                        #expect(answer.payload == reference.payload)
                    default:
                        Issue.record("answer for an id never sent: \(answer.id)")
                    }
                }
            }
        }
    }

    @Test("a cheap request is answered at once beside one held in flight; the in-flight limit holds only the offloaded ones")
    func cheapBesideHeld() async throws {
        let gate = Gate()
        let (started, startedContinuation) = AsyncStream<UInt64>.makeStream()
        let configuration = ServerConfiguration(maximumRequestsInFlightPerConnection: 1)
        try await withTestServer(
            configuration: configuration,
            extraMethods: { $0.register(path: GateHandler.path, handler: GateHandler(gate: gate, started: startedContinuation)) }
        ) { port in
            try await RawConnection.with(port: port) { inbound, outbound in
                var inbound = inbound
                // Request 1 waits at the gate: the connection's one place in flight is taken.
                try await outbound.write(requestFrame(id: 1, method: GateHandler.path, payload: [7]))
                var iterator = started.makeAsyncIterator()
                #expect(await iterator.next() == 1)

                var frames = ByteBuffer()
                let profile = KostraV1.GetProfileRequest(region: "Bærum", year: 2024).encoded()
                frames.writeImmutableBuffer(requestFrame(id: 2, method: KostraMethods.getProfile.path, payload: profile))
                frames.writeImmutableBuffer(requestFrame(id: 3, method: KostraMethods.check.path))
                frames.writeImmutableBuffer(requestFrame(id: 4, method: GateHandler.path, payload: [8]))
                let statements = KostraV1.RegionYearRequest(region: "Bærum", year: 2024).encoded()
                frames.writeImmutableBuffer(requestFrame(id: 5, method: KostraMethods.getStatements.path, payload: statements))
                try await outbound.write(frames)

                // 2 and 3 are computed on the event loop, not held behind 1; 4 (may
                // suspend) and 5 (declared expensive) need a place in flight, and
                // there is none.
                var codes: [UInt64: StatusCode] = [:]
                for _ in 0..<4 {
                    let answer = try #require(try await inbound.nextResponse())
                    codes[answer.id] = answer.status?.code
                }
                #expect(codes == [2: .ok, 3: .ok, 4: .resourceExhausted, 5: .resourceExhausted])

                gate.open()
                let held = try #require(try await inbound.nextResponse())
                #expect(held.id == 1)
                #expect(held.status?.code == .ok)
                #expect(held.payload == [7])
            }
        }
    }
}
