import Foundation

/// Reads the token file: its first line, trimmed.
enum TokenSource {
    /// Why a token file could not be used.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The token in `file`'s first line.
    static func read(file: String) throws -> String {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot read \(file): \(error.localizedDescription)")
        }
        let token = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !token.isEmpty else { throw Failure(description: "\(file) is empty") }
        return token
    }
}
