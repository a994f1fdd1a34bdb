/// How a group average of an indicator is formed from its members' values.
///
/// The raw values are the spellings the data file uses.
public enum Aggregation: String, Sendable, CaseIterable {
    /// The members' numerators summed over their denominators summed, so that a large member
    /// weighs more: the ASSS default.
    case weighted
    /// The plain mean of the members that have a value: ASSS's ready-made key figures (marked
    /// `*` by ASSS), such as the resource use indicator and "vurdering for læring".
    case plainMean = "plain_mean"
    /// Only a published figure exists; no average can be formed from members (indices relative
    /// to ASSS, a municipality's own internal figures, counts).
    case publishedOnly = "published_only"
}
