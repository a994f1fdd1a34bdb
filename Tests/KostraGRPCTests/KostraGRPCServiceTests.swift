import GRPCCore
import KostraCodec
import KostraData
@testable import KostraGRPC
import KostraService
import Logging
import Testing

/// The gRPC service's answer path without a transport: a call's bytes,
/// metadata and `grpc-timeout` in, the router's answer or a gRPC error out.
@Suite("gRPC: the Kostra service over the router")
struct KostraGRPCServiceTests {
    static func service(token: String? = nil) throws -> KostraGRPCService {
        let authentication = Authentication(token: token, requireTokenForReads: false)
        let router = KostraService.router(dataset: try Dataset.builtIn(), health: HealthState(), authentication: authentication)
        return KostraGRPCService(
            routers: RouterHolder(router),
            configuration: GRPCServerConfiguration(port: 0, native: ServerConfiguration()),
            logger: Logger(label: "test")
        )
    }

    static let statements = "/kostra.v1.Kostra/GetStatements"
    static let series = "/kostra.v1.Kostra/GetSeries"

    @Test("every method of service Kostra is registered, by the names of Protos/")
    func methods() throws {
        let methods = try Self.service().methods.map(\.fullyQualifiedMethod)
        #expect(methods.count == 15)
        #expect(methods.first == "kostra.v1.Kostra/Check")
        #expect(methods.last == "kostra.v1.Kostra/Reload")
    }

    @Test("an answer is the router's bytes, the same on the second (cached) call")
    func answer() async throws {
        let service = try Self.service()
        let request = KostraV1.GetSeriesRequest(indicatorId: "grunnskole.gruppestorrelse_2", regions: ["Bærum"]).encoded()
        let first = try await service.answer(path: Self.series, payload: request, metadata: [:])
        let second = try await service.answer(path: Self.series, payload: request, metadata: [:])
        #expect(first == second)
        let decoded = try first.withUnsafeBytes { try KostraV1.GetSeriesResponse(decoding: $0) }
        #expect(decoded.series.first?.observations.map(\.value) == [17.4, 17.3, 17.1, 16.9])
    }

    @Test("a grpc-timeout that has passed by the time the router looks is DEADLINE_EXCEEDED from the server")
    func deadline() async throws {
        let service = try Self.service()
        let request = KostraV1.RegionYearRequest(region: "Asker", year: 2023).encoded()
        var metadata = Metadata()
        metadata.addString("1n", forKey: "grpc-timeout")
        await #expect {
            _ = try await service.answer(path: Self.statements, payload: request, metadata: metadata)
        } throws: { error in
            (error as? RPCError)?.code == .deadlineExceeded
        }
        // With time to spare the same request is answered.
        metadata = Metadata()
        metadata.addString("30S", forKey: "grpc-timeout")
        let answer = try await service.answer(path: Self.statements, payload: request, metadata: metadata)
        #expect(!answer.isEmpty)
    }

    @Test("bytes that are not the method's message are INVALID_ARGUMENT")
    func notTheMessage() async throws {
        let service = try Self.service()
        await #expect {
            _ = try await service.answer(path: Self.series, payload: [0xFF, 0xFF, 0xFF], metadata: [:])
        } throws: { error in
            (error as? RPCError)?.code == .invalidArgument
        }
    }

    @Test("NOT_FOUND carries google.rpc.Status with the ErrorDetail in grpc-status-details-bin")
    func richError() async throws {
        let service = try Self.service()
        let request = KostraV1.GetSeriesRequest(indicatorId: "grunnskole.gruppestorrelse_2", regions: ["Baerun"]).encoded()
        var caught: RPCError?
        do {
            _ = try await service.answer(path: Self.series, payload: request, metadata: [:])
        } catch {
            caught = error
        }
        let error = try #require(caught)
        #expect(error.code == .notFound)
        let trailer = try #require(Array(error.metadata[binaryValues: "grpc-status-details-bin"]).first)
        var reader = ProtobufWire.Reader(trailer[...])
        var fields: [ProtobufWire.Field] = []
        while let field = try reader.next() { fields.append(field) }
        #expect(fields.map(\.number) == [1, 2, 3])
        #expect(fields[0].value == 5)
        #expect(fields[1].string == error.message)
        var any = ProtobufWire.Reader(fields[2].bytes)
        let typeURL = try #require(try any.next())
        let value = try #require(try any.next())
        #expect(typeURL.string == "type.googleapis.com/kostra.v1.ErrorDetail")
        let detail = try Array(value.bytes).withUnsafeBytes { try KostraV1.ErrorDetail(decoding: $0) }
        #expect(detail.field == "regions[0]")
        #expect(detail.suggestions.first == "Bærum")
    }

    @Test("an error without details has no trailer")
    func plainError() async throws {
        let service = try Self.service()
        await #expect {
            _ = try await service.answer(path: "/kostra.v1.Kostra/Reload", payload: [], metadata: [:])
        } throws: { error in
            guard let error = error as? RPCError else { return false }
            return error.code == .permissionDenied && error.metadata.isEmpty
        }
    }

    @Test("the authorization metadata is the token: missing and wrong are UNAUTHENTICATED, right passes")
    func token() async throws {
        let service = try Self.service(token: "s3cret")
        for value in [nil, "Bearer wrong"] {
            var metadata = Metadata()
            if let value { metadata.addString(value, forKey: "authorization") }
            await #expect {
                _ = try await service.answer(path: "/kostra.v1.Kostra/Reload", payload: [], metadata: metadata)
            } throws: { error in
                (error as? RPCError)?.code == .unauthenticated
            }
        }
        var metadata = Metadata()
        metadata.addString("Bearer s3cret", forKey: "authorization")
        // Authorized: the built-in data cannot be reloaded, which is the next check.
        await #expect {
            _ = try await service.answer(path: "/kostra.v1.Kostra/Reload", payload: [], metadata: metadata)
        } throws: { error in
            (error as? RPCError)?.code == .failedPrecondition
        }
    }
}
