import Foundation

/// Tests/conformance/index.json: the cases, each a request frame and what its answer must hold.
struct ConformanceIndex: Decodable, Sendable {
    /// A vector file that cannot be read as the format says.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let format: Int
    let protocolVersion: Int
    let cases: [ConformanceCase]

    /// Reads `index.json` from the directory.
    static func load(from directory: URL) throws -> ConformanceIndex {
        let data = try Data(contentsOf: directory.appendingPathComponent("index.json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ConformanceIndex.self, from: data)
    }
}
