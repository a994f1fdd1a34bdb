/// A file to import: its name (for messages and the store's copy) and its bytes.
public struct ImportFile: Sendable {
    /// The name given ("12255.json").
    public var fileName: String
    /// The contents.
    public var bytes: [UInt8]

    /// A file named `fileName` holding `bytes`.
    public init(fileName: String, bytes: [UInt8]) {
        self.fileName = fileName
        self.bytes = bytes
    }

    /// Reads the file at `path`.
    public init(path: String) throws {
        self.init(fileName: String(path.split(separator: "/").last ?? Substring(path)), bytes: try FileSystem.contents(of: path))
    }
}
