/// A request the analysis cannot answer: something asked for that the data
/// does not have, or a combination that makes no sense. The service maps
/// `.notFound` to NOT_FOUND and `.invalidArgument` to INVALID_ARGUMENT.
public struct AnalysisError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Hashable, Sendable {
        /// A region, indicator or year without data.
        case notFound
        /// A field that is wrong given the others (a group where a
        /// municipality is required, an unknown reference).
        case invalidArgument
    }

    /// What kind of failure.
    public var kind: Kind
    /// The request field at fault ("region", "year", "reference").
    public var field: String
    /// What was wrong, in one sentence.
    public var message: String
    /// What would have been accepted, when few enough to list.
    public var available: [String]
    /// Close matches for a misspelt value, best first ("did you mean").
    public var suggestions: [String]

    /// An error.
    public init(_ kind: Kind, field: String, _ message: String, available: [String] = [], suggestions: [String] = []) {
        self.kind = kind
        self.field = field
        self.message = message
        self.available = available
        self.suggestions = suggestions
    }

    /// The message.
    public var description: String { self.message }
}
