/// Reads the store's small JSON arrays — numbers or null, strings or null — without building a
/// JSON tree: a series row's values are read millions of times.
enum NumberArray {
    /// `[1.5,null,-2,3e2]` as numbers and nils; nil when the text is not such an array.
    static func parse(_ bytes: [UInt8]) -> [Double?]? {
        var result: [Double?] = []
        var index = 0
        let count = bytes.count
        guard count >= 2, bytes[0] == UInt8(ascii: "["), bytes[count - 1] == UInt8(ascii: "]") else { return nil }
        index = 1
        if bytes[index] == UInt8(ascii: "]") { return [] }
        while index < count - 1 {
            if bytes[index] == UInt8(ascii: "n") {
                guard index + 4 <= count, bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                result.append(nil)
                index += 4
            } else {
                let start = index
                while index < count - 1, bytes[index] != UInt8(ascii: ",") { index += 1 }
                guard let value = FastNumber.parse(bytes, start..<index) else { return nil }
                result.append(value)
            }
            if index < count - 1 {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
        }
        return result
    }

    /// `[1.5,null,-2]` as numbers, null as 0 (the row's states say which cells have a value);
    /// nil when the text is not such an array. One array, no optionals: a row is decoded for
    /// every figure an import revises.
    static func parseValues(_ bytes: [UInt8]) -> [Double]? {
        let count = bytes.count
        guard count >= 2, bytes[0] == UInt8(ascii: "["), bytes[count - 1] == UInt8(ascii: "]") else { return nil }
        var result: [Double] = []
        result.reserveCapacity(count / 4)
        var index = 1
        if bytes[index] == UInt8(ascii: "]") { return [] }
        while index < count - 1 {
            if bytes[index] == UInt8(ascii: "n") {
                guard index + 4 <= count - 1, bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                result.append(0)
                index += 4
            } else {
                let start = index
                while index < count - 1, bytes[index] != UInt8(ascii: ",") { index += 1 }
                guard let value = FastNumber.parse(bytes, start..<index) else { return nil }
                result.append(value)
            }
            if index < count - 1 {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
        }
        return result
    }

    /// `["3024",null]` as strings and nils (no escapes: region codes).
    static func parseStrings(_ bytes: [UInt8]) -> [String?]? {
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
        let inner = bytes[1..<(bytes.count - 1)]
        guard !inner.isEmpty else { return [] }
        return inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { part -> String? in
            if part.elementsEqual("null".utf8) { return nil }
            return String(decoding: part.dropFirst().dropLast(), as: UTF8.self)
        }
    }
}
