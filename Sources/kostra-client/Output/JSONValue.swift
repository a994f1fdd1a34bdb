/// A JSON document built in the order its keys should print, so that the
/// client's `--format json` output is stable for scripts and snapshots.
enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    /// A number, or null when absent.
    static func number(_ value: Double?) -> JSONValue {
        value.map { .number($0) } ?? .null
    }

    /// The document as text, indented by two spaces.
    func serialized(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        let close = String(repeating: " ", count: indent)
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            let body = members.map { "\(pad)\(Self.quote($0.0)): \($0.1.serialized(indent: indent + 2))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(close)}"
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if elements.allSatisfy(\.isScalar) {
                return "[" + elements.map { $0.serialized() }.joined(separator: ", ") + "]"
            }
            let body = elements.map { pad + $0.serialized(indent: indent + 2) }
            return "[\n" + body.joined(separator: ",\n") + "\n\(close)]"
        case .string(let text):
            return Self.quote(text)
        case .number(let value):
            return value.isFinite ? value.machineText : "null"
        case .bool(let value):
            return value ? "true" : "false"
        case .null:
            return "null"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    private static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension Double {
    /// The value for a program to read: "382" for a whole number, "4.9"
    /// otherwise; the shortest text that reads back as the same Double.
    var machineText: String {
        if self == self.rounded(), abs(self) < 1e15 {
            return String(Int64(self))
        }
        return "\(self)"
    }
}
