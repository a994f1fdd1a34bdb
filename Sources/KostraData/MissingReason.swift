/// Why a value is missing. A missing value is never zero, and it stays missing through every
/// computation.
///
/// The raw values are the spellings the data file uses.
public enum MissingReason: String, Sendable, CaseIterable {
    /// Not yet available: SSB's `..`.
    case notAvailable = "not_available"
    /// Suppressed for privacy: SSB's `:`.
    case suppressed
    /// Not applicable, cannot exist: SSB's `.`.
    case notApplicable = "not_applicable"
    /// The source gives no figure (a report's table has no such cell). SSB has no symbol for it.
    case notPublished = "not_published"

    /// The symbol SSB prints in the cell: `..`, `:`, `.`, or `""` for `notPublished`.
    public var ssbSymbol: String {
        switch self {
        case .notAvailable: ".."
        case .suppressed: ":"
        case .notApplicable: "."
        case .notPublished: ""
        }
    }

    /// The reason SSB's cell symbol stands for (`..`, `:`, `.`), or `nil` for any other text.
    public init?(ssbSymbol: String) {
        switch ssbSymbol {
        case "..": self = .notAvailable
        case ":": self = .suppressed
        case ".": self = .notApplicable
        default: return nil
        }
    }
}
