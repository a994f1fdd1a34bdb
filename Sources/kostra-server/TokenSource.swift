import Foundation

/// Where the server's token comes from: a file (its first line), else the
/// environment variable KOSTRA_TOKEN, else none.
enum TokenSource {
    /// Why a token could not be read.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func read(file: String?, environment: [String: String]) throws -> String? {
        if let file {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw Failure(description: "--token-file \(file): \(error.localizedDescription)")
            }
            let token = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !token.isEmpty else { throw Failure(description: "--token-file \(file) is empty") }
            return token
        }
        if let token = environment["KOSTRA_TOKEN"], !token.isEmpty {
            return token
        }
        return nil
    }
}
