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

    /// How many times its size in memory reading and mapping a file takes, at most (measured on
    /// the national benchmark's files: the parsed JSON, a cell entry each, the rows).
    public static let memoryPerByte = 16

    /// Reads the file at `path`; refuses, before reading, a file too large for the memory the
    /// machine has available (rather than being killed by the kernel half-way).
    public init(path: String) throws {
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        if let size = FileSystem.size(of: path), let available = FileSystem.availableMemory() {
            try Self.checkFits(size: size, available: available, path: path)
        }
        self.init(fileName: fileName, bytes: try FileSystem.contents(of: path))
    }

    /// Throws when reading a file of `size` bytes needs more than `available` bytes of memory.
    public static func checkFits(size: Int, available: Int, path: String) throws(StoreError) {
        guard size <= available / memoryPerByte else {
            throw StoreError(
                path: path,
                message: "\(megabytes(size)) MB: reading it takes about \(memoryPerByte) × its size and the machine has \(megabytes(available)) MB available; split it (PxWebApi serves at most 800 000 cells a file) or import on a larger machine"
            )
        }
    }

    private static func megabytes(_ bytes: Int) -> Int { (bytes + 999_999) / 1_000_000 }
}
