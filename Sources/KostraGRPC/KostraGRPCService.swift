public import GRPCCore
import KostraCodec
import KostraProtocol
public import KostraService
public import Logging
import NIOCore

/// `kostra.v1.Kostra` over gRPC: every method the router serves, unary,
/// answered by that router exactly as the native port answers. A call
/// becomes a ``KostraV1/RequestEnvelope`` (the method's path, the message's
/// bytes undecoded, the string metadata, `authorization` among them, and
/// the deadline from `grpc-timeout`), so that the answer cache,
/// authorization, deadlines, status codes and error details are the native
/// port's; only the framing differs.
public struct KostraGRPCService: RegistrableRPCService {
    /// The routers answered from; a reload swaps in a new one for the calls
    /// that start after it.
    public let routers: RouterHolder
    /// The limits.
    public let configuration: GRPCServerConfiguration
    /// Where calls are counted, with `transport="grpc"`; nil counts nothing.
    public let metrics: ServerMetrics?
    /// Where slow calls are logged (and, at debug level, every call).
    public let logger: Logger

    /// The service over `routers`.
    public init(routers: RouterHolder, configuration: GRPCServerConfiguration, metrics: ServerMetrics? = nil, logger: Logger) {
        self.routers = routers
        self.configuration = configuration
        self.metrics = metrics
        self.logger = logger
    }

    /// The service's name, `kostra.v1.Kostra`.
    public static let serviceName = "kostra.v1.Kostra"

    /// The methods registered: every path of `service Kostra`, and any other
    /// path of that service the router serves.
    public var methods: [MethodDescriptor] {
        let prefix = "/\(Self.serviceName)/"
        var paths = KostraMethods.allPaths
        for path in self.routers.current.paths where path.hasPrefix(prefix) && !paths.contains(path) {
            paths.append(path)
        }
        return paths.map { MethodDescriptor(fullyQualifiedService: Self.serviceName, method: String($0.dropFirst(prefix.count))) }
    }

    /// Registers every method as a unary handler of raw bytes.
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        for method in self.methods {
            let path = "/\(method.fullyQualifiedMethod)"
            router.registerHandler(
                forMethod: method,
                deserializer: RawBytesDeserializer(),
                serializer: RawBytesSerializer()
            ) { request, context in
                let message = try await ServerRequest(stream: request).message
                let answer = try await self.answer(path: path, payload: message, metadata: request.metadata, peer: context.remotePeer)
                return StreamingServerResponse(single: ServerResponse(message: answer))
            }
        }
    }

    /// The answer to one call: its message's bytes, or the router's error as
    /// a gRPC error (with the rich error trailer when it has details).
    public func answer(
        path: String,
        payload: [UInt8],
        metadata: Metadata,
        peer: String = ""
    ) async throws(GRPCCore.RPCError) -> [UInt8] {
        let receivedAt = ContinuousClock.now
        var timeouts = metadata[stringValues: GRPCTimeout.header].makeIterator()
        let timeout = timeouts.next().flatMap(GRPCTimeout.parse) ?? .milliseconds(Int64(self.configuration.defaultTimeoutMilliseconds))
        let envelope = KostraV1.RequestEnvelope(
            id: 1,
            method: path,
            timeoutMs: GRPCTimeout.milliseconds(timeout),
            payload: payload,
            protocolVersion: ProtocolVersion.current,
            metadata: Self.kostraMetadata(metadata)
        )
        let router = self.routers.current
        let context = { () -> RequestContext in
            var logger = self.logger
            logger[metadataKey: "method"] = "\(path)"
            logger[metadataKey: "transport"] = "grpc"
            return RequestContext(
                id: envelope.id,
                method: path,
                deadline: receivedAt.advanced(by: timeout),
                metadata: envelope.metadata,
                logger: logger
            )
        }
        // As the native port answers: at once when no task is needed (an answer
        // kept, an error, a synchronous handler), else the long way.
        let answer: EncodedAnswer
        if let now = router.answerNow(to: envelope, context: context) {
            answer = now
        } else {
            self.metrics?.requestStarted()
            answer = await router.answer(to: envelope, context: context())
            self.metrics?.requestFinished()
        }
        let response: KostraV1.ResponseEnvelope
        do {
            response = try Self.decode(answer)
        } catch {
            // protobuf-c decodes what it encoded; reaching this is a bug.
            throw GRPCCore.RPCError(code: .internalError, message: "an answer did not decode: \(error)")
        }
        let status = response.status ?? KostraV1.Status(code: .ok)
        var code = status.code
        defer { self.answered(path: path, code: code, receivedAt: receivedAt, peer: peer) }
        guard status.code == .ok else {
            throw GRPCCore.RPCError(kostraStatus: status)
        }
        guard response.payload.count <= self.configuration.maximumResponseSize else {
            code = .resourceExhausted
            throw GRPCCore.RPCError(
                code: .resourceExhausted,
                message: "the answer is \(response.payload.count) bytes, above the server's limit of \(self.configuration.maximumResponseSize)"
            )
        }
        return response.payload
    }

    /// The envelope of a kept answer. An OK answer (nearly all of them) is
    /// read by hand for its payload (`ResponseEnvelope` field 3), without
    /// protobuf-c decoding the envelope; a kept error is decoded whole, for
    /// its status and details.
    static func decode(_ answer: EncodedAnswer) throws -> KostraV1.ResponseEnvelope {
        guard answer.statusCode == .ok else {
            return try answer.body.withUnsafeReadableBytes { try KostraV1.ResponseEnvelope(decoding: $0) }
        }
        return KostraV1.ResponseEnvelope(payload: try Self.payload(of: answer.body), protocolVersion: ProtocolVersion.current)
    }

    /// The `payload` field (3) of an encoded envelope, read in place from the
    /// kept buffer: the answer's bytes are copied once, into the array gRPC
    /// sends, not first into an array of the whole envelope (a kept GetProfile
    /// answer is 22 KB). The last occurrence wins, as protobuf says.
    static func payload(of body: ByteBuffer) throws(ProtobufWire.MalformedMessage) -> [UInt8] {
        var buffer = body
        var payload: [UInt8] = []
        while buffer.readableBytes > 0 {
            let key = try Self.varint(&buffer)
            guard key >> 3 > 0 else { throw ProtobufWire.MalformedMessage() }
            switch key & 7 {
            case ProtobufWire.varint:
                _ = try Self.varint(&buffer)
            case ProtobufWire.lengthDelimited:
                let length = try Self.varint(&buffer)
                guard length <= UInt64(buffer.readableBytes) else { throw ProtobufWire.MalformedMessage() }
                if key >> 3 == 3 {
                    payload = buffer.readBytes(length: Int(length)) ?? []
                } else {
                    buffer.moveReaderIndex(forwardBy: Int(length))
                }
            case ProtobufWire.fixed64, ProtobufWire.fixed32:
                let size = key & 7 == ProtobufWire.fixed64 ? 8 : 4
                guard buffer.readableBytes >= size else { throw ProtobufWire.MalformedMessage() }
                buffer.moveReaderIndex(forwardBy: size)
            default:
                throw ProtobufWire.MalformedMessage()
            }
        }
        return payload
    }

    private static func varint(_ buffer: inout ByteBuffer) throws(ProtobufWire.MalformedMessage) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while let byte = buffer.readInteger(as: UInt8.self) {
            guard shift < 64 else { throw ProtobufWire.MalformedMessage() }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        throw ProtobufWire.MalformedMessage()
    }

    /// The call's string metadata as the native envelope carries it; gRPC's
    /// own headers (`grpc-*`) and binary values are left out.
    static func kostraMetadata(_ metadata: Metadata) -> [KostraV1.MetadataEntry] {
        metadata.compactMap { entry in
            guard case .string(let value) = entry.value, !entry.key.hasPrefix("grpc-") else { return nil }
            return KostraV1.MetadataEntry(key: entry.key.lowercased(), value: value)
        }
    }

    /// Counts and, when slow or at debug level, logs a call answered.
    private func answered(path: String, code: StatusCode, receivedAt: ContinuousClock.Instant, peer: String) {
        let duration = ContinuousClock.now - receivedAt
        self.metrics?.answered(path: path, transport: .grpc, code: code, after: duration)
        let isSlow = self.configuration.slowRequestThreshold.map { duration >= $0 } ?? false
        guard isSlow || self.logger.logLevel <= .debug else { return }
        let metadata: Logger.Metadata = [
            "method": "\(path)",
            "transport": "grpc",
            "status": "\(code.name)",
            "duration_ms": "\(duration.millisecondsText)",
            "peer": "\(peer)",
        ]
        if isSlow {
            self.logger.warning("slow request", metadata: metadata)
        } else {
            self.logger.debug("request answered", metadata: metadata)
        }
    }
}
