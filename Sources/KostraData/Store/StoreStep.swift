/// A step of an import, reported to `DataStore.faultInjection` so that a test can stop the
/// import there, as a crash would. Every step is inside the import's one transaction.
public enum StoreStep: Sendable, Hashable {
    /// A file's figures are written (not yet committed).
    case fileWritten(name: String)
    /// Everything is written; the commit comes next.
    case committing
}
