/// A failure of the data store: a file it could not read or write, or a store whose files do not
/// agree. A refused import file is a `DatasetError` instead.
public struct StoreError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The file or directory concerned.
    public var path: String
    /// What went wrong, in words.
    public var message: String

    /// SQLite's extended result code, when SQLite reported the error.
    public var sqliteCode: Int32?

    /// SQLITE_READONLY_ROLLBACK: a hot journal that a read-only connection cannot roll back.
    static let hotJournal: Int32 = 776

    /// An error about `path`.
    public init(path: String, message: String, sqliteCode: Int32? = nil) {
        self.path = path
        self.message = message
        self.sqliteCode = sqliteCode
    }

    /// "path: message".
    public var description: String { "\(path): \(message)" }
}
