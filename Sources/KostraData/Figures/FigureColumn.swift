/// One indicator's figures, laid out for lookup by position: a row for each region that has
/// figures (in region order), a cell for each year from `firstYear` on.
///
/// A figure costs its value (8 bytes), a state byte (present, missing and why, status) and its
/// source by reference (4 bytes); the rare parts — the code a figure was reported under, a
/// remark, the figures it replaced — live in side tables keyed by the cell's position. A lookup
/// is index arithmetic: `rowOfRegion[region] * yearCount + year - firstYear`.
final class FigureColumn: Sendable {
    /// For each region position of the dataset, its row here, or -1 when it has no figure.
    let rowOfRegion: [Int32]
    /// For each row, its region position; ascending.
    let regionOfRow: [Int32]
    /// The first year of every row.
    let firstYear: Int
    /// How many years each row has.
    let yearCount: Int
    /// Each cell's value; meaningless unless its state says a value is present.
    let values: [Double]
    /// Each cell's state.
    let states: [FigureCellState]
    /// Each cell's source, as a position in the table's interned sources.
    let sources: [UInt32]
    /// Cells whose figure was reported under a former code: the code the source used.
    let reportedCodes: [Int32: String]
    /// Cells whose figure carries a remark.
    let notes: [Int32: String]
    /// Cells whose figure replaced earlier ones: those, oldest first.
    let history: [Int32: [Observation]]
    /// The years with any figure, ascending.
    let years: [Int]

    init(
        rowOfRegion: [Int32], regionOfRow: [Int32], firstYear: Int, yearCount: Int, values: [Double], states: [FigureCellState],
        sources: [UInt32], reportedCodes: [Int32: String], notes: [Int32: String], history: [Int32: [Observation]], years: [Int]
    ) {
        self.rowOfRegion = rowOfRegion
        self.regionOfRow = regionOfRow
        self.firstYear = firstYear
        self.yearCount = yearCount
        self.values = values
        self.states = states
        self.sources = sources
        self.reportedCodes = reportedCodes
        self.notes = notes
        self.history = history
        self.years = years
    }

    /// A column with no figures.
    static func empty(regionCount: Int) -> FigureColumn {
        FigureColumn(
            rowOfRegion: Array(repeating: -1, count: regionCount), regionOfRow: [], firstYear: 0, yearCount: 0,
            values: [], states: [], sources: [], reportedCodes: [:], notes: [:], history: [:], years: []
        )
    }

    /// The cell of a region position and year, or `nil` when the column has no place for it.
    func cell(region: Int, year: Int) -> Int? {
        guard region >= 0, region < rowOfRegion.count else { return nil }
        let row = Int(rowOfRegion[region])
        let offset = year - firstYear
        guard row >= 0, offset >= 0, offset < yearCount else { return nil }
        return row * yearCount + offset
    }

    /// Whether the region position has any figure, a stated missing one included.
    func hasRow(region: Int) -> Bool {
        region >= 0 && region < rowOfRegion.count && rowOfRegion[region] >= 0
    }

    /// The number of figures (cells with a state other than absent).
    var figureCount: Int { states.reduce(0) { $0 + ($1.isPresent ? 1 : 0) } }

    /// Bytes held, roughly: what a figure costs in memory.
    var byteCount: Int {
        rowOfRegion.count * 4 + regionOfRow.count * 4 + values.count * 8 + states.count + sources.count * 4
            + reportedCodes.count * 32 + notes.count * 64 + history.count * 160
    }
}
