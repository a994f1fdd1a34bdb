/// The file formats the import reads.
public enum ImportFormat: String, Sendable, CaseIterable {
    /// JSON-stat 2.0, a dataset (json-stat.org): PxWebApi v2's default output.
    case jsonStat2 = "json-stat2"
    /// SSB's semicolon-separated CSV with a header row and decimal comma (docs/data.md).
    case ssbCSV = "ssb-csv"
    /// A classification: groups and their members, rules for indicators (`GroupsFile`).
    case groups

    /// The format of a file, by its first non-blank byte: `{` is JSON-stat, anything else CSV.
    public static func detect(_ bytes: [UInt8]) -> ImportFormat {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "{") ? .jsonStat2 : .ssbCSV
    }

    /// Reads `bytes` in this format. Errors name the file (`fileName`) and the place in it.
    public func read(_ bytes: [UInt8], fileName: String) throws(DatasetError) -> SSBTable {
        do throws(DatasetError) {
            switch self {
            case .jsonStat2: return try JSONStatReader.read(bytes)
            case .ssbCSV: return try SSBCSVReader.read(bytes)
            case .groups:
                throw DatasetError(code: .unsupportedFormat, path: "", message: "a groups file holds no figures; give it with --groups")
            }
        } catch {
            var located = error
            located.path = located.path.isEmpty ? fileName : "\(fileName): \(located.path)"
            throw located
        }
    }
}
