/// Which way a higher value leans, so that a difference can be called favourable or not.
///
/// The raw values are the spellings the data file uses.
public enum Direction: String, Sendable, CaseIterable {
    /// A higher value is better service (results, qualified teachers, production).
    case higherIsBetter = "higher_is_better"
    /// A lower value is better service (sickness absence).
    case lowerIsBetter = "lower_is_better"
    /// A higher value costs more (expenditure per pupil, special education).
    case higherCostsMore = "higher_costs_more"
    /// A higher value costs less (pupils per teacher, pupils per school).
    case higherCostsLess = "higher_costs_less"
    /// Descriptive only: neither direction is better.
    case neutral
}
