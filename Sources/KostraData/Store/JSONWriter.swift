/// Writes JSON text: enough for the store's version files, read back by `JSONParser`.
struct JSONWriter {
    private(set) var text = ""

    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A finite number, shortest form that reads back exactly.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// An object of the members whose value is not `nil`, in order.
    static func object(_ members: [(String, String?)]) -> String {
        "{" + members.compactMap { key, value in value.map { "\(string(key)):\($0)" } }.joined(separator: ",") + "}"
    }

    static func array(_ elements: [String], lines: Bool = false) -> String {
        lines ? "[\n  " + elements.joined(separator: ",\n  ") + "\n]" : "[" + elements.joined(separator: ",") + "]"
    }
}
