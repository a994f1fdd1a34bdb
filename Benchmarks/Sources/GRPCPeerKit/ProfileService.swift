public import GRPCCore
public import KostraAnalysis
import KostraCodec
import KostraProtocol
import KostraService
import Synchronization

/// `kostra.v1.Kostra/GetProfile` over gRPC, answered by kostra's own
/// ``AnalysisMethods`` from the same data, with protobuf-c as the codec: so
/// that beside kostra's server only the transport (HTTP/2 and gRPC framing)
/// differs.
///
/// How an answer is made is the ``AnswerMode``: by default as kostra's
/// server does for a request it has answered before (the answer kept,
/// encoded, and sent as it is).
public struct ProfileService: RegistrableRPCService {
    /// How each answer is made.
    public enum AnswerMode: String, Sendable, CaseIterable {
        /// Computed and encoded once per distinct request, then sent as kept
        /// bytes: kostra's fast path (its response cache holds encoded answers).
        case kept
        /// Computed once per distinct request and kept decoded; protobuf-c
        /// encodes it for every call.
        case encode
        /// Every call decoded, computed and encoded: kostra's router path
        /// without its cache.
        case compute
    }

    /// The methods answered from.
    public let methods: AnalysisMethods
    /// How each answer is made.
    public let mode: AnswerMode
    private let cache = AnswerCache()

    /// The service over `analysis`.
    public init(analysis: Analysis, mode: AnswerMode = .kept) {
        self.methods = AnalysisMethods(analysis: analysis)
        self.mode = mode
    }

    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        let deserializer = KostraCodecDeserializer<KostraV1.GetProfileRequest>()
        switch self.mode {
        case .kept:
            router.registerHandler(
                forMethod: KostraGRPCMethods.getProfile,
                deserializer: deserializer,
                serializer: PreEncodedSerializer<KostraV1.GetProfileResponse>()
            ) { request, _ in
                let message = try await ServerRequest(stream: request).message
                let answer = try self.cache.encoded(for: message) { () throws(GRPCCore.RPCError) in
                    PreEncoded(try self.profile(message))
                }
                return StreamingServerResponse(single: ServerResponse(message: answer))
            }
        case .encode, .compute:
            router.registerHandler(
                forMethod: KostraGRPCMethods.getProfile,
                deserializer: deserializer,
                serializer: KostraCodecSerializer<KostraV1.GetProfileResponse>()
            ) { request, _ in
                let message = try await ServerRequest(stream: request).message
                let answer: KostraV1.GetProfileResponse
                if self.mode == .encode {
                    answer = try self.cache.decoded(for: message) { () throws(GRPCCore.RPCError) in try self.profile(message) }
                } else {
                    answer = try self.profile(message)
                }
                return StreamingServerResponse(single: ServerResponse(message: answer))
            }
        }
    }

    /// The profile, or kostra's error as a gRPC error with the same code and message.
    func profile(_ request: KostraV1.GetProfileRequest) throws(GRPCCore.RPCError) -> KostraV1.GetProfileResponse {
        do {
            return try self.methods.profile(request)
        } catch {
            let code = GRPCCore.Status.Code(rawValue: Int(error.code.rawValue)).flatMap { GRPCCore.RPCError.Code($0) } ?? .unknown
            throw GRPCCore.RPCError(code: code, message: error.message)
        }
    }
}

/// Answers kept by request, bounded in count like kostra's cache is in bytes.
final class AnswerCache: Sendable {
    private struct State {
        var encoded: [KostraV1.GetProfileRequest: PreEncoded<KostraV1.GetProfileResponse>] = [:]
        var decoded: [KostraV1.GetProfileRequest: KostraV1.GetProfileResponse] = [:]
    }

    /// The most answers kept of each kind.
    static let maximumCount = 10_000
    private let state = Mutex(State())

    func encoded(
        for request: KostraV1.GetProfileRequest,
        make: () throws(GRPCCore.RPCError) -> PreEncoded<KostraV1.GetProfileResponse>
    ) throws(GRPCCore.RPCError) -> PreEncoded<KostraV1.GetProfileResponse> {
        if let kept = self.state.withLock({ $0.encoded[request] }) { return kept }
        let answer = try make()
        self.state.withLock { state in
            if state.encoded.count < Self.maximumCount { state.encoded[request] = answer }
        }
        return answer
    }

    func decoded(
        for request: KostraV1.GetProfileRequest,
        make: () throws(GRPCCore.RPCError) -> KostraV1.GetProfileResponse
    ) throws(GRPCCore.RPCError) -> KostraV1.GetProfileResponse {
        if let kept = self.state.withLock({ $0.decoded[request] }) { return kept }
        let answer = try make()
        self.state.withLock { state in
            if state.decoded.count < Self.maximumCount { state.decoded[request] = answer }
        }
        return answer
    }
}
