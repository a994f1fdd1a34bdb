/// The unit an indicator's values are in.
///
/// The raw values are the spellings the data file uses.
public enum Unit: String, Sendable, CaseIterable {
    /// Norwegian kroner.
    case nok
    /// Thousands of kroner: the chapter's "133,8" is 133.8 here and means 133 800 kr.
    case thousandNok = "thousand_nok"
    /// A percentage: 4.9 means 4.9 %.
    case percent
    /// A count or a ratio of counts (pupils per teacher, pupils per school).
    case number
    /// An index where the reference (usually the ASSS average) is 100.
    case index
    /// Hours per year (årstimer).
    case hours
    /// Scale points (skolebidrag, the pupil survey's indices).
    case points
    /// A weight or share between 0 and 1.
    case fraction
    /// Percentage points, for differences of percentages or of index values.
    case percentagePoints = "percentage_points"
}
