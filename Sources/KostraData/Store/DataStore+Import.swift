extension DataStore {
    /// Imports `files` as one new version, stamped `importedAt` (ISO 8601). Each figure's status
    /// is `status` when given, else what its file says ("foreløpige"/"endelige" tall), else
    /// as published. Makes the directory and the store if need be.
    ///
    /// At most two files are in memory at a time: each is read and parsed (on another thread,
    /// while the one before is written), then mapped and written into the import's one
    /// transaction. Any refusal — a corrupt, truncated or unexpected
    /// file (a `DatasetError` naming the file and the place), two cells for one figure that
    /// disagree — rolls the whole import back: nothing changes.
    @discardableResult
    public func importFiles(_ files: [ImportFile], groups: ImportFile? = nil, status: FigureStatus? = nil, importedAt: String) throws -> StoreSnapshot {
        try importFiles(files.map { file in { file } }, groups: groups, status: status, importedAt: importedAt)
    }

    /// Imports the files `reads` give, reading each only shortly before its turn (see the other
    /// `importFiles`).
    @discardableResult
    ///
    /// `groups`, a classification (`GroupsFile`), is recorded after the figures: each group's
    /// members and the rules for imported indicators, part of the same version.
    public func importFiles(
        _ reads: [@Sendable () throws -> ImportFile], groups: ImportFile? = nil, status: FigureStatus? = nil, importedAt: String
    ) throws -> StoreSnapshot {
        guard !reads.isEmpty || groups != nil else { throw StoreError(path: directory, message: "no files to import") }
        try FileSystem.makeDirectory(directory)
        let connection = try SQLiteConnection(path: databasePath, readOnly: false, create: true)
        // Rollback journal, so that a server can read the file without writing anything (WAL
        // needs a writable -shm beside it); full sync for durability; the import's changes held
        // in memory up to 256 MB before SQLite spills them to the file (and takes the exclusive
        // lock early): below that, servers reading the file wait only while the commit writes.
        try connection.execute(
            "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA cache_size = -262144; PRAGMA cache_spill = 65536;"
        )
        try connection.execute("BEGIN IMMEDIATE")
        do {
            if try connection.scalarInt("PRAGMA user_version") == 0,
                try connection.scalarInt("SELECT count(*) FROM sqlite_schema") == 0
            {
                try connection.execute(StoreSchema.create)
            }
            try Self.checkLayout(connection)
            var importer = try StoreImporter(
                connection: connection, catalogue: try catalogue(connection), history: history,
                version: Int(try connection.scalarInt("SELECT max(number) FROM version") ?? 0) + 1, status: status, importedAt: importedAt
            )
            // The next file is read and parsed on another thread while this one is written.
            let prefetcher = ImportPrefetcher(reads)
            for index in reads.indices {
                do {
                    let (file, format, table) = try prefetcher.take(index)
                    try importer.add(file, format: format, table: table)
                    try faultInjection?(.fileWritten(name: file.fileName))
                } catch {
                    prefetcher.finish(after: index)
                    throw error
                }
            }
            if let groups {
                let classification: GroupsFile
                do {
                    classification = try GroupsFile(jsonBytes: groups.bytes)
                } catch {
                    var located = error
                    located.path = located.path.isEmpty ? groups.fileName : "\(groups.fileName): \(located.path)"
                    throw located
                }
                try importer.add(groups: classification, fileName: groups.fileName)
            }
            try importer.finish()
            try faultInjection?(.committing)
            try connection.execute("COMMIT")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
        return try read()
    }

    /// The catalogue an import maps onto: the base with what earlier imports added.
    private func catalogue(_ connection: SQLiteConnection) throws -> Dataset {
        guard try connection.scalarInt("SELECT count(*) FROM version") ?? 0 > 0 else { return base }
        return try read().dataset
    }
}
