import GRPCCore
import GRPCNIOTransportHTTP2
import Histogram
import KostraCodec
import GRPCPeerKit
import NIOCore

/// The measured part of a run: calls that end inside it are counted.
struct Window: Sendable {
    var from: ContinuousClock.Instant
    var to: ContinuousClock.Instant
}

/// What the calls measured, merged over connections.
struct Measured: Sendable {
    var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
    var answered = 0
    var errors = 0
    var errorsByCode: [String: Int] = [:]
    var answerBytes = 0

    mutating func add(_ other: Measured) {
        self.histogram.add(other.histogram)
        self.answered += other.answered
        self.errors += other.errors
        self.answerBytes += other.answerBytes
        self.errorsByCode.merge(other.errorsByCode, uniquingKeysWith: +)
    }
}

/// `connections` gRPC clients, each its own HTTP/2 connection, each with
/// `depth` calls in flight until the window closes.
struct ClosedLoop: Sendable {
    var host: String
    var port: Int
    var connections: Int
    var depth: Int
    var request: KostraV1.GetProfileRequest
    var decode: Bool
    var eventLoopGroup: any EventLoopGroup

    func run(window: Window) async throws -> Measured {
        try await withThrowingTaskGroup(of: Measured.self) { group in
            for _ in 0..<self.connections {
                let transport = try HTTP2ClientTransport.Posix(
                    target: .ipv4(address: self.host, port: self.port),
                    transportSecurity: .plaintext,
                    eventLoopGroup: self.eventLoopGroup
                )
                group.addTask {
                    try await withGRPCClient(transport: transport) { client in
                        try await self.connection(client, window: window)
                    }
                }
            }
            var merged = Measured()
            for try await measured in group {
                merged.add(measured)
            }
            return merged
        }
    }

    /// One connection: `depth` loops of calls on one client.
    private func connection(_ client: GRPCClient<HTTP2ClientTransport.Posix>, window: Window) async throws -> Measured {
        try await withThrowingTaskGroup(of: Measured.self) { group in
            for _ in 0..<self.depth {
                group.addTask { await self.calls(client, window: window) }
            }
            var merged = Measured()
            for try await measured in group {
                merged.add(measured)
            }
            return merged
        }
    }

    /// One call after another until the window closes.
    private func calls(_ client: GRPCClient<HTTP2ClientTransport.Posix>, window: Window) async -> Measured {
        let clock = ContinuousClock()
        let request = ClientRequest(message: self.request)
        let serializer = KostraCodecSerializer<KostraV1.GetProfileRequest>()
        let deserializer = AnswerSizeDeserializer(decode: self.decode)
        var measured = Measured()
        while true {
            let sent = clock.now
            if sent >= window.to { break }
            var failure: String?
            var bytes = 0
            do {
                bytes = try await client.unary(
                    request: request,
                    descriptor: KostraGRPCMethods.getProfile,
                    serializer: serializer,
                    deserializer: deserializer,
                    options: .defaults
                ) { try $0.message }
            } catch let error as RPCError {
                failure = "\(error.code)"
            } catch {
                failure = "\(type(of: error))"
            }
            let done = clock.now
            guard done >= window.from, done <= window.to else { continue }
            if let failure {
                measured.errors += 1
                measured.errorsByCode[failure, default: 0] += 1
            } else {
                measured.answered += 1
                measured.answerBytes += bytes
                let micros = (done - sent).components
                _ = measured.histogram.record(UInt64(max(0, micros.seconds * 1_000_000 + micros.attoseconds / 1_000_000_000_000)))
            }
        }
        return measured
    }
}

/// Takes an answer and gives its size in bytes. By default it copies the
/// bytes out of gRPC's buffer without decoding them: what `kostra-client
/// bench` does with an answer's payload (it decodes the envelope around it,
/// not the profile inside). With `decode` it also decodes them with protobuf-c.
struct AnswerSizeDeserializer: MessageDeserializer {
    var decode: Bool

    func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> Int {
        if self.decode {
            let profile = try KostraCodecDeserializer<KostraV1.GetProfileResponse>().deserialize(serializedMessageBytes)
            _ = profile.rows.count
            return serializedMessageBytes.count
        }
        let copy = serializedMessageBytes.withUnsafeBytes { Array($0) }
        return copy.count
    }
}
