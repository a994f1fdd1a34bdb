/// How numbers are written for people: Norwegian by default ("109 384",
/// "13,9", "4,9 %", "−0,7 %"), English on request ("109,384", "13.9").
struct NumberStyle: Sendable {
    /// The language of the output.
    enum Language: String, Sendable, CaseIterable {
        case nb
        case en
    }

    let language: Language

    private var decimalSeparator: String { self.language == .nb ? "," : "." }
    private var groupSeparator: String { self.language == .nb ? " " : "," }
    private var minus: String { self.language == .nb ? "\u{2212}" : "-" }

    /// `value` rounded half away from zero to `decimals` places, grouped in
    /// thousands from four digits, as the report writes "1 959 kroner",
    /// "5 809 barn" and "109 384". (Years are not numbers to format: tables
    /// print them as they are.)
    func format(_ value: Double, decimals: Int) -> String {
        let decimals = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && rounded != 0
        let integerPart = UInt64(rounded / scale)
        let fraction = UInt64(rounded - Double(integerPart) * scale)

        var digits = String(integerPart)
        if digits.count > 3 {
            var grouped: [String] = []
            while digits.count > 3 {
                grouped.insert(String(digits.suffix(3)), at: 0)
                digits.removeLast(3)
            }
            grouped.insert(digits, at: 0)
            digits = grouped.joined(separator: self.groupSeparator)
        }
        var text = (negative ? self.minus : "") + digits
        if decimals > 0 {
            let fractionDigits = String(fraction)
            text += self.decimalSeparator + String(repeating: "0", count: decimals - fractionDigits.count) + fractionDigits
        }
        return text
    }

    /// A percentage: "4,9 %" in Norwegian, "4.9%" in English.
    func percent(_ value: Double, decimals: Int) -> String {
        self.format(value, decimals: decimals) + (self.language == .nb ? " %" : "%")
    }
}
