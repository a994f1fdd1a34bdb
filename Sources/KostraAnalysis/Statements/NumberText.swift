/// Numbers written out without Foundation: in formulas (plain, as Swift reads them), and in
/// sentences the Norwegian way ("108 173", "6,9", "−0,9") or the English way ("108,173").
///
/// Grouping is by an ordinary space in Norwegian, as the chapter prints "1 959" (a client that
/// sets type may swap it for a no-break space); the Norwegian minus is U+2212.
enum NumberText {
    /// A value in a formula: at most six decimals, trailing zeros dropped, "." for the decimal
    /// point, "-" for minus ("100.7", "136522", "-0.5", "109.337676").
    static func formula(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let parts = digits(value, decimals: 6)
        var fraction = Substring(parts.fraction)
        while fraction.last == "0" { fraction = fraction.dropLast() }
        let sign = parts.negative ? "-" : ""
        return fraction.isEmpty ? sign + parts.integer : sign + parts.integer + "." + fraction
    }

    /// A value in a formula where it may be negative and follows an operator: "(-5.1)".
    static func operand(_ value: Double) -> String {
        value < 0 ? "(\(formula(value)))" : formula(value)
    }

    /// A value written the Norwegian way: "108 173", "6,9", "−0,9".
    static func norwegian(_ value: Double, decimals: Int) -> String {
        write(value, decimals: decimals, group: " ", point: ",", minus: "\u{2212}")
    }

    /// A value written the English way: "108,173", "6.9", "-0.9".
    static func english(_ value: Double, decimals: Int) -> String {
        write(value, decimals: decimals, group: ",", point: ".", minus: "-")
    }

    private static func write(_ value: Double, decimals: Int, group: String, point: String, minus: String) -> String {
        guard value.isFinite else { return "\(value)" }
        let parts = digits(value, decimals: decimals)
        var grouped = ""
        for (offset, character) in parts.integer.enumerated() {
            if offset > 0, (parts.integer.count - offset) % 3 == 0 { grouped += group }
            grouped.append(character)
        }
        let sign = parts.negative ? minus : ""
        return parts.fraction.isEmpty ? sign + grouped : sign + grouped + point + parts.fraction
    }

    /// The value rounded half away from zero to `decimals`, as sign, integer digits and
    /// fraction digits. A value that rounds to zero has no sign.
    private static func digits(_ value: Double, decimals: Int) -> (negative: Bool, integer: String, fraction: String) {
        let places = max(0, min(decimals, 9))
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return (value < 0, "\(abs(value))", "") }
        let whole = UInt64(scaled)
        let integer = String(whole / scale)
        var fraction = places == 0 ? "" : String(whole % scale)
        while fraction.count < places { fraction = "0" + fraction }
        return (value < 0 && whole != 0, integer, fraction)
    }
}
