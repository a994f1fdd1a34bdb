/// Writes RFC 4180 CSV: a header row, then one row per record; a field is
/// quoted when it holds a comma, a quote or a line break.
struct CSVWriter {
    private(set) var text = ""

    init(header: [String]) {
        self.append(header)
    }

    mutating func append(_ fields: [String]) {
        self.text += fields.map(Self.escape).joined(separator: ",") + "\r\n"
    }

    private static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + String(field.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }
}
