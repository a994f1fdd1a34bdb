/// Parses a JSON number from bytes without making a String first: digits into an integer, then
/// one exact division or multiplication by a power of ten when that is correctly rounded (at
/// most 15 significant digits and an exponent of at most 22, Clinger's fast path); anything
/// else goes through the standard library's parser.
enum FastNumber {
    private static let powers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The number written in `bytes[range]`, or nil when it is not a JSON number.
    static func parse(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        let end = range.upperBound
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var sawDigit = false
        while index < end, bytes[index] &- 48 < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48) }
            if mantissa > 0 || bytes[index] != UInt8(ascii: "0") { digits += 1 }
            sawDigit = true
            index += 1
        }
        guard sawDigit else { return nil }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var sawFraction = false
            while index < end, bytes[index] &- 48 < 10 {
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 48)
                    fraction += 1
                }
                if mantissa > 0 { digits += 1 }
                sawFraction = true
                index += 1
            }
            guard sawFraction else { return nil }
        }
        if index == end, digits <= 15, fraction <= 22 {
            let value = Double(mantissa) / powers[fraction]
            return negative ? -value : value
        }
        // Exponents, long mantissas: the standard library (correctly rounded).
        return Double(String(decoding: bytes[range], as: UTF8.self))
    }
}
