import Synchronization

/// Every figure of a dataset, one `FigureColumn` per indicator (by the indicator's position),
/// with the sources interned once.
///
/// Columns are made up front (data given in code or a file) or, for a data directory, read on
/// first use through a `FigureColumnLoader` and kept. Either way a column never changes once
/// made, so a lookup takes a lock only to find the column.
final class FigureTable: Sendable {
    /// How many regions the dataset has (the length of each column's `rowOfRegion`).
    let regionCount: Int
    /// Every figure's source text, each once.
    let sources: [String]
    private let columns: Mutex<[FigureColumn?]>
    private let loader: (any FigureColumnLoader)?
    private let failures = Mutex<[String]>([])

    /// A table of columns made up front.
    init(columns: [FigureColumn], sources: [String], regionCount: Int) {
        self.regionCount = regionCount
        self.sources = sources
        self.columns = Mutex(columns.map { Optional($0) })
        self.loader = nil
    }

    /// A table whose columns `loader` makes on first use; `preloaded` holds any made already.
    init(indicatorCount: Int, sources: [String], regionCount: Int, loader: any FigureColumnLoader) {
        self.regionCount = regionCount
        self.sources = sources
        self.columns = Mutex(Array(repeating: nil, count: indicatorCount))
        self.loader = loader
    }

    /// The column of the indicator at `position`. A column that cannot be read is served empty,
    /// and the failure is kept for `loadFailures`.
    func column(_ position: Int) -> FigureColumn {
        if let column = columns.withLock({ $0[position] }) { return column }
        let loaded: FigureColumn
        do {
            loaded = try loader?.loadColumn(indicator: position) ?? .empty(regionCount: regionCount)
        } catch {
            failures.withLock { $0.append("\(error)") }
            loaded = .empty(regionCount: regionCount)
        }
        return columns.withLock { columns in
            if let first = columns[position] { return first }
            columns[position] = loaded
            return loaded
        }
    }

    /// The figures later ones replaced, of one indicator and region (positions), by year.
    func history(indicator: Int, region: Int) -> [Int: [Observation]] {
        if let loader {
            do {
                return try loader.history(indicator: indicator, region: region)
            } catch {
                failures.withLock { $0.append("\(error)") }
                return [:]
            }
        }
        let column = self.column(indicator)
        guard column.hasRow(region: region) else { return [:] }
        var result: [Int: [Observation]] = [:]
        for offset in 0..<column.yearCount {
            let year = column.firstYear + offset
            if let cell = column.cell(region: region, year: year), let earlier = column.history[Int32(cell)] { result[year] = earlier }
        }
        return result
    }

    /// The columns read so far (for memory accounting), in indicator order.
    var loadedColumns: [FigureColumn] { columns.withLock { $0.compactMap { $0 } } }

    /// Whether every column is made (a table made up front, or one read whole).
    var isComplete: Bool { columns.withLock { $0.allSatisfy { $0 != nil } } }

    /// Why columns could not be read, if any could not.
    var loadFailures: [String] { failures.withLock { $0 } }
}
