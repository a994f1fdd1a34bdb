/// Gathers one indicator's figures in any order, then lays them out as a `FigureColumn`.
///
/// A figure set for a cell that has one already replaces it; the replaced one goes to the
/// cell's history when `keepReplaced` says so (the built-in figure an import revises).
struct FigureColumnBuilder {
    /// One figure, by positions.
    struct Entry {
        var region: Int32
        var year: Int32
        var value: Double
        var state: FigureCellState
        var source: UInt32
        var reportedCode: String?
        var note: String?
    }

    private var entries: [Entry] = []
    private var positions: [Int64: Int] = [:]
    private var history: [Int64: [Observation]] = [:]

    /// An empty builder.
    init() {}

    private static func key(region: Int32, year: Int32) -> Int64 { Int64(region) << 32 | Int64(UInt32(bitPattern: year)) }

    /// Whether a figure is set for the cell.
    func contains(region: Int32, year: Int32) -> Bool { positions[Self.key(region: region, year: year)] != nil }

    /// The figure set for a cell, if any.
    func entry(region: Int32, year: Int32) -> Entry? {
        positions[Self.key(region: region, year: year)].map { entries[$0] }
    }

    /// Sets a cell's figure; returns the one it replaced, if any.
    @discardableResult
    mutating func set(_ entry: Entry) -> Entry? {
        let key = Self.key(region: entry.region, year: entry.year)
        if let position = positions[key] {
            let replaced = entries[position]
            entries[position] = entry
            return replaced
        }
        positions[key] = entries.count
        entries.append(entry)
        return nil
    }

    /// Adds an earlier figure to a cell's history (after the ones there).
    mutating func addHistory(region: Int32, year: Int32, _ observation: Observation) {
        history[Self.key(region: region, year: year), default: []].append(observation)
    }

    /// Puts earlier figures before a cell's history.
    mutating func prependHistory(region: Int32, year: Int32, _ observations: [Observation]) {
        guard !observations.isEmpty else { return }
        let key = Self.key(region: region, year: year)
        history[key] = observations + (history[key] ?? [])
    }

    /// The column, for a dataset of `regionCount` regions.
    func build(regionCount: Int) -> FigureColumn {
        guard !entries.isEmpty || !history.isEmpty else { return .empty(regionCount: regionCount) }
        var minYear = Int.max
        var maxYear = Int.min
        var regionSet = Set<Int32>()
        var yearSet = Set<Int>()
        for entry in entries {
            minYear = min(minYear, Int(entry.year))
            maxYear = max(maxYear, Int(entry.year))
            regionSet.insert(entry.region)
            yearSet.insert(Int(entry.year))
        }
        for key in history.keys {
            let year = Int(Int32(truncatingIfNeeded: key))
            minYear = min(minYear, year)
            maxYear = max(maxYear, year)
            regionSet.insert(Int32(key >> 32))
        }
        let regionOfRow = regionSet.sorted()
        var rowOfRegion = [Int32](repeating: -1, count: regionCount)
        for (row, region) in regionOfRow.enumerated() where Int(region) < regionCount { rowOfRegion[Int(region)] = Int32(row) }
        let yearCount = maxYear - minYear + 1
        let cellCount = regionOfRow.count * yearCount
        var values = [Double](repeating: 0, count: cellCount)
        var states = [FigureCellState](repeating: .absent, count: cellCount)
        var sources = [UInt32](repeating: 0, count: cellCount)
        var reportedCodes: [Int32: String] = [:]
        var notes: [Int32: String] = [:]
        for entry in entries {
            let cell = Int(rowOfRegion[Int(entry.region)]) * yearCount + Int(entry.year) - minYear
            values[cell] = entry.value
            states[cell] = entry.state
            sources[cell] = entry.source
            if let code = entry.reportedCode { reportedCodes[Int32(cell)] = code }
            if let note = entry.note { notes[Int32(cell)] = note }
        }
        var cellHistory: [Int32: [Observation]] = [:]
        for (key, observations) in history {
            let cell = Int(rowOfRegion[Int(key >> 32)]) * yearCount + Int(Int32(truncatingIfNeeded: key)) - minYear
            cellHistory[Int32(cell)] = observations
        }
        return FigureColumn(
            rowOfRegion: rowOfRegion, regionOfRow: regionOfRow, firstYear: minYear, yearCount: yearCount,
            values: values, states: states, sources: sources, reportedCodes: reportedCodes, notes: notes,
            history: cellHistory, years: yearSet.sorted()
        )
    }
}
