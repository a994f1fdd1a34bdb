import Foundation

/// The optional configuration file (`--config FILE` or `KOSTRA_CONFIG`): a
/// subset of TOML, one `key = value` per line.
///
/// ```toml
/// # kostra-server configuration
/// host = "0.0.0.0"
/// port = 7878
/// metrics-port = 9464
/// require-token-for-reads = false
/// ```
///
/// Keys are the long flag names without the dashes in front; values are
/// bare (numbers, `true`, `false`, words) or double-quoted strings with
/// `\"` and `\\` escapes. `#` starts a comment outside quotes. Blank lines
/// are skipped. Tables, arrays and multi-line strings are not part of the
/// subset, and an unknown key stops the start, so that a misspelt setting
/// is never silently ignored.
struct ConfigFile: Equatable {
    /// One `key = value` line.
    struct Entry: Equatable {
        var value: String
        var line: Int
    }

    /// The file's path, as given.
    var path: String
    /// The entries by key.
    var entries: [String: Entry]

    /// Reads and parses `path`; every key must be one of `knownKeys`.
    static func load(path: String, knownKeys: [String], source: SettingSource) throws(ConfigurationError) -> ConfigFile {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(setting: "config", source: source, problem: "cannot read \(path): \(error.localizedDescription)")
        }
        return try Self.parse(text, path: path, knownKeys: knownKeys)
    }

    /// Parses `text` read from `path`.
    static func parse(_ text: String, path: String, knownKeys: [String]) throws(ConfigurationError) -> ConfigFile {
        var entries: [String: Entry] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let here = SettingSource.file(path: path, line: number)
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(setting: "config", source: here, problem: "expected 'key = value', found '\(line)'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            guard knownKeys.contains(key) else {
                throw ConfigurationError(
                    setting: key.isEmpty ? "config" : key,
                    source: here,
                    problem: "unknown setting; allowed: \(knownKeys.joined(separator: ", "))"
                )
            }
            guard entries[key] == nil else {
                throw ConfigurationError(setting: key, source: here, problem: "set twice (first on line \(entries[key]!.line))")
            }
            let value = try Self.value(String(line[line.index(after: equals)...]), key: key, source: here)
            entries[key] = Entry(value: value, line: number)
        }
        return ConfigFile(path: path, entries: entries)
    }

    /// A value: a quoted string unescaped, or a bare word up to a comment.
    private static func value(_ raw: String, key: String, source: SettingSource) throws(ConfigurationError) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("\"") else {
            let bare = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let value = bare.trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, !value.contains(where: { $0 == " " || $0 == "\"" }) else {
                throw ConfigurationError(
                    setting: key,
                    source: source,
                    problem: "expected a number, true, false, a word or a \"quoted string\", found '\(text)'"
                )
            }
            return value
        }
        var result = ""
        var escaped = false
        var rest: Substring?
        for (offset, character) in text.dropFirst().enumerated() {
            if escaped {
                switch character {
                case "\"", "\\": result.append(character)
                case "n": result.append("\n")
                case "t": result.append("\t")
                default:
                    throw ConfigurationError(setting: key, source: source, problem: "unknown escape \\\(character) in a quoted string")
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                rest = text.dropFirst(offset + 2)
                break
            } else {
                result.append(character)
            }
        }
        guard let rest else {
            throw ConfigurationError(setting: key, source: source, problem: "the quoted string is not closed")
        }
        let trailing = rest.trimmingCharacters(in: .whitespaces)
        guard trailing.isEmpty || trailing.hasPrefix("#") else {
            throw ConfigurationError(setting: key, source: source, problem: "unexpected '\(trailing)' after the quoted string")
        }
        return result
    }
}
