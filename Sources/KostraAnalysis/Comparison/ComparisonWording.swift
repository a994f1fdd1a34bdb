import KostraData

/// How the profile, comparison and group-average methods write numbers into formulas and say
/// why a figure is missing. Shared by the three; internal.
enum ComparisonWording {
    /// A number as a formula shows it: whole numbers without a decimal point ("136522"),
    /// others in the shortest form that reads back exactly ("16.9"), negative ones in
    /// parentheses so that "16.9 − (−1.2)" reads right.
    static func number(_ value: Double) -> String {
        let text: String
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(Int64(abs(value)))
        } else {
            text = "\(abs(value))"
        }
        return value < 0 ? "(−\(text))" : text
    }

    /// A number in a formula, or "missing" where there is none.
    static func number(_ value: Double?) -> String {
        value.map { number($0) } ?? "missing"
    }

    /// What a missing figure's reason means, in words, with SSB's symbol where it has one.
    static func reason(_ missing: MissingReason) -> String {
        switch missing {
        case .notAvailable: "not yet available (..)"
        case .suppressed: "suppressed for privacy (:)"
        case .notApplicable: "not applicable (.)"
        case .notPublished: "not published"
        }
    }

    /// Why a region has no value of an indicator in a year: the data has no figure at all, or
    /// has one that is stated missing, with its reason.
    static func noValue(_ observation: Observation?, region: Region, indicator: Indicator, year: Int) -> String {
        if let observation, let missing = observation.missing {
            return "\(region.name)'s figure for \(indicator.id) in \(year) is \(reason(missing))"
        }
        return "the data has no figure for \(region.name) (\(region.code)), \(indicator.id), \(year)"
    }

    /// The unit of a difference of two values in `unit`: percentage points for percentages and
    /// index values, the unit itself otherwise.
    static func differenceUnit(of unit: Unit) -> Unit {
        switch unit {
        case .percent, .index, .percentagePoints: .percentagePoints
        default: unit
        }
    }
}
