internal import CSQLite

/// One connection to an SQLite database file: the only code that calls SQLite's C API, with
/// `SQLiteStatement`. It owns the handle, turns every result code into a `StoreError` naming the
/// file, and closes the handle when it goes.
///
/// Not safe to share between threads by itself: a user that does so holds it behind a lock.
final class SQLiteConnection {
    /// The database file.
    let path: String
    let handle: OpaquePointer

    /// Opens `path`: read-only (the server's way: it writes nothing), or read-write, made if it
    /// does not exist when `create` is set.
    init(path: String, readOnly: Bool, create: Bool = false) throws(StoreError) {
        self.path = path
        var handle: OpaquePointer?
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw StoreError(path: path, message: "cannot open the store: \(message) (SQLite \(code))")
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
        // A reader waits this long for an import's commit to finish instead of failing at once.
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    /// Runs SQL that returns no rows (one or more statements).
    func execute(_ sql: String) throws(StoreError) {
        var error: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &error)
        if code != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(error)
            throw failure(code, message: message, doing: String(sql.prefix(60)))
        }
    }

    /// A prepared statement for `sql`.
    func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw failure(code, doing: String(sql.prefix(60))) }
        return SQLiteStatement(connection: self, handle: statement)
    }

    /// How many rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The error for a failed call: the file, what was being done, SQLite's words and code.
    func failure(_ code: Int32, message: String? = nil, doing what: String) -> StoreError {
        let text = message ?? String(cString: sqlite3_errmsg(handle))
        return StoreError(path: path, message: "\(text) (SQLite \(code)) in \(what)", sqliteCode: code)
    }

    /// The value of a one-row, one-column query, or `nil`.
    func scalarInt(_ sql: String) throws(StoreError) -> Int64? {
        let statement = try prepare(sql)
        guard try statement.step() else { return nil }
        return statement.isNull(0) ? nil : statement.int(0)
    }
}
