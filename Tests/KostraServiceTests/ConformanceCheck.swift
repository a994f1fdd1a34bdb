/// One field check of a conformance case: a path into the message and what
/// must hold there (Tests/conformance/README.md).
struct ConformanceCheck: Decodable, Sendable {
    let path: String
    let equals: ConformanceJSONValue?
    let approx: Double?
    let tolerance: Double?
    let contains: ConformanceJSONValue?
    let length: Int?
    let present: Bool?

    /// Nil when the check holds for `message`, else what is wrong.
    func failure(on message: Any) -> String? {
        let value: Any?
        do {
            value = try Self.resolve(self.path, in: message)
        } catch {
            return "\(self.path): \(error)"
        }
        if let present {
            let isPresent = value.map { ($0 as? [Any]).map { !$0.isEmpty } ?? true } ?? false
            if isPresent != present {
                return "\(self.path): present is \(isPresent), expected \(present)"
            }
        }
        if let equals, !(value.map(equals.matches) ?? false) {
            return "\(self.path): \(value.map { "\($0)" } ?? "absent") != \(equals)"
        }
        if let approx {
            guard let number = value.flatMap(Self.number), abs(number - approx) <= (self.tolerance ?? 0) else {
                return "\(self.path): \(value.map { "\($0)" } ?? "absent") not within \(self.tolerance ?? 0) of \(approx)"
            }
        }
        if let contains {
            let holds: Bool
            if let list = value as? [Any] {
                holds = list.contains { contains.matches($0) }
            } else if let text = value as? String, case .string(let part) = contains {
                holds = text.contains(part)
            } else {
                holds = false
            }
            if !holds {
                return "\(self.path): \(value.map { "\($0)" } ?? "absent") does not contain \(contains)"
            }
        }
        if let length, (value as? [Any])?.count != length {
            return "\(self.path): length is not \(length)"
        }
        return nil
    }

    /// A number as Double: any integer or floating type, or an enum by its number.
    static func number(_ value: Any) -> Double? {
        switch value {
        case let v as Double: v
        case let v as Int32: Double(v)
        case let v as Int64: Double(v)
        case let v as UInt32: Double(v)
        case let v as UInt64: Double(v)
        case let v as Int: Double(v)
        case let v as any RawRepresentable: (v.rawValue as? Int32).map(Double.init)
        default: nil
        }
    }

    /// The value at `path` in a codec value: nil for an absent optional,
    /// an array for a repeated field not indexed.
    static func resolve(_ path: String, in root: Any) throws -> Any? {
        var current: Any? = root
        for segment in Self.segments(path) {
            var name = Substring(segment)
            var selector: Substring?
            if let open = segment.firstIndex(of: "["), segment.hasSuffix("]") {
                name = segment[..<open]
                selector = segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]
            }
            guard let container = current else {
                throw ConformanceIndex.Failure(description: "nothing before \(name)")
            }
            let property = Self.camelCase(String(name))
            guard let child = Mirror(reflecting: container).children.first(where: { $0.label == property }) else {
                throw ConformanceIndex.Failure(description: "\(type(of: container)) has no property \(property)")
            }
            var value: Any? = Self.unwrap(child.value)
            if let selector {
                guard let list = value as? [Any] else {
                    throw ConformanceIndex.Failure(description: "\(name) is not repeated")
                }
                if let index = Int(selector) {
                    guard index < list.count else {
                        throw ConformanceIndex.Failure(description: "\(name) has \(list.count) elements, no [\(index)]")
                    }
                    value = list[index]
                } else {
                    let parts = selector.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2 else { throw ConformanceIndex.Failure(description: "bad selector \(selector)") }
                    let found = try list.first { element in
                        try Self.resolve(String(parts[0]), in: element).map(Self.text) == String(parts[1])
                    }
                    guard let found else {
                        throw ConformanceIndex.Failure(description: "no element of \(name) with \(selector)")
                    }
                    value = found
                }
            }
            current = value
        }
        return current
    }

    /// An Optional's content, or nil; any other value as it is.
    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    static func text(_ value: Any) -> String {
        if let number = Self.number(value), !(value is Double) {
            return String(Int64(number))
        }
        return "\(value)"
    }

    /// "indicator_id" -> "indicatorId".
    static func camelCase(_ name: String) -> String {
        let parts = name.split(separator: "_")
        return (parts.first.map(String.init) ?? "") + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The path split at dots outside brackets.
    static func segments(_ path: String) -> [String] {
        var out: [String] = []
        var current = ""
        var depth = 0
        for character in path {
            if character == ".", depth == 0 {
                out.append(current)
                current = ""
                continue
            }
            if character == "[" { depth += 1 }
            if character == "]" { depth -= 1 }
            current.append(character)
        }
        out.append(current)
        return out
    }
}
