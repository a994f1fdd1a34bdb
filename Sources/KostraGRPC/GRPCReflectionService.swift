public import GRPCCore
import KostraCodec

/// Server reflection, `grpc.reflection.v1.ServerReflection` and, for older
/// tools (grpcurl before 1.8.8, Postman, grpcui), the wire-identical
/// `grpc.reflection.v1alpha.ServerReflection`: a tool with no `.proto` files
/// lists the services and reads the schema of `kostra.v1.Kostra` to call it.
///
/// Answered from the `FileDescriptorSet` the server embeds for `GetSchema`:
/// `list_services`, `file_by_filename` and `file_containing_symbol` (a file
/// comes with the files it imports). The health and reflection services are
/// listed but their schemas are the tools' own (every gRPC stack ships them),
/// so a symbol of theirs, like any unknown one, is a NOT_FOUND error response;
/// extensions (proto2 only) are never asked of a proto3 schema and are
/// UNIMPLEMENTED.
///
/// `ServerReflectionRequest` fields read: `host` (1), `file_by_filename` (3),
/// `file_containing_symbol` (4), `file_containing_extension` (5),
/// `all_extension_numbers_of_type` (6), `list_services` (7).
/// `ServerReflectionResponse` fields written: `valid_host` (1),
/// `original_request` (2), `file_descriptor_response` (4: repeated bytes
/// `file_descriptor_proto` = 1), `list_services_response` (6: repeated
/// `ServiceResponse { string name = 1; }` = 1), `error_response` (7:
/// `int32 error_code = 1; string error_message = 2;`).
public struct GRPCReflectionService: RegistrableRPCService {
    /// The two services' names.
    public static let serviceNames = ["grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"]

    private let index: FileDescriptorIndex
    private let listed: [String]

    /// Reflection over `descriptorSet` (nil: the server's own schema, as
    /// `GetSchema` serves it), listing its services and `alsoListed`
    /// (health and reflection).
    public init(
        descriptorSet: [UInt8]? = nil,
        alsoListed: [String] = [GRPCHealthService.serviceName] + Self.serviceNames
    ) {
        self.index = FileDescriptorIndex(descriptorSet: descriptorSet ?? KostraSchema.fileDescriptorSet)
        self.listed = Array(Set(self.index.services + alsoListed)).sorted()
    }

    /// Registers `ServerReflectionInfo` under both services.
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        for name in Self.serviceNames {
            router.registerHandler(
                forMethod: MethodDescriptor(fullyQualifiedService: name, method: "ServerReflectionInfo"),
                deserializer: RawBytesDeserializer(),
                serializer: RawBytesSerializer()
            ) { request, _ in
                StreamingServerResponse { writer in
                    for try await message in request.messages {
                        try await writer.write(try self.respond(to: message))
                    }
                    return [:]
                }
            }
        }
    }

    /// The encoded `ServerReflectionResponse` to one encoded request.
    func respond(to request: [UInt8]) throws(RPCError) -> [UInt8] {
        var host = ""
        var answer: (field: Int, bytes: [UInt8]) = Self.error(.invalidArgument, "the request asks nothing this server answers")
        var reader = ProtobufWire.Reader(request[...])
        do {
            while let field = try reader.next() {
                guard field.wireType == ProtobufWire.lengthDelimited else { continue }
                switch field.number {
                case 1: host = field.string
                case 3: answer = self.file(path: field.string)
                case 4: answer = self.file(symbol: field.string)
                case 5, 6: answer = Self.error(.unimplemented, "a proto3 schema has no extensions")
                case 7: answer = (6, self.serviceList())
                default: break
                }
            }
        } catch {
            throw RPCError(code: .invalidArgument, message: "the request is not a grpc.reflection ServerReflectionRequest")
        }
        var response: [UInt8] = []
        ProtobufWire.appendStringField(1, host, to: &response)
        ProtobufWire.appendBytesField(2, request, to: &response)
        ProtobufWire.appendBytesField(answer.field, answer.bytes, to: &response)
        return response
    }

    private func serviceList() -> [UInt8] {
        var list: [UInt8] = []
        for name in self.listed {
            var service: [UInt8] = []
            ProtobufWire.appendStringField(1, name, to: &service)
            ProtobufWire.appendBytesField(1, service, to: &list)
        }
        return list
    }

    private func file(path: String) -> (field: Int, bytes: [UInt8]) {
        guard let files = self.index.fileWithDependencies(path) else {
            return Self.error(.notFound, "no file '\(path)'")
        }
        var response: [UInt8] = []
        for file in files {
            ProtobufWire.appendBytesField(1, file, to: &response)
        }
        return (4, response)
    }

    private func file(symbol: String) -> (field: Int, bytes: [UInt8]) {
        guard let path = self.index.fileBySymbol[symbol] else {
            return Self.error(.notFound, "no symbol '\(symbol)'")
        }
        return self.file(path: path)
    }

    /// An `error_response`.
    private static func error(_ code: RPCError.Code, _ message: String) -> (field: Int, bytes: [UInt8]) {
        var bytes: [UInt8] = []
        ProtobufWire.appendVarintField(1, UInt64(code.rawValue), to: &bytes)
        ProtobufWire.appendStringField(2, message, to: &bytes)
        return (7, bytes)
    }
}
