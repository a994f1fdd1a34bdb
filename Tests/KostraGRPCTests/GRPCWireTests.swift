import KostraCodec
@testable import KostraGRPC
import KostraProtocol
import NIOCore
import Testing

/// The hand-encoded pieces: grpc-timeout, ProtobufWire, the descriptor index
/// reflection answers from, and the health messages.
@Suite("gRPC: wire helpers")
struct GRPCWireTests {
    @Test("grpc-timeout: every unit, and what is not a timeout")
    func timeout() {
        #expect(GRPCTimeout.parse("2H") == .seconds(7200))
        #expect(GRPCTimeout.parse("3M") == .seconds(180))
        #expect(GRPCTimeout.parse("30S") == .seconds(30))
        #expect(GRPCTimeout.parse("250m") == .milliseconds(250))
        #expect(GRPCTimeout.parse("99999999u") == .microseconds(99_999_999))
        #expect(GRPCTimeout.parse("1n") == .nanoseconds(1))
        for bad in ["", "S", "10", "10s", "-1S", "123456789S", "1.5S"] {
            #expect(GRPCTimeout.parse(bad) == nil, "\(bad)")
        }
        #expect(GRPCTimeout.milliseconds(.nanoseconds(1)) == 1)
        #expect(GRPCTimeout.milliseconds(.milliseconds(1500)) == 1500)
        #expect(GRPCTimeout.milliseconds(.seconds(10_000_000)) == UInt32.max)
    }

    @Test("varints and fields round-trip through the reader; proto3 zeros are left out")
    func wire() throws {
        var bytes: [UInt8] = []
        ProtobufWire.appendVarintField(1, 300, to: &bytes)
        ProtobufWire.appendVarintField(2, 0, to: &bytes)
        ProtobufWire.appendStringField(3, "Bærum", to: &bytes)
        ProtobufWire.appendStringField(4, "", to: &bytes)
        ProtobufWire.appendBytesField(5, [], to: &bytes)
        #expect(bytes.prefix(3) == [0x08, 0xAC, 0x02])
        var reader = ProtobufWire.Reader(bytes[...])
        var fields: [ProtobufWire.Field] = []
        while let field = try reader.next() { fields.append(field) }
        #expect(fields.map(\.number) == [1, 3, 5])
        #expect(fields[0].value == 300 && fields[1].string == "Bærum" && fields[2].bytes.isEmpty)
        var truncated = ProtobufWire.Reader([0x1A, 0x05, 0x41][...])
        #expect(throws: ProtobufWire.MalformedMessage.self) { _ = try truncated.next() }
    }

    @Test("the descriptor index: every file, its services, messages, nested types and methods, and a file with its imports")
    func index() throws {
        let index = FileDescriptorIndex(descriptorSet: KostraSchema.fileDescriptorSet)
        #expect(Set(index.files.keys) == Set(KostraSchema.fileNames))
        #expect(index.services == ["kostra.v1.Kostra"])
        #expect(index.fileBySymbol["kostra.v1.Kostra"] == "kostra/v1/kostra.proto")
        #expect(index.fileBySymbol["kostra.v1.Kostra.GetSeries"] == "kostra/v1/kostra.proto")
        #expect(index.fileBySymbol["kostra.v1.GetSeriesRequest"] == "kostra/v1/series.proto")
        #expect(index.fileBySymbol["kostra.v1.ErrorDetail"] == "kostra/v1/status.proto")
        #expect(index.fileBySymbol["kostra.v1.Code"] == "kostra/v1/status.proto")
        #expect(index.fileBySymbol["kostra.v1.HealthCheckResponse.ServingStatus"] != nil)
        let files = try #require(index.fileWithDependencies("kostra/v1/kostra.proto"))
        #expect(files.first == index.files["kostra/v1/kostra.proto"]?.bytes)
        #expect(files.count == Set(files).count)
        #expect(files.count >= 5)
        #expect(index.fileWithDependencies("no/such.proto") == nil)
        #expect(FileDescriptorIndex(descriptorSet: [0xFF]).files.isEmpty)
    }

    @Test("reflection: list_services, and an error response for an unknown symbol, with the request echoed")
    func reflection() throws {
        let service = GRPCReflectionService()
        var request: [UInt8] = []
        ProtobufWire.appendBytesField(7, Array("*".utf8), to: &request)
        var reader = ProtobufWire.Reader(try service.respond(to: request)[...])
        var fields: [ProtobufWire.Field] = []
        while let field = try reader.next() { fields.append(field) }
        #expect(fields.map(\.number) == [2, 6])
        #expect(Array(fields[0].bytes) == request)
        var list = ProtobufWire.Reader(fields[1].bytes)
        var names: [String] = []
        while let entry = try list.next() {
            var inner = ProtobufWire.Reader(entry.bytes)
            names.append(try #require(try inner.next()).string)
        }
        #expect(names == ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "kostra.v1.Kostra"])

        var unknown: [UInt8] = []
        ProtobufWire.appendStringField(4, "no.such.Thing", to: &unknown)
        var answer = ProtobufWire.Reader(try service.respond(to: unknown)[...])
        _ = try answer.next()
        let error = try #require(try answer.next())
        #expect(error.number == 7)
        var code = ProtobufWire.Reader(error.bytes)
        #expect(try code.next()?.value == 5)  // NOT_FOUND
    }

    @Test("a kept answer: an OK one read by hand gives the payload protobuf-c would; an error decoded whole")
    func keptAnswer() throws {
        let payload = KostraV1.GetProfileRequest(region: "Bærum", year: 2024).encoded()
        let ok = EncodedAnswer(KostraV1.ResponseEnvelope(status: KostraV1.Status(code: .ok), payload: payload, protocolVersion: 1))
        let decoded = try KostraGRPCService.decode(ok)
        #expect(decoded.payload == payload)
        #expect((decoded.status?.code ?? .ok) == .ok)
        let status = KostraV1.Status(code: .notFound, message: "no", details: [KostraV1.ErrorDetail(field: "region")])
        let error = try KostraGRPCService.decode(EncodedAnswer(KostraV1.ResponseEnvelope(status: status, protocolVersion: 1)))
        #expect(error.status == status)

        // Read in place: a repeated payload field, the last wins; bytes cut short throw.
        var twice = ByteBuffer(bytes: [0x1A, 0x01, 0xAA, 0x20, 0x01, 0x1A, 0x02, 0xBB, 0xCC])
        #expect(try KostraGRPCService.payload(of: twice) == [0xBB, 0xCC])
        twice.moveWriterIndex(to: 8)  // the last payload one byte short
        #expect(throws: ProtobufWire.MalformedMessage.self) { try KostraGRPCService.payload(of: twice) }
        #expect(throws: ProtobufWire.MalformedMessage.self) { try KostraGRPCService.payload(of: ByteBuffer(bytes: [0x20, 0x80])) }
    }

    @Test("untrusted bytes: 20 000 random and mutated messages never trap the reader, reflection or health")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        let service = GRPCReflectionService()
        var valid: [UInt8] = []
        ProtobufWire.appendStringField(4, "kostra.v1.GetSeriesRequest", to: &valid)
        ProtobufWire.appendBytesField(7, [], to: &valid)
        for round in 0..<20_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = valid
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            var reader = ProtobufWire.Reader(bytes[...])
            while let field = try? reader.next(), field.number > 0 {}
            _ = try? service.respond(to: bytes)
            _ = try? GRPCHealthService.serviceName(in: bytes)
            _ = FileDescriptorIndex(descriptorSet: bytes)
        }
    }

    @Test("health: the request's service name, and the response's status")
    func health() throws {
        var request: [UInt8] = []
        ProtobufWire.appendStringField(1, "kostra.v1.Kostra", to: &request)
        #expect(try GRPCHealthService.serviceName(in: request) == "kostra.v1.Kostra")
        #expect(try GRPCHealthService.serviceName(in: []) == "")
        #expect(GRPCHealthService.response(.serving) == [0x08, 0x01])
        #expect(GRPCHealthService.response(.notServing) == [0x08, 0x02])
    }
}
