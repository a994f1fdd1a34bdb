import Foundation
import KostraCodec
import KostraProtocol
import NIOCore
import Testing

/// The conformance vectors of Tests/conformance (its README.md gives the
/// format), which the Python client and the Java client check too: every
/// request frame is written as it is to an in-process server, and the answer
/// must have the id and status code the index expects, meet each field check
/// on the decoded response (or on the Status of an error), and, where the case
/// names one, equal the recorded answer frame byte for byte.
///
/// Field checks are resolved by reflection over the codec's values: a path's
/// snake_case field names become the Swift property names (camelCase), an
/// enum is compared by its number (this side does not check the `enum` names).
@Suite("Conformance vectors (Tests/conformance)")
struct ConformanceVectorTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("conformance")

    @Test("the index loads, and every server method has a vector")
    func index() throws {
        let index = try ConformanceIndex.load(from: Self.directory)
        #expect(index.format == 1)
        #expect(index.cases.count >= 30)
        let methods = Set(index.cases.map(\.method))
        let served = Set(KostraMethods.allPaths.map { String($0.split(separator: "/").last ?? "") })
        #expect(methods == served)
    }

    @Test("every vector, sent as it is, is answered as its case expects")
    func vectors() async throws {
        let index = try ConformanceIndex.load(from: Self.directory)
        let problems = try await withTestServer { port in
            var problems: [String] = []
            for kase in index.cases {
                let request = try Data(contentsOf: Self.directory.appendingPathComponent(kase.requestFile))
                let answer = try await Self.exchange(port: port, frame: Array(request))
                problems += try Self.check(kase, answer: answer).map { "\(kase.name): \($0)" }
            }
            return problems
        }
        #expect(problems == [])
    }

    /// Writes one frame on a connection of its own and returns the answer frame, header included.
    static func exchange(port: Int, frame: [UInt8]) async throws -> [UInt8] {
        try await RawConnection.with(port: port) { inbound, outbound in
            var inbound = inbound
            try await outbound.write(ByteBuffer(bytes: frame))
            guard let payload = try await inbound.next() else {
                throw ConformanceIndex.Failure(description: "the server closed without an answer")
            }
            let length = UInt32(payload.readableBytes)
            return [0, UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)]
                + Array(payload.readableBytesView)
        }
    }

    /// What is wrong with one answer frame; empty when it conforms.
    static func check(_ kase: ConformanceCase, answer: [UInt8]) throws -> [String] {
        let envelope = try KostraV1.ResponseEnvelope(decoding: answer.dropFirst(5))
        var problems: [String] = []
        if String(envelope.id) != kase.expect.id {
            problems.append("id \(envelope.id) != \(kase.expect.id)")
        }
        let code = Int(envelope.status?.code.rawValue ?? 0)
        guard code == kase.expect.code else {
            return problems + ["code \(code) != \(kase.expect.code) (\(kase.expect.codeName)): \(envelope.status?.message ?? "")"]
        }
        if code == 0 {
            guard let type = responseTypes[kase.responseType] else {
                return problems + ["no Swift type for \(kase.responseType)"]
            }
            let response = try type.init(decoding: envelope.payload)
            problems += (kase.expect.checks ?? []).compactMap { $0.failure(on: response) }
        } else {
            let status = envelope.status ?? KostraV1.Status()
            problems += (kase.expect.statusChecks ?? []).compactMap { $0.failure(on: status) }
        }
        if let file = kase.expect.responseFile {
            let exact = Array(try Data(contentsOf: directory.appendingPathComponent(file)))
            if exact != answer {
                problems.append("answer differs from \(file) (\(answer.count) bytes, \(exact.count) recorded)")
            }
        }
        return problems
    }

    /// The response message of every method, by full name.
    static let responseTypes: [String: any KostraMessage.Type] = [
        "kostra.v1.HealthCheckResponse": KostraV1.HealthCheckResponse.self,
        "kostra.v1.GetSchemaResponse": KostraV1.GetSchemaResponse.self,
        "kostra.v1.ListIndicatorsResponse": KostraV1.ListIndicatorsResponse.self,
        "kostra.v1.ListRegionsResponse": KostraV1.ListRegionsResponse.self,
        "kostra.v1.GetSeriesResponse": KostraV1.GetSeriesResponse.self,
        "kostra.v1.GetProfileResponse": KostraV1.GetProfileResponse.self,
        "kostra.v1.CompareResponse": KostraV1.CompareResponse.self,
        "kostra.v1.GetGroupAverageResponse": KostraV1.GetGroupAverageResponse.self,
        "kostra.v1.ProductionIndexResponse": KostraV1.ProductionIndexResponse.self,
        "kostra.v1.ProductionChangeResponse": KostraV1.ProductionChangeResponse.self,
        "kostra.v1.EfficiencyResponse": KostraV1.EfficiencyResponse.self,
        "kostra.v1.ResourceUseResponse": KostraV1.ResourceUseResponse.self,
        "kostra.v1.TeacherNormResponse": KostraV1.TeacherNormResponse.self,
        "kostra.v1.StatementsResponse": KostraV1.StatementsResponse.self,
    ]
}
