/// What a region is: a municipality, the average of a group of municipalities, or the country.
///
/// The raw values are the spellings the data file uses.
public enum RegionKind: String, Sendable, Hashable, CaseIterable {
    /// A municipality (kommune), identified by its four-digit number ("3201", "0301").
    case municipality
    /// The average of a group of municipalities, such as "ASSS med Oslo".
    case groupAverage = "group_average"
    /// The whole country ("EAK") or the country without Oslo ("EAKUO").
    case country
}
