import Foundation
import KostraCodec
import KostraProtocol
import Testing

/// PROTOCOL.md and Protos/ are the contract (issue 16): the lists they give of
/// statement kinds and figure roles are complete. Every kind and role the
/// server answers for the chapter's municipality and year, on the built-in
/// data, is named in the comments of Protos/kostra/v1/analysis.proto.
@Suite("The contract's lists are complete")
struct ContractListsTests {
    /// Protos/kostra/v1/analysis.proto, found from this file.
    static func analysisProto() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("Protos/kostra/v1/analysis.proto"), encoding: .utf8)
    }

    @Test("every statement kind and figure role answered for Bærum 2024 is listed in analysis.proto")
    func kindsAndRoles() async throws {
        let response = try await withTestServer { port in
            try await withClient(port: port) { connection in
                try await connection.call(KostraMethods.getStatements, KostraV1.RegionYearRequest(region: "Bærum", year: 2024))
            }
        }
        let proto = try Self.analysisProto()
        // The kind list sits in the comment of Statement.kind; the roles above StatementFigure.
        let kindComment = try #require(proto.range(of: "One of (the complete list)")).upperBound
        let kinds = proto[kindComment...].prefix(400)
        let rolesStart = try #require(proto.range(of: "// One figure of a statement.")).lowerBound
        let rolesEnd = try #require(proto.range(of: "message StatementFigure {")).lowerBound
        let roles = proto[rolesStart..<rolesEnd]
        #expect(response.statements.count > 20)
        var seenKinds: Set<String> = []
        for statement in response.statements {
            seenKinds.insert(statement.kind)
            #expect(kinds.contains("\"\(statement.kind)\""), "kind \(statement.kind) is not listed")
            #expect(roles.contains(statement.kind), "kind \(statement.kind) has no roles listed")
            for figure in statement.figures {
                #expect(roles.contains("\"\(figure.role)\""), "role \(figure.role) of \(statement.kind) is not listed")
            }
        }
        // The chapter's municipality shows most kinds: at least these.
        #expect(seenKinds.isSuperset(of: ["difference", "rank", "tie", "implied_value", "relative_to_average", "norm_margin"]))
    }
}
