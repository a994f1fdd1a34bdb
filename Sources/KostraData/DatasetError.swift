/// Why data was refused: what was wrong, and where.
///
/// `path` names the place: a JSON path into the data file ("tables[3].rows.3201[2]"), a line
/// and column for a file that is not JSON, or an index into the arrays given to
/// `Dataset.init(regions:indicators:observations:productionWeights:facts:name:)`
/// ("observations[12]").
public struct DatasetError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The kind of fault. Extensible: compare with the static members.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The code's name ("row_length").
        public let name: String

        private init(_ name: String) { self.name = name }

        /// The bytes are not JSON (or not UTF-8).
        public static let syntax = Code("syntax")
        /// The file's `format` is not one this code reads.
        public static let unsupportedFormat = Code("unsupported_format")
        /// A required field is absent.
        public static let missingField = Code("missing_field")
        /// A field this format does not have (often a misspelling).
        public static let unexpectedField = Code("unexpected_field")
        /// A field holds the wrong type of JSON value.
        public static let wrongType = Code("wrong_type")
        /// A value is outside what the field allows.
        public static let invalidValue = Code("invalid_value")
        /// Something that must be unique appears twice.
        public static let duplicate = Code("duplicate")
        /// A region code that is neither a current nor a former code of a known region.
        public static let unknownRegion = Code("unknown_region")
        /// An indicator id the data does not define.
        public static let unknownIndicator = Code("unknown_indicator")
        /// A table row whose length differs from the number of its columns.
        public static let rowLength = Code("row_length")
        /// A value that is infinite or not a number.
        public static let nonFiniteValue = Code("non_finite_value")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of fault.
    public var code: Code
    /// Where it is.
    public var path: String
    /// What is wrong, in words.
    public var message: String

    /// Creates an error.
    public init(code: Code, path: String, message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// "path: message".
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}
