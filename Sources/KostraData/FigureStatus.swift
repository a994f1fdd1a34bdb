/// How final a figure is.
///
/// The raw values are the spellings the data file uses.
public enum FigureStatus: String, Sendable, CaseIterable {
    /// SSB's preliminary figures, published 15 March.
    case preliminary
    /// SSB's final figures, published 15 June.
    case final
    /// Transcribed from a report as printed there, rounded as the report rounds. Every figure
    /// of the built-in data, derived results included, has this status.
    case asPublished = "as_published"
}
