/// One import, as the store records it: when, from which files, how final, how many figures.
public struct StoreVersion: Sendable, Hashable {
    /// One file the import read.
    public struct SourceFile: Sendable, Hashable {
        /// The file's name as given.
        public var fileName: String
        /// Its format.
        public var format: ImportFormat
        /// How many cells it had.
        public var cells: Int
        /// Its size in bytes.
        public var bytes: Int
    }

    /// The version's number, from 1.
    public var number: Int
    /// When it was imported (ISO 8601, UTC).
    public var importedAt: String
    /// The status the import gave its figures: `--status`, or what the files said (as
    /// published when they said nothing, or said different things).
    public var status: FigureStatus
    /// The files read.
    public var sources: [SourceFile]
    /// How many figures the import wrote (new, revised or kept as history).
    public var figures: Int
    /// The years its figures cover, ascending.
    public var years: [Int]

    /// "v3 2026-06-15T08:00:00Z final": the data version the health check reports.
    public var name: String { "v\(number) \(importedAt) \(status.rawValue)" }
}
