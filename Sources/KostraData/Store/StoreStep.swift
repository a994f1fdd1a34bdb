/// A step of writing a file durably, reported to `DataStore.faultInjection` so that a test can
/// stop the write there, as a crash would.
public enum StoreStep: Sendable, Hashable {
    /// The temporary file beside `path` is written and synced; it has not been renamed to `path`.
    case written(path: String)
    /// The temporary file has been renamed to `path`; the directory is not yet synced.
    case renamed(path: String)
}
