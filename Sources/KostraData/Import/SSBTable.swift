/// A table as SSB publishes it, read from a JSON-stat2 or CSV file and not yet mapped onto the
/// catalogue: every cell with SSB's own codes and labels, and where in the file it stands.
public struct SSBTable: Sendable {
    /// One cell of the table: a region's value of a content code in a year, or why it is missing.
    public struct Cell: Sendable, Hashable {
        /// The region code as the file writes it ("3024", "EAK", "EKG13").
        public var regionCode: String
        /// The region's label in the file ("Bærum"), or "" when it gives none.
        public var regionLabel: String
        /// SSB's content code (ContentsCode, "KOSgrstr20000").
        public var contentCode: String
        /// The content's label in the file.
        public var contentLabel: String
        /// The unit's label in the file ("kroner", "prosent"), or `nil` when it gives none.
        public var unitLabel: String?
        /// The decimals the file gives for the content, if any.
        public var decimals: Int?
        /// The year.
        public var year: Int
        /// The value, or `nil` when missing.
        public var value: Double?
        /// Why the value is missing; `nil` exactly when there is a value.
        public var missing: MissingReason?
        /// Where the cell stands: "value[37]" (JSON-stat) or "line 7, field 4" (CSV).
        public var place: String
    }

    /// The file's format, in words ("JSON-stat 2.0", "SSB CSV").
    public var format: String
    /// SSB's table number, when the file says it ("12255").
    public var tableId: String?
    /// The table's title, when the file gives one.
    public var title: String?
    /// Every cell the file has, in file order. A cell a sparse file leaves out is not here.
    public var cells: [Cell]
}
