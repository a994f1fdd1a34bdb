/// A data directory: one SQLite database, `DIR/kostra.sqlite`, that holds every import as a
/// version, the figures as they now stand, and every figure a later one replaced.
///
/// An import is one SQLite transaction: nothing of it is visible until it commits, and a crash
/// at any point leaves the previous version whole (SQLite's atomic commit, rollback journal,
/// full sync). A server reads the file read-only and writes nothing to the directory, so
/// replicas can share it mounted read-only; it reads the catalogue at once and each
/// indicator's figures when first asked for (`StoreColumnLoader`), as they stood at the version
/// it read. docs/data.md, "The data directory", describes the tables.
public struct DataStore: Sendable {
    /// The directory.
    public let directory: String
    /// The data the versions add to: the built-in data by default.
    public let base: Dataset
    /// The renumberings: the built-in history by default.
    public let history: CodeHistory
    /// Called at each step of an import; a test throws from it to simulate a crash.
    public var faultInjection: (@Sendable (StoreStep) throws -> Void)?

    /// A store in `directory`, over `base` (the built-in data when `nil`).
    public init(directory: String, base: Dataset? = nil, history: CodeHistory? = nil) throws(DatasetError) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if let base { self.base = base } else { self.base = try Dataset.builtIn() }
        if let history { self.history = history } else { self.history = try CodeHistory.builtIn() }
    }

    /// The database file.
    public var databasePath: String { "\(directory)/\(StoreSchema.fileName)" }

    /// Throws when the directory does not exist, saying how one is made.
    private func requireDirectory() throws(StoreError) {
        guard FileSystem.exists(directory) else {
            throw StoreError(path: directory, message: "no such data directory; `kostra-server import --data \(directory) FILE...` makes one")
        }
    }

    /// Reads the newest version, writing nothing to the directory; with no import yet, the base
    /// data. A file that is not a kostra store, or is damaged, is refused with its path.
    public func read() throws -> StoreSnapshot {
        try requireDirectory()
        guard FileSystem.exists(databasePath) else { return StoreSnapshot(dataset: base, versions: []) }
        do {
            return try snapshot(try SQLiteConnection(path: databasePath, readOnly: true))
        } catch let error as StoreError where error.sqliteCode == StoreError.hotJournal {
            // An import stopped mid-way (killed, or the machine went down) left its journal:
            // SQLite rolls it back on the next open for writing. Do that once, then read.
            do {
                _ = try SQLiteConnection(path: databasePath, readOnly: false).scalarInt("PRAGMA application_id")
            } catch {
                throw StoreError(
                    path: databasePath,
                    message: "an import that stopped mid-way left its journal (\(databasePath)-journal), and this process may not write to roll it back: run `kostra-server import --data \(directory) --recover` where the directory is writable (\(error.message))"
                )
            }
            return try snapshot(try SQLiteConnection(path: databasePath, readOnly: true))
        }
    }

    /// Like `read()`, but opens the file for writing, so that SQLite rolls back what an import
    /// that crashed left in its journal. What `kostra-server import` does first.
    public func open() throws -> StoreSnapshot {
        try requireDirectory()
        guard FileSystem.exists(databasePath) else { return StoreSnapshot(dataset: base, versions: []) }
        return try snapshot(try SQLiteConnection(path: databasePath, readOnly: false))
    }

    /// Checks that the file is a kostra store of this layout.
    static func checkLayout(_ connection: SQLiteConnection) throws(StoreError) {
        let application = try connection.scalarInt("PRAGMA application_id") ?? 0
        let layout = try connection.scalarInt("PRAGMA user_version") ?? 0
        guard application == StoreSchema.applicationId else {
            throw StoreError(path: connection.path, message: "not a kostra data store (an SQLite file with application_id \(application), not \(StoreSchema.applicationId))")
        }
        guard layout == StoreSchema.layoutVersion else {
            throw StoreError(path: connection.path, message: "a kostra data store of layout \(layout); this kostra-server reads layout \(StoreSchema.layoutVersion)")
        }
    }

    /// The newest version's catalogue, and figures read on demand through `connection`.
    private func snapshot(_ connection: SQLiteConnection) throws -> StoreSnapshot {
        // A file with no tables at all is a store whose first import was refused or stopped
        // (its tables are made in the same transaction): nothing imported yet.
        if try connection.scalarInt("SELECT count(*) FROM sqlite_schema") == 0 {
            return StoreSnapshot(dataset: base, versions: [])
        }
        try Self.checkLayout(connection)
        // One read transaction, so that the catalogue is of one version.
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }
        let versions = try Self.versions(connection)
        guard let newest = versions.last else { return StoreSnapshot(dataset: base, versions: []) }
        let version = Int64(newest.number)

        // Regions: the base's (with the code history's former numbers), then the store's new ones.
        var regions = base.regions
        var usedCodes = Set(regions.flatMap { [$0.code] + $0.formerCodes.map(\.code) })
        for position in regions.indices where regions[position].kind == .municipality {
            for former in history.formerCodes(of: regions[position].code) where !usedCodes.contains(former.code) {
                regions[position].formerCodes.append(former)
                usedCodes.insert(former.code)
            }
            regions[position].formerCodes.sort { $0.lastYear < $1.lastYear }
        }
        var storeRegions: [(id: Int64, code: String)] = []
        var formerCodes: [Int64: [FormerCode]] = [:]
        let formerStatement = try connection.prepare("SELECT region, code, last_year FROM former_code ORDER BY last_year")
        while try formerStatement.step() {
            formerCodes[formerStatement.int(0), default: []].append(FormerCode(code: formerStatement.text(1), lastYear: Int(formerStatement.int(2))))
        }
        let regionStatement = try connection.prepare("SELECT id, code, name, kind FROM region WHERE version <= ?1 ORDER BY id")
        regionStatement.bind(1, version)
        while try regionStatement.step() {
            let id = regionStatement.int(0)
            let code = regionStatement.text(1)
            storeRegions.append((id, code))
            guard !usedCodes.contains(code) else { continue }
            let former = (formerCodes[id] ?? []).filter { !usedCodes.contains($0.code) }
            let kind = RegionKind(rawValue: regionStatement.text(3)) ?? .municipality
            regions.append(Region(code: code, name: regionStatement.text(2), kind: kind, formerCodes: former))
            usedCodes.formUnion([code] + former.map(\.code))
        }

        // Members of groups, as the newest classification at or before `version` gives them.
        let membership = try connection.prepare("SELECT group_code, members FROM membership WHERE version <= ?1 ORDER BY version")
        membership.bind(1, version)
        while try membership.step() {
            let code = membership.text(0)
            guard let position = regions.firstIndex(where: { $0.code == code }), let members = NumberArray.parseStrings(membership.bytes(1)) else {
                throw StoreError(path: databasePath, message: "the members of \(code) do not read")
            }
            regions[position].memberCodes = members.compactMap { $0 }
        }

        // Indicators: the base's, then the store's new ones.
        var indicators = base.indicators
        var indicatorIds = Set(indicators.map(\.id))
        var storeIndicators: [(id: Int64, key: String)] = []
        let indicatorStatement = try connection.prepare(
            """
            SELECT id, key, name_nb, name_en, unit, direction, aggregation, ssb_content_code, ssb_table, service, decimals, description
            FROM indicator WHERE version <= ?1 ORDER BY id
            """
        )
        indicatorStatement.bind(1, version)
        while try indicatorStatement.step() {
            let key = indicatorStatement.text(1)
            storeIndicators.append((indicatorStatement.int(0), key))
            guard indicatorIds.insert(key).inserted else { continue }
            indicators.append(
                Indicator(
                    id: key, nameNb: indicatorStatement.text(2), nameEn: indicatorStatement.text(3),
                    unit: Unit(rawValue: indicatorStatement.text(4)) ?? .number,
                    direction: Direction(rawValue: indicatorStatement.text(5)) ?? .neutral,
                    aggregation: Aggregation(rawValue: indicatorStatement.text(6)) ?? .publishedOnly,
                    ssbContentCode: indicatorStatement.optionalText(7), ssbTable: indicatorStatement.optionalText(8),
                    service: indicatorStatement.text(9), decimals: Int(indicatorStatement.int(10)), description: indicatorStatement.text(11)
                )
            )
        }

        // Rules for imported indicators: how each content code's indicators are averaged and read.
        let rules = try connection.prepare(
            "SELECT content_code, aggregation, weight_content_code, direction FROM indicator_rule WHERE version <= ?1 ORDER BY version"
        )
        rules.bind(1, version)
        let imported = base.indicators.count..<indicators.count
        var positionOfId: [String: Int] = [:]
        for position in imported { positionOfId[indicators[position].id] = position }
        while try rules.step() {
            let contentCode = rules.text(0)
            let prefix = ImportMapper.indicatorId(SSBTable.Content(code: contentCode, label: "", categories: []))
            for position in imported where indicators[position].ssbContentCode == contentCode {
                if let aggregation = rules.optionalText(1).flatMap(Aggregation.init(rawValue:)) { indicators[position].aggregation = aggregation }
                if let direction = rules.optionalText(3).flatMap(Direction.init(rawValue:)) { indicators[position].direction = direction }
                if let weightCode = rules.optionalText(2) {
                    // The weight of the same categories (kjønn, årstrinn) where it has them.
                    let suffix = String(indicators[position].id.dropFirst(prefix.count))
                    let weightPrefix = ImportMapper.indicatorId(SSBTable.Content(code: weightCode, label: "", categories: []))
                    let weight = [weightPrefix + suffix, weightPrefix].first { positionOfId[$0] != nil }
                    indicators[position].weightIndicatorId = weight
                }
            }
        }

        // Sources: the base's, then the store's.
        var interner = SourceInterner(sources: base.figures.sources)
        var sourcePositions: [Int64: UInt32] = [:]
        let sourceStatement = try connection.prepare("SELECT id, text FROM source WHERE version <= ?1")
        sourceStatement.bind(1, version)
        while try sourceStatement.step() {
            sourcePositions[sourceStatement.int(0)] = interner.position(of: sourceStatement.text(1))
        }

        var contents = DatasetContents()
        contents.source = base.source
        contents.regions = DatasetContents.items(regions, named: "regions")
        contents.indicators = DatasetContents.items(indicators, named: "indicators")
        contents.productionWeights = DatasetContents.items(base.productionWeights, named: "productionWeights")
        contents.facts = DatasetContents.items(base.facts, named: "facts")
        contents.tables = DatasetContents.items(base.tables, named: "tables")
        let checked: DatasetValidator.Checked
        do {
            checked = try DatasetValidator.check(contents)
        } catch {
            throw StoreError(path: databasePath, message: "the catalogue does not check: \(error)")
        }
        var regionPositionByCode: [String: Int32] = [:]
        for (position, region) in checked.regions.enumerated() { regionPositionByCode[region.code] = Int32(position) }
        var regionPositions: [Int64: Int32] = [:]
        for (id, code) in storeRegions {
            if let current = checked.currentCodes[code], let position = regionPositionByCode[current] { regionPositions[id] = position }
        }
        var indicatorPositionById: [String: Int] = [:]
        for (position, indicator) in checked.indicators.enumerated() { indicatorPositionById[indicator.id] = position }
        var storeIndicatorOfPosition = [Int64?](repeating: nil, count: checked.indicators.count)
        for (id, key) in storeIndicators {
            if let position = indicatorPositionById[key] { storeIndicatorOfPosition[position] = id }
        }
        let loader = StoreColumnLoader(
            connection: try SQLiteConnection(path: connection.path, readOnly: true), version: newest.number, base: base,
            storeIndicators: storeIndicatorOfPosition, regionPositions: regionPositions, sourcePositions: sourcePositions,
            indicatorIds: checked.indicators.map(\.id), regionCodes: checked.regions.map(\.code), sources: interner.sources
        )
        let figures = FigureTable(indicatorCount: checked.indicators.count, sources: interner.sources, regionCount: checked.regions.count, loader: loader)
        let years = Set(base.years).union(versions.flatMap(\.years)).sorted()
        let dataset = Dataset(checked: checked, contents: contents, name: newest.name, figures: figures, years: years)
        return StoreSnapshot(dataset: dataset, versions: versions)
    }

    /// Every version, oldest first.
    static func versions(_ connection: SQLiteConnection) throws(StoreError) -> [StoreVersion] {
        var files: [Int64: [StoreVersion.SourceFile]] = [:]
        let fileStatement = try connection.prepare("SELECT version, file_name, format, cells, bytes FROM source_file ORDER BY version, position")
        while try fileStatement.step() {
            files[fileStatement.int(0), default: []].append(
                StoreVersion.SourceFile(
                    fileName: fileStatement.text(1), format: ImportFormat(rawValue: fileStatement.text(2)) ?? .jsonStat2,
                    cells: Int(fileStatement.int(3)), bytes: Int(fileStatement.int(4))
                )
            )
        }
        var versions: [StoreVersion] = []
        let statement = try connection.prepare("SELECT number, imported_at, status, figures, years FROM version ORDER BY number")
        while try statement.step() {
            let number = statement.int(0)
            versions.append(
                StoreVersion(
                    number: Int(number), importedAt: statement.text(1), status: FigureStatus(rawValue: statement.text(2)) ?? .asPublished,
                    sources: files[number] ?? [], figures: Int(statement.int(3)),
                    years: statement.text(4).split(separator: ",").compactMap { Int($0) }
                )
            )
        }
        return versions
    }
}
