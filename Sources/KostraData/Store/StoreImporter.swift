/// Writes one import into the store, inside the transaction `DataStore.importFiles` holds: the
/// regions, indicators and sources it adds, then the figures, a `series` row per indicator and
/// region.
///
/// A file's cells are first gathered by row (two cells for one figure in one file — a
/// municipality under its old and new number — are settled here: a value wins over a missing
/// cell, equal values are one figure, different values are refused with both places). A row the
/// store does not have is inserted as it is. A row it has is merged cell by cell: a figure of an
/// earlier version is replaced unless it is the same or a preliminary figure would replace a
/// final one (that one is kept as history); the row as it stood is first copied to
/// `series_revision`. A figure an earlier file of this import wrote is settled as above.
struct StoreImporter {
    let connection: SQLiteConnection
    let version: Int
    let status: FigureStatus?
    let importedAt: String
    private var mapper: ImportMapper
    private var regionIds: [String: Int64] = [:]
    private var indicatorIds: [String: Int64] = [:]
    private var files: [StoreVersion.SourceFile] = []
    private var statuses: Set<FigureStatus> = []
    private var years: Set<Int> = []
    private var figures = 0
    /// Every source this import adds has an id from this one on (SQLite gives a new row the
    /// largest id plus one), so a figure with such a source was written by this import.
    private var firstImportSource = Int64.max
    /// The `value` text of the row being written, its storage reused row after row.
    private var valueText: [UInt8] = []
    private let insertRow: SQLiteStatement
    private let selectIndicator: SQLiteStatement
    private var scannedIndicator: Int64 = -1
    private var scanned: [Int64: StoredText] = [:]
    private let updateRow: SQLiteStatement
    private let insertRevision: SQLiteStatement
    /// The order copies are made in (a row's history is read in it), continued across imports.
    private var seq: Int64 = 0

    /// A file's cells of one row, before they are written.
    private struct PendingRow {
        var indicator: Int64
        var region: Int64
        var indicatorKey: String
        var regionCode: String
        var cells: [PendingCell] = []
    }

    /// One cell of a `PendingRow`.
    private struct PendingCell {
        var year: Int32
        var value: Double?
        var missing: MissingReason?
        var reported: String?
        var entry: Int32
    }

    init(connection: SQLiteConnection, catalogue: Dataset, history: CodeHistory, version: Int, status: FigureStatus?, importedAt: String) throws {
        self.connection = connection
        self.version = version
        self.status = status
        self.importedAt = importedAt
        self.mapper = ImportMapper(catalogue: catalogue, history: history)
        let regions = try connection.prepare("SELECT code, id FROM region")
        while try regions.step() { regionIds[regions.text(0)] = regions.int(1) }
        let indicators = try connection.prepare("SELECT key, id FROM indicator")
        while try indicators.step() { indicatorIds[indicators.text(0)] = indicators.int(1) }
        insertRow = try connection.prepare(
            """
            INSERT INTO series (indicator, region, first_year, value, state, source, reported_code, version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """
        )
        selectIndicator = try connection.prepare(
            "SELECT region, first_year, value, state, source, reported_code, version FROM series WHERE indicator = ?1"
        )
        updateRow = try connection.prepare(
            """
            UPDATE series SET first_year = ?3, value = ?4, state = ?5, source = ?6, reported_code = ?7, version = ?8
            WHERE indicator = ?1 AND region = ?2
            """
        )
        seq = try connection.scalarInt("SELECT max(seq) FROM series_revision") ?? 0
        insertRevision = try connection.prepare(
            """
            INSERT INTO series_revision (indicator, region, first_year, value, state, source, reported_code, version, replaced_in, seq)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """
        )
    }

    /// Maps and writes one file, read as `table`.
    mutating func add(_ file: ImportFile, format: ImportFormat, table: SSBTable) throws {
        let status = self.status ?? table.status ?? .asPublished
        statuses.insert(status)
        let source = try sourceId(Self.sourceText(table: table, fileName: file.fileName, version: version, importedAt: importedAt, status: status))
        firstImportSource = min(firstImportSource, source)

        // Each region and content once.
        var firstPlace = [Int](repeating: -1, count: table.regions.count)
        var firstContent = [Int](repeating: -1, count: table.contents.count)
        for (index, entry) in table.entries.enumerated() {
            if firstPlace[Int(entry.region)] < 0 { firstPlace[Int(entry.region)] = index }
            if firstContent[Int(entry.content)] < 0 { firstContent[Int(entry.content)] = index }
        }
        var regions: [(id: Int64, code: String, reported: String?)] = []
        for (position, region) in table.regions.enumerated() {
            let place = firstPlace[position] >= 0 ? "\(file.fileName): \(table.place(of: table.entries[firstPlace[position]]))" : file.fileName
            let mapping = try mapper.map(region: region, place: place)
            regions.append((try regionId(mapping.code), mapping.code, mapping.reportedCode))
        }
        var contents: [(id: Int64, multiplier: Double, divisor: Double, indicator: String)] = []
        for (position, content) in table.contents.enumerated() {
            let place = firstContent[position] >= 0 ? "\(file.fileName): \(table.place(of: table.entries[firstContent[position]]))" : file.fileName
            let mapping = try mapper.map(content: content, table: table, place: place)
            contents.append((try indicatorId(mapping.indicator), mapping.multiplier, mapping.divisor, mapping.indicator.id))
        }

        // The cells, by row; two cells of the file for one figure settled with both places.
        var rows: [PendingRow] = []
        var rowOfKey: [Int64: Int] = [:]
        var lastKey: Int64 = -1
        var lastRow = -1
        var yearsSeen = Set<Int32>()
        for (index, entry) in table.entries.enumerated() {
            let region = regions[Int(entry.region)]
            let content = contents[Int(entry.content)]
            let key = content.id << 32 | region.id
            let row: Int
            if key == lastKey {
                row = lastRow
            } else if let known = rowOfKey[key] {
                row = known
            } else {
                row = rows.count
                rows.append(PendingRow(indicator: content.id, region: region.id, indicatorKey: content.indicator, regionCode: region.code))
                rowOfKey[key] = row
            }
            lastKey = key
            lastRow = row
            yearsSeen.insert(entry.year)
            let value = entry.missing == nil ? entry.value * content.multiplier / content.divisor : nil
            let cell = PendingCell(year: entry.year, value: value, missing: entry.missing, reported: region.reported, entry: Int32(index))
            guard let same = rows[row].cells.firstIndex(where: { $0.year == entry.year }) else {
                rows[row].cells.append(cell)
                continue
            }
            let first = rows[row].cells[same]
            switch (first.value, value) {
            case (nil, _?):
                rows[row].cells[same] = cell
            case (_?, nil):
                break
            case (nil, nil):
                if first.reported != nil, region.reported == nil { rows[row].cells[same] = cell }
            case (let a?, let b?):
                guard a == b else {
                    throw DatasetError(
                        code: .duplicate,
                        path: "\(file.fileName): \(table.place(of: entry))",
                        message: "\(b) for \(content.indicator), region \(region.code) (as \(table.regions[Int(entry.region)].code)), \(entry.year), where \(file.fileName): \(table.place(of: table.entries[Int(first.entry)])) gives \(a)"
                    )
                }
                if first.reported != nil, region.reported == nil { rows[row].cells[same] = cell }
            }
        }
        years.formUnion(yearsSeen.map(Int.init))

        // Each row written, in the table's key order (indicator, region), so that the B-tree is
        // walked forwards rather than at random: inserted when new, else merged.
        rows.sort { ($0.indicator, $0.region) < ($1.indicator, $1.region) }
        let state = { (missing: MissingReason?) in FigureCellState(missing: missing, status: status) }
        for pending in rows {
            var first = Int32.max
            var last = Int32.min
            for cell in pending.cells {
                first = min(first, cell.year)
                last = max(last, cell.year)
            }
            var row = SeriesRow(years: Int(first)...Int(last))
            for cell in pending.cells {
                let offset = Int(cell.year) - row.firstYear
                row.values[offset] = cell.value ?? 0
                row.states[offset] = state(cell.missing)
                row.sources[offset] = source
                row.reportedCodes[offset] = cell.reported
            }
            if let old = try stored(pending) {
                try merge(pending, row, old: old, fileName: file.fileName)
                continue
            }
            try bind(insertRow, pending, row, version: Int64(version))
            try insertRow.run()
            figures += pending.cells.count
        }
        scannedIndicator = -1
        files.append(StoreVersion.SourceFile(fileName: file.fileName, format: format, cells: table.entries.count, bytes: file.bytes.count))
    }

    /// A row as the store holds it, its text not yet decoded.
    private struct StoredText {
        var firstYear: Int64
        var values: [UInt8]
        var states: [UInt8]
        var sources: [UInt8]
        var reported: [UInt8]?
        var version: Int64
    }

    /// The row the store has for `pending`, if any: read with all of its indicator's rows in
    /// one pass over the table (a file's rows come in key order), not one look-up each.
    private mutating func stored(_ pending: PendingRow) throws(StoreError) -> StoredText? {
        if pending.indicator != scannedIndicator {
            scanned.removeAll(keepingCapacity: true)
            selectIndicator.reset()
            selectIndicator.bind(1, pending.indicator)
            while try selectIndicator.step() {
                scanned[selectIndicator.int(0)] = StoredText(
                    firstYear: selectIndicator.int(1), values: selectIndicator.bytes(2), states: selectIndicator.bytes(3),
                    sources: selectIndicator.bytes(4), reported: selectIndicator.isNull(5) ? nil : selectIndicator.bytes(5),
                    version: selectIndicator.int(6)
                )
            }
            selectIndicator.reset()
            scannedIndicator = pending.indicator
        }
        return scanned[pending.region]
    }

    /// Merges a file's row into the row the store has (see the type's description).
    private mutating func merge(_ pending: PendingRow, _ incoming: SeriesRow, old oldText: StoredText, fileName: String) throws {
        let oldVersion = oldText.version
        let oldFirstYear = oldText.firstYear
        guard
            let old = SeriesRow.decode(
                firstYear: Int(oldFirstYear), values: oldText.values, states: oldText.states, sources: oldText.sources, reportedCodes: oldText.reported
            )
        else {
            throw StoreError(path: connection.path, message: "the series row of \(pending.indicatorKey), region \(pending.regionCode) is damaged")
        }
        var row = old
        var late: SeriesRow?
        var changed = false
        for offset in incoming.values.indices where incoming.states[offset].isPresent {
            let year = incoming.firstYear + offset
            row.cover(year)
            let target = year - row.firstYear
            let existing = row.states[target]
            let value = incoming.values[offset]
            let state = incoming.states[offset]
            var replace = false
            if !existing.isPresent {
                replace = true
            } else if row.sources[target] >= firstImportSource {
                // An earlier file of this import wrote it.
                switch (existing.hasValue, state.hasValue) {
                case (false, true): replace = true
                case (true, false): replace = false
                case (false, false): replace = row.reportedCodes[target] != nil && incoming.reportedCodes[offset] == nil
                case (true, true):
                    guard row.values[target] == value else {
                        throw DatasetError(
                            code: .duplicate,
                            path: fileName,
                            message: "\(value) for \(pending.indicatorKey), region \(pending.regionCode), \(year), where an earlier file of this import gives \(row.values[target])"
                        )
                    }
                    replace = row.reportedCodes[target] != nil && incoming.reportedCodes[offset] == nil
                }
            } else if SeriesRow.same(existing, row.values[target], state, value) {
                replace = false
            } else if existing.status == .final, state.status == .preliminary {
                // A late preliminary figure never hides the final one: kept as history.
                if late == nil { late = .empty }
                late!.cover(year)
                let cell = year - late!.firstYear
                late!.values[cell] = value
                late!.states[cell] = state
                late!.sources[cell] = incoming.sources[offset]
                late!.reportedCodes[cell] = incoming.reportedCodes[offset]
                figures += 1
            } else {
                replace = true
            }
            if replace {
                row.values[target] = value
                row.states[target] = state
                row.sources[target] = incoming.sources[offset]
                row.reportedCodes[target] = incoming.reportedCodes[offset]
                changed = true
                figures += 1
            }
        }
        if let late {
            try bind(insertRevision, pending, late, version: Int64(version))
            insertRevision.bind(9, Int64(version))
            insertRevision.bind(10, nextSeq())
            try insertRevision.run()
        }
        guard changed else { return }
        if oldVersion < Int64(version) {
            // The row as it stood, once per import: the data as of earlier versions, and history.
            insertRevision.bind(1, pending.indicator)
            insertRevision.bind(2, pending.region)
            insertRevision.bind(3, oldFirstYear)
            insertRevision.bind(4, text: oldText.values)
            insertRevision.bind(5, text: oldText.states)
            insertRevision.bind(6, text: oldText.sources)
            insertRevision.bind(7, text: oldText.reported)
            insertRevision.bind(8, oldVersion)
            insertRevision.bind(9, Int64(version))
            insertRevision.bind(10, nextSeq())
            try insertRevision.run()
        }
        try bind(updateRow, pending, row, version: Int64(version))
        try updateRow.run()
    }

    private mutating func bind(_ statement: SQLiteStatement, _ pending: PendingRow, _ row: SeriesRow, version: Int64) throws(StoreError) {
        statement.bind(1, pending.indicator)
        statement.bind(2, pending.region)
        statement.bind(3, row.firstYear)
        row.encodeValues(into: &valueText)
        statement.bind(4, text: valueText)
        statement.bind(5, text: row.encodedStates())
        statement.bind(6, text: row.encodedSources())
        statement.bind(7, text: row.encodedReportedCodes())
        statement.bind(8, version)
    }

    /// Records a classification: each group's members (as current codes) and the rules for
    /// imported indicators. A member the data does not know as a municipality is refused.
    mutating func add(groups: GroupsFile, fileName: String) throws {
        let members = try connection.prepare("INSERT OR REPLACE INTO membership (group_code, version, members) VALUES (?1, ?2, ?3)")
        for (position, group) in groups.groups.enumerated() {
            let place = "\(fileName): groups.\(group.code)"
            let code = try mapper.map(region: SSBTable.Region(code: group.code, label: group.label ?? group.code), place: place).code
            let region = mapper.catalogue.region(code: code) ?? mapper.newRegions.first { $0.code == code }
            guard let region, region.kind != .municipality else {
                throw DatasetError(code: .invalidValue, path: place, message: "\"\(group.code)\" is a municipality, not a group")
            }
            _ = try regionId(code)
            var current: [String] = []
            for (offset, member) in group.members.enumerated() {
                let renumbered = mapper.catalogue.currentCode(for: member) ?? mapper.catalogue.currentCode(for: mapper.history.current(member))
                    ?? mapper.newRegions.first { $0.code == mapper.history.current(member) }?.code
                let known = renumbered.flatMap { code in mapper.catalogue.region(code: code) ?? mapper.newRegions.first { $0.code == code } }
                guard let renumbered, known?.kind == .municipality else {
                    throw DatasetError(
                        code: .unknownRegion, path: "\(place).members[\(offset)]",
                        message: "\"\(member)\" is no municipality the data has; import the figures first, or with the same command"
                    )
                }
                if !current.contains(renumbered) { current.append(renumbered) }
            }
            members.bind(1, code)
            members.bind(2, version)
            members.bind(3, "[" + current.map { "\"\($0)\"" }.joined(separator: ",") + "]")
            try members.run()
            _ = position
        }
        let rules = try connection.prepare(
            "INSERT OR REPLACE INTO indicator_rule (content_code, version, aggregation, weight_content_code, direction) VALUES (?1, ?2, ?3, ?4, ?5)"
        )
        for rule in groups.indicators {
            rules.bind(1, rule.contentCode)
            rules.bind(2, version)
            rules.bind(3, rule.aggregation?.rawValue)
            rules.bind(4, rule.weightContentCode)
            rules.bind(5, rule.direction?.rawValue)
            try rules.run()
        }
        files.append(StoreVersion.SourceFile(fileName: fileName, format: .groups, cells: groups.groups.count + groups.indicators.count, bytes: 0))
    }

    private mutating func nextSeq() -> Int64 {
        seq += 1
        return seq
    }

    /// Records the version and its files.
    func finish() throws {
        let status = self.status ?? (statuses.count == 1 ? statuses.first! : .asPublished)
        let insert = try connection.prepare("INSERT INTO version (number, imported_at, status, figures, years) VALUES (?1, ?2, ?3, ?4, ?5)")
        insert.bind(1, version)
        insert.bind(2, importedAt)
        insert.bind(3, status.rawValue)
        insert.bind(4, figures)
        insert.bind(5, years.sorted().map(String.init).joined(separator: ","))
        try insert.run()
        let file = try connection.prepare("INSERT INTO source_file VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        for (position, source) in files.enumerated() {
            file.bind(1, version)
            file.bind(2, position + 1)
            file.bind(3, source.fileName)
            file.bind(4, source.format.rawValue)
            file.bind(5, source.cells)
            file.bind(6, source.bytes)
            try file.run()
        }
    }

    /// "SSB tabell 12255 «title», fil 12255.json, import v2 <time> (final)".
    static func sourceText(table: SSBTable, fileName: String, version: Int, importedAt: String, status: FigureStatus) -> String {
        let tableName = table.tableId.map { "SSB tabell \($0)" } ?? "SSB"
        // SSB's titles begin with the table number ("12255: Utvalgte ..."): say it once.
        let title = table.title.map { title in
            let prefix = table.tableId.map { "\($0): " } ?? ""
            return " «\(title.hasPrefix(prefix) ? String(title.dropFirst(prefix.count)) : title)»"
        } ?? ""
        return "\(tableName)\(title), fil \(fileName), import v\(version) \(importedAt) (\(status.rawValue))"
    }

    private func sourceId(_ text: String) throws(StoreError) -> Int64 {
        let insert = try connection.prepare("INSERT OR IGNORE INTO source (text, version) VALUES (?1, ?2)")
        insert.bind(1, text)
        insert.bind(2, version)
        try insert.run()
        let select = try connection.prepare("SELECT id FROM source WHERE text = ?1")
        select.bind(1, text)
        _ = try select.step()
        return select.int(0)
    }

    private mutating func regionId(_ code: String) throws(StoreError) -> Int64 {
        if let id = regionIds[code] { return id }
        let region = mapper.catalogue.region(code: code) ?? mapper.newRegions.first { $0.code == code }!
        let insert = try connection.prepare("INSERT INTO region (code, name, kind, version) VALUES (?1, ?2, ?3, ?4)")
        insert.bind(1, region.code)
        insert.bind(2, region.name)
        insert.bind(3, region.kind.rawValue)
        insert.bind(4, version)
        try insert.run()
        let id = try connection.scalarInt("SELECT last_insert_rowid()") ?? 0
        let former = try connection.prepare("INSERT OR IGNORE INTO former_code VALUES (?1, ?2, ?3)")
        for code in region.formerCodes {
            former.bind(1, code.code)
            former.bind(2, id)
            former.bind(3, code.lastYear)
            try former.run()
        }
        regionIds[code] = id
        return id
    }

    private mutating func indicatorId(_ indicator: Indicator) throws(StoreError) -> Int64 {
        if let id = indicatorIds[indicator.id] { return id }
        let insert = try connection.prepare(
            """
            INSERT INTO indicator (key, name_nb, name_en, unit, direction, aggregation, ssb_content_code, ssb_table, service,
                decimals, description, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """
        )
        insert.bind(1, indicator.id)
        insert.bind(2, indicator.nameNb)
        insert.bind(3, indicator.nameEn)
        insert.bind(4, indicator.unit.rawValue)
        insert.bind(5, indicator.direction.rawValue)
        insert.bind(6, indicator.aggregation.rawValue)
        insert.bind(7, indicator.ssbContentCode)
        insert.bind(8, indicator.ssbTable)
        insert.bind(9, indicator.service)
        insert.bind(10, indicator.decimals)
        insert.bind(11, indicator.description)
        insert.bind(12, version)
        try insert.run()
        let id = try connection.scalarInt("SELECT last_insert_rowid()") ?? 0
        indicatorIds[indicator.id] = id
        return id
    }
}
