import Synchronization

/// Reads one indicator's figures from the store as they stood at one version, on first use,
/// and lays them over the base data's figures for that indicator.
///
/// Consistent without holding a transaction open: a figure row is current at version V when it
/// was written at or before V; one replaced after V is read from `revision`, where it went with
/// `replaced_in` > V. So an import committed after the snapshot was read changes nothing here.
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
        self.indicatorIds = indicatorIds
        self.regionCodes = regionCodes
        self.sources = sources
    }

    func loadColumn(indicator position: Int) throws -> FigureColumn {
        var builder = FigureColumnBuilder()
        var baseHistory: [Int64: [Observation]] = [:]
        // The base's figures first (their positions are the same here: the base's regions,
        // indicators and sources come first, in order).
        if position < base.indicators.count {
            let column = base.figures.column(position)
            for (row, region) in column.regionOfRow.enumerated() {
                for offset in 0..<column.yearCount {
                    let cell = row * column.yearCount + offset
                    let year = Int32(column.firstYear + offset)
                    if let earlier = column.history[Int32(cell)] { baseHistory[Self.key(region, year)] = earlier }
                    guard column.states[cell].isPresent else { continue }
                    builder.set(
                        FigureColumnBuilder.Entry(
                            region: region, year: year, value: column.values[cell], state: column.states[cell], source: column.sources[cell],
                            reportedCode: column.reportedCodes[Int32(cell)], note: column.notes[Int32(cell)]
                        )
                    )
                }
            }
        }
        guard let storeId = storeIndicators[position] else {
            for (key, earlier) in baseHistory {
                builder.prependHistory(region: Int32(key >> 32), year: Int32(truncatingIfNeeded: key), earlier)
            }
            return builder.build(regionCount: regionCount)
        }
        try connection.withLock { connection throws(StoreError) in
            let current = try connection.prepare(
                """
                SELECT region, year, value, missing, status, source, reported_code FROM figure
                WHERE indicator = ?1 AND version <= ?2
                UNION ALL
                SELECT region, year, value, missing, status, source, reported_code FROM revision
                WHERE indicator = ?1 AND version <= ?2 AND replaced_in > ?2 AND replaced_in != version
                """
            )
            current.bind(1, storeId)
            current.bind(2, version)
            while try current.step() {
                guard let region = regionPositions[current.int(0)] else { continue }
                let year = Int32(current.int(1))
                let missing = current.isNull(3) ? nil : StoreSchema.missing(current.int(3))
                let entry = FigureColumnBuilder.Entry(
                    region: region, year: year, value: missing == nil ? current.double(2) : 0,
                    state: FigureCellState(missing: missing, status: StoreSchema.status(current.int(4))),
                    source: sourcePositions[current.int(5)] ?? 0, reportedCode: current.optionalText(6), note: nil
                )
                if let replaced = builder.set(entry) {
                    // A base figure an import replaced: the oldest of the figure's history.
                    let key = Self.key(region, year)
                    baseHistory[key, default: []].append(observation(replaced, indicator: position))
                }
            }
            for (key, earlier) in baseHistory {
                builder.prependHistory(region: Int32(key >> 32), year: Int32(truncatingIfNeeded: key), earlier)
            }
            let revisions = try connection.prepare(
                """
                SELECT region, year, value, missing, status, source, reported_code FROM revision
                WHERE indicator = ?1 AND replaced_in <= ?2 ORDER BY rowid
                """
            )
            revisions.bind(1, storeId)
            revisions.bind(2, version)
            while try revisions.step() {
                guard let region = regionPositions[revisions.int(0)] else { continue }
                let year = Int(revisions.int(1))
                let missing = revisions.isNull(3) ? nil : StoreSchema.missing(revisions.int(3))
                let observation = Observation(
                    indicatorId: indicatorIds[position], regionCode: regionCodes[Int(region)], year: year,
                    value: missing == nil ? revisions.double(2) : nil, missing: missing, status: StoreSchema.status(revisions.int(4)),
                    source: sources[Int(sourcePositions[revisions.int(5)] ?? 0)], reportedCode: revisions.optionalText(6)
                )
                builder.addHistory(region: region, year: Int32(year), observation)
            }
        }
        return builder.build(regionCount: regionCount)
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
