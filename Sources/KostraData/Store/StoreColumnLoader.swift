import Synchronization

/// Reads one indicator's figures from the store as they stood at one version, on first use,
/// and lays them over the base data's figures for that indicator.
///
/// Consistent without holding a transaction open: a `series` row is current at version V when
/// it was written at or before V; a row changed after V is read as it stood from
/// `series_revision`, where the import that changed it copied it (`version` ≤ V < `replaced_in`).
/// So an import committed after the snapshot was read changes nothing here. The same copies
/// give each figure's history: the figures of the row's earlier copies, oldest first.
final class StoreColumnLoader: FigureColumnLoader {
    private let connection: Mutex<SQLiteConnection>
    private let version: Int64
    private let base: Dataset
    /// For each indicator position of the served dataset, its id in the store, or nil.
    private let storeIndicators: [Int64?]
    /// Store region id → region position.
    private let regionPositions: [Int64: Int32]
    /// Store source id → source position in the served table.
    private let sourcePositions: [Int64: UInt32]
    private let regionCount: Int
    /// Region position → store region id.
    private let storeRegionOfPosition: [Int32: Int64]
    private let indicatorIds: [String]
    private let regionCodes: [String]
    private let sources: [String]

    init(
        connection: sending SQLiteConnection, version: Int, base: Dataset, storeIndicators: [Int64?],
        regionPositions: [Int64: Int32], sourcePositions: [Int64: UInt32], indicatorIds: [String], regionCodes: [String], sources: [String]
    ) {
        self.connection = Mutex(connection)
        self.version = Int64(version)
        self.base = base
        self.storeIndicators = storeIndicators
        self.regionPositions = regionPositions
        self.sourcePositions = sourcePositions
        self.regionCount = regionCodes.count
        var storeRegionOfPosition: [Int32: Int64] = [:]
        for (id, position) in regionPositions { storeRegionOfPosition[position] = id }
        self.storeRegionOfPosition = storeRegionOfPosition
        self.indicatorIds = indicatorIds
        self.regionCodes = regionCodes
        self.sources = sources
    }

    /// A row read from the store: which region, its cells, and its versions.
    private struct StoredRow {
        var region: Int64
        var row: SeriesRow
        var version: Int64
        var replacedIn: Int64
    }

    func loadColumn(indicator position: Int) throws -> FigureColumn {
        if position >= base.indicators.count, let storeId = storeIndicators[position] {
            return try column(of: try standingRows(storeId, region: nil))
        }
        var builder = FigureColumnBuilder()
        // The base's figures first (their positions are the same here: the base's regions,
        // indicators and sources come first, in order).
        if position < base.indicators.count {
            let column = base.figures.column(position)
            for (row, region) in column.regionOfRow.enumerated() {
                for offset in 0..<column.yearCount {
                    let cell = row * column.yearCount + offset
                    guard column.states[cell].isPresent else { continue }
                    builder.set(
                        FigureColumnBuilder.Entry(
                            region: region, year: Int32(column.firstYear + offset), value: column.values[cell], state: column.states[cell],
                            source: column.sources[cell], reportedCode: column.reportedCodes[Int32(cell)], note: column.notes[Int32(cell)]
                        )
                    )
                }
            }
        }
        if let storeId = storeIndicators[position] {
            for row in try standingRows(storeId, region: nil) {
                guard let region = regionPositions[row.region] else { continue }
                for offset in row.row.values.indices where row.row.states[offset].isPresent {
                    builder.set(entry(row.row, offset, region: region))
                }
            }
        }
        return builder.build(regionCount: regionCount)
    }

    /// A column straight from the store's rows (an indicator the base data does not have): the
    /// rows are already one per region, so no figure needs a look-up.
    private func column(of rows: [StoredRow]) throws -> FigureColumn {
        var placed: [(region: Int32, row: SeriesRow)] = []
        placed.reserveCapacity(rows.count)
        var first = Int.max
        var last = Int.min
        for row in rows {
            guard let region = regionPositions[row.region], row.row.states.contains(where: \.isPresent) else { continue }
            placed.append((region, row.row))
            first = min(first, row.row.firstYear)
            last = max(last, row.row.lastYear)
        }
        guard !placed.isEmpty else { return .empty(regionCount: regionCount) }
        placed.sort { $0.region < $1.region }
        let yearCount = last - first + 1
        var rowOfRegion = [Int32](repeating: -1, count: regionCount)
        var values = [Double](repeating: 0, count: placed.count * yearCount)
        var states = [FigureCellState](repeating: .absent, count: placed.count * yearCount)
        var sources = [UInt32](repeating: 0, count: placed.count * yearCount)
        var reportedCodes: [Int32: String] = [:]
        var yearsPresent = [Bool](repeating: false, count: yearCount)
        for (number, (region, row)) in placed.enumerated() {
            rowOfRegion[Int(region)] = Int32(number)
            let base = number * yearCount + row.firstYear - first
            for offset in row.values.indices where row.states[offset].isPresent {
                values[base + offset] = row.values[offset]
                states[base + offset] = row.states[offset]
                sources[base + offset] = sourcePositions[row.sources[offset]] ?? 0
                if let code = row.reportedCodes[offset] { reportedCodes[Int32(base + offset)] = code }
                yearsPresent[row.firstYear - first + offset] = true
            }
        }
        return FigureColumn(
            rowOfRegion: rowOfRegion, regionOfRow: placed.map(\.region), firstYear: first, yearCount: yearCount,
            values: values, states: states, sources: sources, reportedCodes: reportedCodes, notes: [:], history: [:],
            years: yearsPresent.indices.filter { yearsPresent[$0] }.map { first + $0 }
        )
    }

    func history(indicator position: Int, region: Int) throws -> [Int: [Observation]] {
        var history: [Int: [Observation]] = [:]
        // The base's own history, and its figure where the store has replaced it.
        var baseFigures: [Int: FigureColumnBuilder.Entry] = [:]
        if position < base.indicators.count {
            let column = base.figures.column(position)
            if column.hasRow(region: region) {
                for offset in 0..<column.yearCount {
                    let year = column.firstYear + offset
                    guard let cell = column.cell(region: region, year: year) else { continue }
                    if let earlier = column.history[Int32(cell)] { history[year] = earlier }
                    if column.states[cell].isPresent {
                        baseFigures[year] = FigureColumnBuilder.Entry(
                            region: Int32(region), year: Int32(year), value: column.values[cell], state: column.states[cell],
                            source: column.sources[cell], reportedCode: column.reportedCodes[Int32(cell)], note: column.notes[Int32(cell)]
                        )
                    }
                }
            }
        }
        guard let storeId = storeIndicators[position], let storeRegion = storeRegionOfPosition[Int32(region)] else {
            return history
        }
        let standing = try standingRows(storeId, region: storeRegion).first
        let copies = try self.copies(storeId, region: storeRegion).filter { $0.replacedIn <= version }
        var years = Set(baseFigures.keys)
        for copy in copies { for offset in copy.row.values.indices where copy.row.states[offset].isPresent { years.insert(copy.row.firstYear + offset) } }
        for year in years {
            let current = standing.flatMap { row in row.row.cell(year).flatMap { row.row.states[$0].isPresent ? entry(row.row, $0, region: Int32(region)) : nil } }
            var figures: [FigureColumnBuilder.Entry] = []
            for copy in copies {
                guard let offset = copy.row.cell(year), copy.row.states[offset].isPresent else { continue }
                let candidate = entry(copy.row, offset, region: Int32(region))
                if let last = figures.last, SeriesRow.same(last.state, last.value, candidate.state, candidate.value) { continue }
                figures.append(candidate)
            }
            if let current {
                // Copies of the row made for another year's change repeat this year's figure.
                while let last = figures.last, SeriesRow.same(last.state, last.value, current.state, current.value) { figures.removeLast() }
            }
            // A base figure the store replaced is the oldest.
            if let base = baseFigures[year], current != nil { figures.insert(base, at: 0) }
            guard !figures.isEmpty else { continue }
            history[year, default: []] += figures.map { observation($0, indicator: position) }
        }
        return history
    }

    /// The indicator's rows (or one region's) as they stood at `version`.
    private func standingRows(_ storeId: Int64, region: Int64?) throws(StoreError) -> [StoredRow] {
        let current = try connection.withLock { connection throws(StoreError) -> [StoredRow] in
            var rows: [StoredRow] = []
            let statement = try connection.prepare(
                region == nil
                    ? "SELECT region, first_year, value, state, source, reported_code, version FROM series WHERE indicator = ?1"
                    : "SELECT region, first_year, value, state, source, reported_code, version FROM series WHERE indicator = ?1 AND region = ?2"
            )
            statement.bind(1, storeId)
            if let region { statement.bind(2, region) }
            while try statement.step() {
                rows.append(StoredRow(region: statement.int(0), row: try decode(statement, connection), version: statement.int(6), replacedIn: .max))
            }
            return rows
        }
        // Rows an import changed after `version` (committed since this snapshot was read): as
        // they stood, from their copies.
        guard current.contains(where: { $0.version > version }) else { return current }
        var copiesByRegion: [Int64: [StoredRow]] = [:]
        for copy in try copies(storeId, region: region) { copiesByRegion[copy.region, default: []].append(copy) }
        return current.compactMap { row in
            if row.version <= version { return row }
            return copiesByRegion[row.region]?.last { $0.version <= version && $0.replacedIn > version && $0.replacedIn != $0.version }
        }
    }

    /// The copies of the indicator's rows (or one region's), in the order they were made.
    private func copies(_ storeId: Int64, region: Int64?) throws(StoreError) -> [StoredRow] {
        try connection.withLock { connection throws(StoreError) -> [StoredRow] in
            var copies: [StoredRow] = []
            let statement = try connection.prepare(
                """
                SELECT region, first_year, value, state, source, reported_code, version, replaced_in FROM series_revision
                WHERE indicator = ?1 \(region == nil ? "" : "AND region = ?2") ORDER BY region, seq
                """
            )
            statement.bind(1, storeId)
            if let region { statement.bind(2, region) }
            while try statement.step() {
                copies.append(StoredRow(region: statement.int(0), row: try decode(statement, connection), version: statement.int(6), replacedIn: statement.int(7)))
            }
            return copies
        }
    }

    private func decode(_ statement: SQLiteStatement, _ connection: SQLiteConnection) throws(StoreError) -> SeriesRow {
        guard
            let row = SeriesRow.decode(
                firstYear: Int(statement.int(1)), values: statement.bytes(2), states: statement.bytes(3), sources: statement.bytes(4),
                reportedCodes: statement.isNull(5) ? nil : statement.bytes(5)
            )
        else {
            throw StoreError(path: connection.path, message: "a damaged series row (region id \(statement.int(0)))")
        }
        return row
    }

    private func entry(_ row: SeriesRow, _ offset: Int, region: Int32) -> FigureColumnBuilder.Entry {
        FigureColumnBuilder.Entry(
            region: region, year: Int32(row.firstYear + offset), value: row.states[offset].hasValue ? row.values[offset] : 0,
            state: row.states[offset], source: sourcePositions[row.sources[offset]] ?? 0, reportedCode: row.reportedCodes[offset], note: nil
        )
    }

    private static func key(_ region: Int32, _ year: Int32) -> Int64 { Int64(region) << 32 | Int64(UInt32(bitPattern: year)) }

    private func observation(_ entry: FigureColumnBuilder.Entry, indicator: Int) -> Observation {
        Observation(
            indicatorId: indicatorIds[indicator], regionCode: regionCodes[Int(entry.region)], year: Int(entry.year),
            value: entry.state.hasValue ? entry.value : nil, missing: entry.state.missing, status: entry.state.status,
            source: sources[Int(entry.source)], reportedCode: entry.reportedCode, note: entry.note
        )
    }
}
