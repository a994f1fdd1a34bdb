import KostraCodec
import KostraProtocol
import KostraService
import NIOCore
import Testing

/// Requests whose answers the server holds are answered on the event loop
/// (CachedAnswerHandler); the rest take the serving loop. Mixed on one
/// connection, every request gets its own answer once.
@Suite("Live server: fast path for answers already computed")
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
}
