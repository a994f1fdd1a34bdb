public import KostraData

/// Whether a difference (or a change) is favourable, given which way the indicator leans.
public enum Favourability: String, Sendable, Hashable, CaseIterable {
    /// Better service or lower cost: higher where higher is better or costs less, lower where
    /// lower is better or higher costs more.
    case favourable
    /// The opposite of favourable.
    case unfavourable
    /// The two values are the same.
    case equal
    /// The indicator is neutral (descriptive only), so no side is judged better.
    case notJudged = "not_judged"
    /// A value is missing, so the difference is unknown.
    case unknown

    /// The judgement of a signed difference (`region − other`, or `later − earlier`) of an
    /// indicator leaning `direction`; `nil` is a difference that could not be formed.
    public init(difference: Double?, direction: Direction) {
        guard let difference else {
            self = .unknown
            return
        }
        if difference == 0 {
            self = .equal
            return
        }
        switch direction {
        case .higherIsBetter, .higherCostsLess:
            self = difference > 0 ? .favourable : .unfavourable
        case .lowerIsBetter, .higherCostsMore:
            self = difference < 0 ? .favourable : .unfavourable
        case .neutral:
            self = .notJudged
        }
    }
}
