extension Unit {
    /// The unit an SSB unit label names ("kroner", "1 000 kr", "prosent", "antall"), or `nil`
    /// for a label it does not know.
    public init?(ssbLabel: String) {
        let label = ssbLabel.lowercased().filter { !$0.isWhitespace && $0 != "." }
        switch label {
        case "kr", "kroner", "nok", "kronerperelev", "krperelev": self = .nok
        case "1000kr", "1000kroner", "i1000kr", "tusenkroner", "1000nok": self = .thousandNok
        case "prosent", "%", "percent", "andel": self = .percent
        case "antall", "personer", "elever", "number", "årsverk": self = .number
        case "timer", "årstimer", "hours": self = .hours
        case "indeks", "index": self = .index
        case "poeng", "skalapoeng", "points": self = .points
        case "prosentpoeng": self = .percentagePoints
        default: return nil
        }
    }
}
