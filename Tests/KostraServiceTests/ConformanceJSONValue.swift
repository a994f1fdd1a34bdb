/// A JSON value of a conformance check, read strictly: `true` is a Bool, never 1.
enum ConformanceJSONValue: Decodable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case string(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    var description: String {
        switch self {
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        }
    }

    /// Whether a reflected Swift value equals this: numbers (any integer or
    /// floating type, enums by number) as Double, strings and Bools exactly.
    func matches(_ value: Any) -> Bool {
        switch self {
        case .bool(let expected):
            return (value as? Bool) == expected
        case .number(let expected):
            return ConformanceCheck.number(value) == expected
        case .string(let expected):
            return (value as? String) == expected
        }
    }
}
