import KostraClient
import KostraCodec
import KostraData
import KostraProtocol
@testable import KostraService
import Testing

@Suite("Authentication")
struct AuthenticationTests {
    static let bearer = [KostraV1.MetadataEntry(key: "authorization", value: "Bearer s3cret-tøken")]

    @Test("reads are open by default; a write method is refused when no token is configured")
    func defaults() throws {
        let policy = Authentication.none
        #expect(throws: Never.self) { try policy.authorize(.read, method: "/m", metadata: []) }
        #expect(throws: RPCError.self) { try policy.authorize(.write, method: "/m", metadata: Self.bearer) }
        do {
            try policy.authorize(.write, method: "/kostra.v1.Kostra/Reload", metadata: Self.bearer)
        } catch {
            #expect(error.code == .permissionDenied)
            #expect(error.message.contains("no token configured"))
        }
    }

    @Test("with a token: a write needs it; missing and wrong are both UNAUTHENTICATED")
    func writes() throws {
        let policy = Authentication(token: "s3cret-tøken")
        #expect(throws: Never.self) { try policy.authorize(.write, method: "/m", metadata: Self.bearer) }
        #expect(throws: Never.self) { try policy.authorize(.read, method: "/m", metadata: []) }
        for metadata in [
            [],
            [KostraV1.MetadataEntry(key: "authorization", value: "Bearer s3cret-tøkeN")],
            [KostraV1.MetadataEntry(key: "authorization", value: "Bearer s3cret-tøken-and-more")],
            [KostraV1.MetadataEntry(key: "authorization", value: "s3cret-tøken")],
        ] {
            do {
                try policy.authorize(.write, method: "/m", metadata: metadata)
                Issue.record("accepted \(metadata)")
            } catch {
                #expect(error.code == .unauthenticated)
            }
        }
    }

    @Test("the comparison looks at every byte and at the lengths")
    func constantTime() {
        #expect(Authentication.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!Authentication.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!Authentication.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!Authentication.constantTimeEqual([], Array("a".utf8)))
        #expect(Authentication.constantTimeEqual([], []))
        // Lengths that differ by a multiple of 256 must not compare equal.
        #expect(!Authentication.constantTimeEqual([UInt8](repeating: 0, count: 256), []))
    }

    @Test("token-only reads over a live server: refused without the token, answered with it")
    func tokenOnlyReads() async throws {
        let health = HealthState()
        var router = KostraService.router(
            dataset: try Dataset.builtIn(),
            health: health,
            authentication: Authentication(token: "s3cret-tøken", requireTokenForReads: true)
        )
        router.register(path: SleepHandler.path, access: .write, handler: SleepHandler())
        let configured = router
        try await withTestServer(router: configured, health: health) { port in
            try await withClient(port: port) { connection in
                await #expect {
                    _ = try await connection.call(KostraMethods.listRegions, .init())
                } throws: { ($0 as? RPCError)?.code == .unauthenticated }
                // The health check stays open for load balancers.
                let health = try await connection.call(KostraMethods.check, .init())
                #expect(health.status == .serving)
                let regions = try await connection.call(KostraMethods.listRegions, .init(), metadata: Self.bearer)
                #expect(regions.regions.count == 16)
                let write = try await connection.send(path: SleepHandler.path, payload: [], metadata: Self.bearer)
                #expect(write.status?.code == .ok)
            }
        }
    }
}
