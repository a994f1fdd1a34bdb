/// Where a rank places a region, in the words a report uses ("lavest", "nest høyest"), as data.
///
/// Named from the ends: `lowest` is checked first, then `highest`, `secondLowest`,
/// `secondHighest`; so with three values the middle one is `secondLowest`. Tied regions share
/// a place. Whether low is good depends on the indicator's direction, which this does not judge.
public enum RankPlace: String, Sendable, Hashable, CaseIterable {
    /// No ranked region has a lower value (possibly tied).
    case lowest
    /// Exactly one value is lower.
    case secondLowest = "second_lowest"
    /// Neither among the two lowest nor the two highest.
    case between
    /// Exactly one value is higher.
    case secondHighest = "second_highest"
    /// No ranked region has a higher value (possibly tied).
    case highest
    /// Every ranked region has the same value (two or more).
    case allEqual = "all_equal"
    /// The region is the only one with a value.
    case only

    /// The place of a rank `fromLowest` / `fromHighest` among `count` values (competition
    /// ranking: tied values share the best rank, "1, 1, 3").
    public init(fromLowest: Int, fromHighest: Int, count: Int) {
        if count == 1 {
            self = .only
        } else if fromLowest == 1, fromHighest == 1 {
            self = .allEqual
        } else if fromLowest == 1 {
            self = .lowest
        } else if fromHighest == 1 {
            self = .highest
        } else if fromLowest == 2 {
            self = .secondLowest
        } else if fromHighest == 2 {
            self = .secondHighest
        } else {
            self = .between
        }
    }
}
