/// A table as the source printed it: its title, what it holds, and the remarks on it.
///
/// The table's figures are among the dataset's observations, with the table as their source;
/// this keeps what a figure alone cannot: the printed title, the layout, the flaws noticed.
public struct SourceTable: Sendable, Hashable {
    /// The title as printed (kept even where it is wrong; `notes` then says so).
    public var title: String
    /// The source string its observations carry ("Tabell «...»").
    public var source: String
    /// The unit of every figure in it.
    public var unit: Unit
    /// The indicators it holds, in the order printed.
    public var indicatorIds: [String]
    /// The regions it holds (current codes), in the order printed.
    public var regionCodes: [String]
    /// The years it covers, ascending.
    public var years: [Int]
    /// Remarks on the table: flaws, readings the print leaves open.
    public var notes: [String]

    /// Creates a table description.
    public init(
        title: String,
        source: String,
        unit: Unit,
        indicatorIds: [String],
        regionCodes: [String],
        years: [Int],
        notes: [String] = []
    ) {
        self.title = title
        self.source = source
        self.unit = unit
        self.indicatorIds = indicatorIds
        self.regionCodes = regionCodes
        self.years = years
        self.notes = notes
    }
}
