/// A data directory: every import kept as a version, and a pointer to the newest.
///
/// Layout (docs/data.md, "The data directory"):
///
/// ```
/// DIR/CURRENT                     "000002": the newest version
/// DIR/LOCK                        held while an import runs
/// DIR/versions/000001.json        an import: when, the files, preliminary or final, the figures
/// DIR/versions/000001-1-12255.json  a copy of the file it read
/// ```
///
/// An import is read, mapped and checked whole (with every earlier version) before anything is
/// written; then its files are written durably (temporary file, fsync, rename, fsync of the
/// directory) and `CURRENT` last, the same way. A crash at any point leaves `CURRENT` naming the
/// previous version, whole; a version file beyond `CURRENT` or a temporary file is a leftover,
/// ignored and removed by the next `open()`, and overwritten by the next import.
public struct DataStore: Sendable {
    /// The directory.
    public let directory: String
    /// The data the versions add to: the built-in data by default.
    public let base: Dataset
    /// The renumberings: the built-in history by default.
    public let history: CodeHistory
    /// Called at each step of each durable write; a test throws from it to simulate a crash.
    public var faultInjection: (@Sendable (StoreStep) throws -> Void)?

    /// A store in `directory`, over `base` (the built-in data when `nil`).
    public init(directory: String, base: Dataset? = nil, history: CodeHistory? = nil) throws(DatasetError) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        if let base { self.base = base } else { self.base = try Dataset.builtIn() }
        if let history { self.history = history } else { self.history = try CodeHistory.builtIn() }
    }

    /// Throws when the directory does not exist, saying how one is made.
    private func requireDirectory() throws(StoreError) {
        guard FileSystem.exists(directory) else {
            throw StoreError(path: directory, message: "no such data directory; `kostra-server import --data \(directory) FILE...` makes one")
        }
    }

    var versionsDirectory: String { "\(directory)/versions" }
    var currentPath: String { "\(directory)/CURRENT" }

    /// Reads the newest version and the data it makes; with no import yet, the base data.
    /// Removes temporary files and versions beyond `CURRENT` that a crash left behind.
    public func open() throws -> StoreSnapshot {
        try self.requireDirectory()
        // Under the lock: an import in another process may be writing its files.
        return try FileSystem.withLock("\(directory)/LOCK") { () throws -> StoreSnapshot in
            try snapshot(try readVersions(cleaning: true))
        }
    }

    /// Reads the newest version and the data it makes, writing nothing to the directory: no lock
    /// file, no cleaning. This is what a server does, so that replicas can share one directory
    /// mounted read-only. It is safe beside an import running in another process: an import
    /// switches `CURRENT` by a rename only after every file of the version it names is durable,
    /// and removes nothing at or below `CURRENT`, so a reader sees the old version or the new,
    /// never half of one.
    public func read() throws -> StoreSnapshot {
        try self.requireDirectory()
        return try snapshot(try readVersions(cleaning: false))
    }

    /// Imports `files` as one new version with `status`, stamped `importedAt` (ISO 8601). Creates
    /// the directory if need be. Refuses the whole import, changing nothing, when any file is
    /// corrupt, truncated or unexpected (a `DatasetError` naming the file and the place) or the
    /// data it makes does not check.
    @discardableResult
    public func importFiles(_ files: [ImportFile], status: FigureStatus, importedAt: String) throws -> StoreSnapshot {
        guard !files.isEmpty else { throw StoreError(path: directory, message: "no files to import") }
        guard status != .asPublished else {
            throw StoreError(path: directory, message: "an import is preliminary or final, not as_published")
        }
        try FileSystem.makeDirectory(directory)
        try FileSystem.makeDirectory(versionsDirectory)
        return try FileSystem.withLock("\(directory)/LOCK") { () throws -> StoreSnapshot in
            let versions = try readVersions(cleaning: true)
            let catalogue = try DatasetAssembler.assemble(base: base, history: history, versions: versions, name: "import")
            let number = (versions.last?.number ?? 0) + 1

            // Read, map and check everything before writing anything.
            var tables: [(fileName: String, table: SSBTable)] = []
            var sources: [StoreVersion.SourceFile] = []
            for (offset, file) in files.enumerated() {
                let format = ImportFormat.detect(file.bytes)
                let table = try format.read(file.bytes, fileName: file.fileName)
                tables.append((file.fileName, table))
                let safeName = String(file.fileName.split(separator: "/").last ?? "file").map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") ? $0 : "_" }
                sources.append(
                    StoreVersion.SourceFile(
                        fileName: file.fileName,
                        format: format,
                        storedAs: "\(StoreVersion.fileName(number).dropLast(5))-\(offset + 1)-\(String(safeName))",
                        cells: table.cells.count
                    )
                )
            }
            let label = "import v\(number) \(importedAt) (\(status.rawValue))"
            let batch = try ImportMapper(catalogue: catalogue, history: history).map(tables, status: status, importLabel: label)
            let version = StoreVersion(number: number, importedAt: importedAt, status: status, sources: sources, batch: batch)
            let snapshot = try self.snapshot(versions + [version])

            // Write: the copies, the version, then CURRENT.
            let step: (StoreStep) throws -> Void = { step in try faultInjection?(step) }
            for (file, source) in zip(files, sources) {
                try FileSystem.writeDurably(file.bytes, to: "\(versionsDirectory)/\(source.storedAs)", step: step)
            }
            try FileSystem.writeDurably(version.encoded(), to: "\(versionsDirectory)/\(StoreVersion.fileName(number))", step: step)
            try FileSystem.writeDurably(Array("\(StoreVersion.fileName(number).dropLast(5))\n".utf8), to: currentPath, step: step)
            return snapshot
        }
    }

    /// The versions up to `CURRENT`, in order.
    private func readVersions(cleaning: Bool) throws -> [StoreVersion] {
        let current: Int
        if FileSystem.exists(currentPath) {
            let text = String(decoding: try FileSystem.contents(of: currentPath), as: UTF8.self).trimmed
            guard let number = Int(text), number >= 0 else {
                throw StoreError(path: currentPath, message: "holds \"\(text)\", not a version number")
            }
            current = number
        } else {
            current = 0
        }
        if cleaning {
            for name in try FileSystem.list(directory) where name.hasSuffix(".tmp") {
                try FileSystem.remove("\(directory)/\(name)")
            }
            if FileSystem.exists(versionsDirectory) {
                for name in try FileSystem.list(versionsDirectory) {
                    let number = Int(name.prefix { $0.isNumber }) ?? 0
                    if name.hasSuffix(".tmp") || number > current {
                        try FileSystem.remove("\(versionsDirectory)/\(name)")
                    }
                }
            }
        }
        var versions: [StoreVersion] = []
        for number in stride(from: 1, through: current, by: 1) {
            let path = "\(versionsDirectory)/\(StoreVersion.fileName(number))"
            let bytes = try FileSystem.contents(of: path)
            let version: StoreVersion
            do {
                version = try StoreVersion(jsonBytes: bytes)
            } catch {
                throw StoreError(path: path, message: "damaged: \(error)")
            }
            guard version.number == number else {
                throw StoreError(path: path, message: "says it is version \(version.number)")
            }
            versions.append(version)
        }
        return versions
    }

    private func snapshot(_ versions: [StoreVersion]) throws(DatasetError) -> StoreSnapshot {
        let name = versions.last?.name ?? base.name
        let dataset = try DatasetAssembler.assemble(base: base, history: history, versions: versions, name: name)
        return StoreSnapshot(dataset: dataset, versions: versions)
    }
}
