/// A JSON value with the path that leads to it, so that every complaint names its place.
struct JSONNode {
    let value: JSONValue
    /// The JSON path: "tables[3].rows.3201[2]"; keys that are not plain words are quoted:
    /// `rows["grunnskole.vedtak_1_75_timer"]`.
    let path: String

    init(_ value: JSONValue, path: String) {
        self.value = value
        self.path = path
    }

    var isNull: Bool {
        if case .null = value { true } else { false }
    }

    /// The path of a member of this node.
    func path(forKey key: String) -> String {
        Self.path(path, key: key)
    }

    /// `path` followed by the member `key`: ".key" for a plain word, `["key"]` otherwise.
    static func path(_ path: String, key: String) -> String {
        let plain = !key.isEmpty && key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        if plain { return path.isEmpty ? key : "\(path).\(key)" }
        let escaped = key.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        return "\(path)[\"\(escaped)\"]"
    }

    func wrongType(_ expected: String) -> DatasetError {
        DatasetError(code: .wrongType, path: path, message: "expected \(expected), found \(value.kindDescription)")
    }

    func invalid(_ message: String) -> DatasetError {
        DatasetError(code: .invalidValue, path: path, message: message)
    }

    // MARK: Reading

    func object() throws(DatasetError) -> JSONObjectReader {
        guard case .object(let members) = value else { throw wrongType("an object") }
        return try JSONObjectReader(members: members, node: self)
    }

    func array() throws(DatasetError) -> [JSONNode] {
        guard case .array(let elements) = value else { throw wrongType("an array") }
        return elements.enumerated().map { JSONNode($0.element, path: "\(path)[\($0.offset)]") }
    }

    func string() throws(DatasetError) -> String {
        guard case .string(let string) = value else { throw wrongType("a string") }
        return string
    }

    /// A string that is not empty after trimming white space.
    func nonEmptyString() throws(DatasetError) -> String {
        let string = try string()
        guard string.contains(where: { !$0.isWhitespace }) else { throw invalid("must not be empty") }
        return string
    }

    func double() throws(DatasetError) -> Double {
        guard case .number(let number) = value else { throw wrongType("a number") }
        return number
    }

    /// A number, or `nil` for JSON null.
    func doubleOrNull() throws(DatasetError) -> Double? {
        switch value {
        case .null: return nil
        case .number(let number): return number
        default: throw wrongType("a number or null")
        }
    }

    func int() throws(DatasetError) -> Int {
        let number = try double()
        guard number.rounded() == number, abs(number) < 1e15 else { throw invalid("expected a whole number, found \(number)") }
        return Int(number)
    }

    func strings() throws(DatasetError) -> [String] {
        var result: [String] = []
        for element in try array() { result.append(try element.string()) }
        return result
    }

    /// A string naming one case of `T` by its raw value.
    func enumeration<T: RawRepresentable & CaseIterable>(_: T.Type) throws(DatasetError) -> T where T.RawValue == String {
        let raw = try string()
        guard let result = T(rawValue: raw) else {
            let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw invalid("\"\(raw)\" is not one of \(allowed)")
        }
        return result
    }
}
