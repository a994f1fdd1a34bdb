import KostraCodec
import KostraProtocol
import KostraService
import Testing

/// Which requests the router answers at once, on the caller's thread (the
/// event loop), and which it leaves for a task: the rule ConnectionHandler
/// relies on.
@Suite("Router: answered now or in a task")
struct RouterAnswerNowTests {
    typealias Calls = ResponseCacheTests.Calls

    static func router(_ calls: Calls) -> Router {
        var router = Router()
        router.register(KostraMethods.listRegions) { _, _ in
            calls.add()
            return KostraV1.ListRegionsResponse(regions: [KostraV1.Region(code: "3201", name: "Bærum")])
        }
        router.register(KostraMethods.getStatements, expensive: true) { request, _ in
            calls.add()
            return KostraV1.StatementsResponse(year: request.year)
        }
        router.register(path: GateHandler.path, handler: GateHandler(gate: Gate()))
        router.register(KostraMethods.reload, access: .write) { _, _ in
            calls.add()
            return KostraV1.ReloadResponse()
        }
        return router
    }

    static func envelope(_ method: String, _ payload: [UInt8] = []) -> KostraV1.RequestEnvelope {
        KostraV1.RequestEnvelope(id: 9, method: method, payload: payload, protocolVersion: 1)
    }

    @Test("a synchronous method is computed at once, then answered from what was kept")
    func synchronous() throws {
        let calls = Calls()
        let router = Self.router(calls)
        let request = Self.envelope(KostraMethods.listRegions.path)
        let first = try #require(router.answerNow(to: request, context: { ResponseCacheTests.context(9) }))
        #expect(calls.value == 1)
        let regions = try KostraV1.ListRegionsResponse(decoding: try first.envelope(id: 9).payload)
        #expect(regions.regions.map(\.name) == ["Bærum"])
        var contextsMade = 0
        let second = try #require(
            router.answerNow(to: request, context: { contextsMade += 1; return ResponseCacheTests.context(9) })
        )
        #expect(calls.value == 1)  // kept: not computed again
        #expect(contextsMade == 0)  // and no context built for it
        #expect(second.body == first.body)
    }

    @Test("an expensive method and a handler that may suspend are left for a task, and not run")
    func leftForATask() async throws {
        let calls = Calls()
        let router = Self.router(calls)
        let statements = Self.envelope(KostraMethods.getStatements.path, KostraV1.RegionYearRequest(region: "Bærum", year: 2024).encoded())
        #expect(router.answerNow(to: statements, context: { ResponseCacheTests.context(9) }) == nil)
        #expect(router.answerNow(to: Self.envelope(GateHandler.path), context: { ResponseCacheTests.context(9) }) == nil)
        #expect(calls.value == 0)
        // In a task it is computed, and kept: the next request is answered at once.
        let answer = await router.answer(to: statements, context: ResponseCacheTests.context(9))
        #expect(try answer.envelope(id: 9).status?.code == .ok)
        #expect(calls.value == 1)
        #expect(router.answerNow(to: statements, context: { ResponseCacheTests.context(9) }) != nil)
        #expect(calls.value == 1)
    }

    @Test("an unknown method and a refused write are answered at once with their errors, no handler run")
    func refusals() throws {
        let calls = Calls()
        let router = Self.router(calls)
        let unknown = try #require(router.answerNow(to: Self.envelope("/no.such/Method"), context: { ResponseCacheTests.context(9) }))
        #expect(unknown.statusCode == .unimplemented)
        #expect(try unknown.envelope(id: 9).status?.message.contains("/no.such/Method") == true)
        let write = try #require(
            router.answerNow(to: Self.envelope(KostraMethods.reload.path), context: { ResponseCacheTests.context(9) })
        )
        #expect(write.statusCode == .permissionDenied)  // no token configured: no one may write
        #expect(calls.value == 0)
    }

    @Test("a request whose deadline has passed is DEADLINE_EXCEEDED before its handler runs")
    func deadline() throws {
        let calls = Calls()
        let router = Self.router(calls)
        let answer = try #require(
            router.answerNow(
                to: Self.envelope(KostraMethods.listRegions.path),
                context: { ResponseCacheTests.context(9, timeoutMs: -1) }
            )
        )
        #expect(answer.statusCode == .deadlineExceeded)
        #expect(calls.value == 0)
    }
}
