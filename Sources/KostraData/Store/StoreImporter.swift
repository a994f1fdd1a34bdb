/// Writes one import into the store, inside the transaction `DataStore.importFiles` holds: the
/// regions, indicators and sources it adds, then every cell as a figure.
///
/// A cell is one `INSERT ... ON CONFLICT DO UPDATE`: a new figure is inserted; a figure of an
/// earlier version is replaced (the trigger `figure_revised` keeps the old one in `revision`)
/// unless it is the same or a preliminary figure would replace a final one. Only the rare cell
/// the statement leaves alone is looked at again here: a late preliminary figure (kept as
/// history), or a second cell of this import for the same figure (a municipality under its old
/// and new number: a value wins over a missing cell, equal values are one figure, different
/// values are refused).
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
    private let upsert: SQLiteStatement
    private let existing: SQLiteStatement
    private let update: SQLiteStatement
    private let keepAsRevision: SQLiteStatement

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
        upsert = try connection.prepare(
            """
            INSERT INTO figure (indicator, region, year, value, missing, status, source, reported_code, version)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (indicator, region, year) DO UPDATE SET
                value = excluded.value, missing = excluded.missing, status = excluded.status, source = excluded.source,
                reported_code = excluded.reported_code, version = excluded.version
            WHERE figure.version < excluded.version
                AND NOT (figure.status = 2 AND excluded.status = 1)
                AND NOT (figure.value IS excluded.value AND figure.missing IS excluded.missing AND figure.status = excluded.status)
            """
        )
        existing = try connection.prepare(
            "SELECT value, missing, status, version, reported_code FROM figure WHERE indicator = ?1 AND region = ?2 AND year = ?3"
        )
        update = try connection.prepare(
            """
            UPDATE figure SET value = ?4, missing = ?5, status = ?6, source = ?7, reported_code = ?8
            WHERE indicator = ?1 AND region = ?2 AND year = ?3
            """
        )
        keepAsRevision = try connection.prepare(
            "INSERT INTO revision VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"
        )
    }

    /// Reads, maps and writes one file.
    mutating func add(_ file: ImportFile) throws {
        let format = ImportFormat.detect(file.bytes)
        let table = try format.read(file.bytes, fileName: file.fileName)
        let status = self.status ?? table.status ?? .asPublished
        statuses.insert(status)
        let statusCode = StoreSchema.code(status)
        let source = try sourceId(Self.sourceText(table: table, fileName: file.fileName, version: version, importedAt: importedAt, status: status))

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

        // Every cell.
        var yearsSeen = Set<Int32>()
        for entry in table.entries {
            let region = regions[Int(entry.region)]
            let content = contents[Int(entry.content)]
            let value = entry.missing == nil ? entry.value * content.multiplier / content.divisor : nil
            let missing = StoreSchema.code(entry.missing)
            upsert.bind(1, content.id)
            upsert.bind(2, region.id)
            upsert.bind(3, Int64(entry.year))
            upsert.bind(4, value)
            upsert.bind(5, missing)
            upsert.bind(6, statusCode)
            upsert.bind(7, source)
            upsert.bind(8, region.reported)
            upsert.bind(9, Int64(version))
            try upsert.run()
            yearsSeen.insert(entry.year)
            if connection.changes > 0 {
                figures += 1
                continue
            }
            try settle(entry, table: table, fileName: file.fileName, region: region, content: content, value: value, missing: missing, status: statusCode, source: source)
        }
        years.formUnion(yearsSeen.map(Int.init))
        files.append(StoreVersion.SourceFile(fileName: file.fileName, format: format, cells: table.entries.count, bytes: file.bytes.count))
    }

    /// A cell the upsert left alone: the same figure, a late preliminary one, or a second cell
    /// of this import for the figure.
    private mutating func settle(
        _ entry: SSBTable.Entry, table: SSBTable, fileName: String, region: (id: Int64, code: String, reported: String?),
        content: (id: Int64, multiplier: Double, divisor: Double, indicator: String), value: Double?, missing: Int64?, status: Int64, source: Int64
    ) throws {
        existing.reset()
        existing.bind(1, content.id)
        existing.bind(2, region.id)
        existing.bind(3, Int64(entry.year))
        guard try existing.step() else { return }
        let oldValue = existing.isNull(0) ? nil : existing.double(0)
        let oldMissing = existing.isNull(1) ? nil : existing.int(1)
        let oldStatus = existing.int(2)
        let oldVersion = existing.int(3)
        let oldReported = existing.optionalText(4)
        existing.reset()
        let same = oldValue == value && oldMissing == missing && oldStatus == status
        if oldVersion < Int64(version) {
            // Not replaced: the same figure, or a preliminary one after the final (history).
            guard !same else { return }
            keepAsRevision.bind(1, content.id)
            keepAsRevision.bind(2, region.id)
            keepAsRevision.bind(3, Int64(entry.year))
            keepAsRevision.bind(4, value)
            keepAsRevision.bind(5, missing)
            keepAsRevision.bind(6, status)
            keepAsRevision.bind(7, source)
            keepAsRevision.bind(8, region.reported)
            keepAsRevision.bind(9, Int64(version))
            try keepAsRevision.run()
            figures += 1
            return
        }
        // A second cell of this import for the same figure.
        let replace: Bool
        switch (oldValue, value) {
        case (nil, _?): replace = true
        case (_?, nil): replace = false
        case (nil, nil): replace = oldReported != nil && region.reported == nil
        case (let a?, let b?):
            guard a == b else {
                let place = "\(fileName): \(table.place(of: entry))"
                let first = table.entries.first { other in
                    other.content == entry.content && other.year == entry.year && other.place < entry.place && other.missing == nil
                        && table.regions[Int(other.region)].code != table.regions[Int(entry.region)].code
                }
                let firstPlace = first.map { "\(fileName): \(table.place(of: $0))" } ?? "an earlier file of this import"
                throw DatasetError(
                    code: .duplicate,
                    path: place,
                    message: "\(b) for \(content.indicator), region \(region.code) (as \(table.regions[Int(entry.region)].code)), \(entry.year), where \(firstPlace) gives \(a)"
                )
            }
            replace = oldReported != nil && region.reported == nil
        }
        guard replace else { return }
        update.bind(1, content.id)
        update.bind(2, region.id)
        update.bind(3, Int64(entry.year))
        update.bind(4, value)
        update.bind(5, missing)
        update.bind(6, status)
        update.bind(7, source)
        update.bind(8, region.reported)
        try update.run()
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
