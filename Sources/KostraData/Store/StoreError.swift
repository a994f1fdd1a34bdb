/// A failure of the data store: a file it could not read or write, or a store whose files do not
/// agree. A refused import file is a `DatasetError` instead.
public struct StoreError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The file or directory concerned.
    public var path: String
    /// What went wrong, in words.
    public var message: String

    /// An error about `path`.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// "path: message".
    public var description: String { "\(path): \(message)" }
}
