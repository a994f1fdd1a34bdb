/// A table as SSB publishes it, read from a JSON-stat2 or CSV file and not yet mapped onto the
/// catalogue, held compactly: the regions and contents once each, and a small fixed-size entry
/// per cell that refers to them by position.
///
/// A "content" is one content code (ContentsCode) together with one category of each further
/// dimension the table has (årstrinn, kjønn, funksjon, ...): each becomes its own indicator.
public struct SSBTable: Sendable {
    /// A region as the file names it.
    public struct Region: Sendable, Hashable {
        /// The code as the file writes it ("3024", "EAK", "EKG13").
        public var code: String
        /// The label in the file ("Bærum"), or "" when it gives none.
        public var label: String
    }

    /// A category of a dimension beside region, content and year.
    public struct Category: Sendable, Hashable {
        /// The dimension's id ("Kjonn").
        public var dimension: String
        /// The dimension's label ("kjønn"), or its id.
        public var dimensionLabel: String
        /// The category's code ("2").
        public var code: String
        /// The category's label ("Kvinner"), or its code.
        public var label: String
    }

    /// A content code with the categories of any further dimensions.
    public struct Content: Sendable, Hashable {
        /// A content.
        public init(code: String, label: String, unitLabel: String? = nil, decimals: Int? = nil, categories: [Category]) {
            self.code = code
            self.label = label
            self.unitLabel = unitLabel
            self.decimals = decimals
            self.categories = categories
        }

        /// SSB's content code ("KOSgrstr20000").
        public var code: String
        /// The content's label in the file.
        public var label: String
        /// The unit's label in the file ("kroner", "prosent"), or `nil` when it gives none.
        public var unitLabel: String?
        /// The decimals the file gives for the content, if any.
        public var decimals: Int?
        /// One category of each further dimension, in the file's dimension order; empty for a
        /// table of region × content × year.
        public var categories: [Category]
    }

    /// One cell, by positions in `regions` and `contents`.
    public struct Entry: Sendable, Hashable {
        /// The position of the region in `regions`.
        public var region: Int32
        /// The position of the content in `contents`.
        public var content: Int32
        /// The year.
        public var year: Int32
        /// Why the value is missing; `nil` exactly when there is a value.
        public var missing: MissingReason?
        /// The value; 0 when missing.
        public var value: Double
        /// Where the cell stands: its index in `value` (JSON-stat), or line × 65 536 + field
        /// (CSV). `SSBTable.place(of:)` says it in words.
        public var place: Int64
    }

    /// One cell with its codes and labels spelt out (`cells`), for reading a small table.
    public struct Cell: Sendable, Hashable {
        /// The region code as the file writes it.
        public var regionCode: String
        /// The region's label in the file, or "".
        public var regionLabel: String
        /// SSB's content code.
        public var contentCode: String
        /// The content's label in the file.
        public var contentLabel: String
        /// The unit's label in the file, or `nil`.
        public var unitLabel: String?
        /// The decimals the file gives for the content, if any.
        public var decimals: Int?
        /// The year.
        public var year: Int
        /// The value, or `nil` when missing.
        public var value: Double?
        /// Why the value is missing; `nil` exactly when there is a value.
        public var missing: MissingReason?
        /// Where the cell stands: "value[37] (...)" (JSON-stat) or "line 7, field 4" (CSV).
        public var place: String
    }

    /// The file's format, in words ("JSON-stat 2.0", "SSB CSV").
    public var format: String
    /// SSB's table number, when the file says it ("12255").
    public var tableId: String?
    /// The table's title, when the file gives one.
    public var title: String?
    /// Whether the file says its figures are preliminary or final ("foreløpige"/"endelige" in
    /// its title or notes); `nil` when it does not say.
    public var status: FigureStatus?
    /// The regions, each once, in the order first met.
    public var regions: [Region]
    /// The contents, each once, in the order first met.
    public var contents: [Content]
    /// Every cell the file has, in file order. A cell a sparse file leaves out is not here.
    public var entries: [Entry]
    /// Whether `Entry.place` is a JSON-stat index (else a CSV line and field).
    var placesAreIndices: Bool

    /// The cells with their codes and labels: for a small table (it makes strings per cell).
    public var cells: [Cell] {
        entries.map { entry in
            let region = regions[Int(entry.region)]
            let content = contents[Int(entry.content)]
            return Cell(
                regionCode: region.code, regionLabel: region.label, contentCode: content.code, contentLabel: content.label,
                unitLabel: content.unitLabel, decimals: content.decimals, year: Int(entry.year),
                value: entry.missing == nil ? entry.value : nil, missing: entry.missing, place: place(of: entry)
            )
        }
    }

    /// Where a cell stands, in words: "value[37] (region 0301, KOSgrstr20000, 2024)" or
    /// "line 7, field 4".
    public func place(of entry: Entry) -> String {
        if placesAreIndices {
            let content = contents[Int(entry.content)]
            let categories = content.categories.map { ", \($0.dimension) \($0.code)" }.joined()
            return "value[\(entry.place)] (region \(regions[Int(entry.region)].code), \(content.code)\(categories), \(entry.year))"
        }
        return "line \(entry.place >> 16), field \(entry.place & 0xFFFF)"
    }

    /// The status a file's title or notes state, if any: "foreløpig" is preliminary, "endelig" final.
    static func statedStatus(in texts: [String]) -> FigureStatus? {
        for text in texts {
            let lower = text.lowercased()
            if lower.contains("foreløpig") || lower.contains("forelopig") { return .preliminary }
            if lower.contains("endelig") { return .final }
        }
        return nil
    }
}
