import KostraCodec
import KostraProtocol
@testable import KostraService
import Logging
import NIOCore
import Synchronization
import Testing

/// The router keeps the answers of read methods: computed once per distinct
/// request, then served from memory by the event loop.
@Suite("Response cache")
struct ResponseCacheTests {
    /// Counts how often the method body really ran.
    final class Calls: Sendable {
        let count = Atomic<Int>(0)
        func add() { self.count.wrappingAdd(1, ordering: .relaxed) }
        var value: Int { self.count.load(ordering: .relaxed) }
    }

    static let logger = Logger(label: "kostra-test", factory: { _ in SwiftLogNoOpLogHandler() })

    static func context(_ id: UInt64, timeoutMs: Int64 = 5_000) -> RequestContext {
        RequestContext(
            id: id,
            method: KostraMethods.listRegions.path,
            deadline: .now.advanced(by: .milliseconds(timeoutMs)),
            logger: Self.logger
        )
    }

    static func envelope(_ id: UInt64, kind: String, method: String = KostraMethods.listRegions.path) -> KostraV1.RequestEnvelope {
        var request = KostraV1.ListRegionsRequest()
        request.kind = kind.isEmpty ? .unspecified : .municipality
        return KostraV1.RequestEnvelope(id: id, method: method, payload: request.encoded(), protocolVersion: 1)
    }

    /// A router whose ListRegions answers one region named after the call count,
    /// so a second computation would show in the answer.
    static func router(_ calls: Calls, authentication: Authentication = .none) -> Router {
        var router = Router(authentication: authentication)
        router.register(KostraMethods.listRegions) { _, _ in
            calls.add()
            return KostraV1.ListRegionsResponse(regions: [KostraV1.Region(code: "3201", name: "Bærum \(calls.value)")])
        }
        router.register(KostraMethods.getSeries) { request, _ throws(RPCError) in
            calls.add()
            throw RPCError(.notFound, "no indicator '\(request.indicatorId)'")
        }
        return router
    }

    static func decode(_ answer: EncodedAnswer, id: UInt64) throws -> KostraV1.ResponseEnvelope {
        var frame = answer.frameHead(id: id, allocator: ByteBufferAllocator())
        var body = answer.body
        frame.writeBuffer(&body)
        frame.moveReaderIndex(forwardBy: FrameHeader.size)
        return try frame.decodeMessage(as: KostraV1.ResponseEnvelope.self)
    }

    @Test("a read is computed once; the same request is then answered from the cache, with its own id")
    func computedOnce() async throws {
        let calls = Calls()
        let router = Self.router(calls)
        #expect(router.cachedAnswer(to: Self.envelope(1, kind: "")) == nil)  // nothing computed yet

        let first = await router.respond(to: Self.envelope(1, kind: ""), context: Self.context(1))
        #expect(calls.value == 1)
        let cached = try #require(router.cachedAnswer(to: Self.envelope(2, kind: "")))
        let second = try Self.decode(cached, id: 2)
        #expect(calls.value == 1)  // not computed again
        #expect(second.id == 2)
        #expect(second.payload == first.payload)
        let regions = try KostraV1.ListRegionsResponse(decoding: second.payload)
        #expect(regions.regions.first?.name == "Bærum 1")

        // Another request (other bytes) is not the same answer.
        #expect(router.cachedAnswer(to: Self.envelope(3, kind: "municipality")) == nil)
    }

    @Test("NOT_FOUND is a property of the request and is kept; a deadline is not")
    func errorsKept() async throws {
        let calls = Calls()
        let router = Self.router(calls)
        let series = KostraV1.RequestEnvelope(
            id: 1,
            method: KostraMethods.getSeries.path,
            payload: KostraV1.GetSeriesRequest(indicatorId: "nope").encoded(),
            protocolVersion: 1
        )
        let answer = await router.respond(to: series, context: Self.context(1))
        #expect(answer.status?.code == .notFound)
        let cached = try Self.decode(try #require(router.cachedAnswer(to: series)), id: 9)
        #expect(cached.status?.code == .notFound)
        #expect(cached.status?.message == "no indicator 'nope'")

        // A request whose deadline has passed is refused before the handler
        // and leaves nothing behind.
        let late = Self.envelope(4, kind: "municipality")
        let expired = await router.respond(to: late, context: Self.context(4, timeoutMs: -1))
        #expect(expired.status?.code == .deadlineExceeded)
        #expect(router.cachedAnswer(to: late) == nil)
    }

    @Test("a caller without the token gets no cached answer when reads need one")
    func authorizationStillApplies() async throws {
        let calls = Calls()
        let router = Self.router(calls, authentication: Authentication(token: "t0ken", requireTokenForReads: true))
        var withToken = Self.envelope(1, kind: "")
        withToken.metadata = [KostraV1.MetadataEntry(key: "authorization", value: "Bearer t0ken")]
        let first = await router.respond(to: withToken, context: Self.context(1))
        #expect(first.status?.code == .ok)
        #expect(router.cachedAnswer(to: withToken) != nil)
        #expect(router.cachedAnswer(to: Self.envelope(2, kind: "")) == nil)  // same request, no token
    }

    @Test("the cache stops adding at its bound")
    func bounded() {
        let cache = ResponseCache(maximumBytes: 100)
        let answer = EncodedAnswer(KostraV1.ResponseEnvelope(payload: Array(repeating: 7, count: 40)))
        // Each entry: the 40-byte payload plus the envelope's fields, the 2-byte key and the 2-byte path.
        cache.keep(answer, path: "/a", payload: [1, 1])
        cache.keep(answer, path: "/a", payload: [2, 2])
        cache.keep(answer, path: "/a", payload: [3, 3])
        #expect(cache.count == 2)
        #expect(cache.answer(path: "/a", payload: [3, 3]) == nil)
        #expect(cache.answer(path: "/a", payload: [1, 1]) != nil)
    }
}
