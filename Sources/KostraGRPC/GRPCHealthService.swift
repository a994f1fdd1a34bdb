public import GRPCCore
public import KostraService

/// `grpc.health.v1.Health`, the standard health service that Kubernetes'
/// gRPC probes, grpc-health-probe and every gRPC stack's health checker call:
/// SERVING while the server serves, NOT_SERVING while it starts and while it
/// drains, read from the same ``HealthState`` as the native `Check` and
/// `/readyz`.
///
/// It answers for the server as a whole (`""`) and for `kostra.v1.Kostra`;
/// `Check` for another name is NOT_FOUND and `Watch` SERVICE_UNKNOWN, as the
/// protocol says. `Watch` sends the status, then each change; it ends after
/// sending NOT_SERVING once the server drains, so that a watcher never holds
/// a draining server open.
///
/// The messages are hand-encoded (``ProtobufWire``):
/// `HealthCheckRequest { string service = 1; }` and
/// `HealthCheckResponse { ServingStatus status = 1; }` with UNKNOWN = 0,
/// SERVING = 1, NOT_SERVING = 2, SERVICE_UNKNOWN = 3.
public struct GRPCHealthService: RegistrableRPCService {
    /// The service's name.
    public static let serviceName = "grpc.health.v1.Health"
    /// The service names health is answered for.
    public static let knownServices: Set<String> = ["", KostraGRPCService.serviceName]

    /// `HealthCheckResponse.ServingStatus`.
    enum ServingStatus: UInt64 {
        case unknown = 0
        case serving = 1
        case notServing = 2
        case serviceUnknown = 3
    }

    private let health: HealthState
    private let pollInterval: Duration

    /// Health from `health`; `Watch` looks for a change every `pollInterval`.
    public init(health: HealthState, pollInterval: Duration = .milliseconds(100)) {
        self.health = health
        self.pollInterval = pollInterval
    }

    /// Registers `Check` and `Watch`.
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        let service = ServiceDescriptor(fullyQualifiedService: Self.serviceName)
        router.registerHandler(
            forMethod: MethodDescriptor(service: service, method: "Check"),
            deserializer: RawBytesDeserializer(),
            serializer: RawBytesSerializer()
        ) { request, _ in
            let name = try Self.serviceName(in: try await ServerRequest(stream: request).message)
            guard Self.knownServices.contains(name) else {
                throw RPCError(code: .notFound, message: "no health is kept for service '\(name)'")
            }
            return StreamingServerResponse(single: ServerResponse(message: Self.response(self.status)))
        }
        router.registerHandler(
            forMethod: MethodDescriptor(service: service, method: "Watch"),
            deserializer: RawBytesDeserializer(),
            serializer: RawBytesSerializer()
        ) { request, _ in
            let name = try Self.serviceName(in: try await ServerRequest(stream: request).message)
            return StreamingServerResponse { writer in
                guard Self.knownServices.contains(name) else {
                    try await writer.write(Self.response(.serviceUnknown))
                    return [:]
                }
                var sent: ServingStatus?
                while !Task.isCancelled {
                    let status = self.status
                    if status != sent {
                        try await writer.write(Self.response(status))
                        sent = status
                    }
                    if self.health.currentPhase == .draining { break }
                    try await Task.sleep(for: self.pollInterval)
                }
                return [:]
            }
        }
    }

    /// The status now.
    var status: ServingStatus {
        self.health.isServing ? .serving : .notServing
    }

    /// The encoded `HealthCheckResponse` for `status`.
    static func response(_ status: ServingStatus) -> [UInt8] {
        var bytes: [UInt8] = []
        ProtobufWire.appendVarintField(1, status.rawValue, to: &bytes)
        return bytes
    }

    /// The `service` field of an encoded `HealthCheckRequest`.
    static func serviceName(in request: [UInt8]) throws(RPCError) -> String {
        var reader = ProtobufWire.Reader(request[...])
        var name = ""
        do {
            while let field = try reader.next() {
                if field.number == 1, field.wireType == ProtobufWire.lengthDelimited {
                    name = field.string
                }
            }
        } catch {
            throw RPCError(code: .invalidArgument, message: "the request is not a grpc.health.v1.HealthCheckRequest")
        }
        return name
    }
}
