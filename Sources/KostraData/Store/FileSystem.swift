#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the store needs, with errors that name the file. No Foundation:
/// `fsync` of a file and of its directory is the point.
enum FileSystem {
    static func failure(_ path: String, _ what: String) -> StoreError {
        StoreError(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    static func makeDirectory(_ path: String) throws(StoreError) {
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw failure(path, "cannot create the directory") }
    }

    static func contents(of path: String) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(path, "cannot open") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot read")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// Writes `bytes` to `path` so that a crash at any moment leaves either the old file or the
    /// new one, whole: a temporary file beside it, fsync, rename, fsync of the directory.
    static func writeDurably(
        _ bytes: [UInt8],
        to path: String,
        step: (StoreStep) throws -> Void
    ) throws {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(temporary, "cannot create") }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let error = failure(temporary, "cannot write")
                close(fd)
                throw error
            }
            written += count
        }
        guard fsync(fd) == 0 else {
            let error = failure(temporary, "cannot sync")
            close(fd)
            throw error
        }
        close(fd)
        try step(.written(path: path))
        guard rename(temporary, path) == 0 else { throw failure(path, "cannot rename \(temporary) to it") }
        try step(.renamed(path: path))
        try syncDirectory(directory(of: path))
    }

    static func syncDirectory(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure(path, "cannot open the directory") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(path, "cannot sync the directory") }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The names in a directory, without "." and "..", sorted.
    static func list(_ path: String) throws(StoreError) -> [String] {
        guard let dir = opendir(path) else { throw failure(path, "cannot list the directory") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func remove(_ path: String) throws(StoreError) {
        if unlink(path) != 0, errno != ENOENT { throw failure(path, "cannot remove") }
    }

    /// Holds an exclusive lock on `path` (created if need be) while `body` runs, so that two
    /// imports into one directory take turns.
    static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw failure(path, "cannot open the lock file") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { throw failure(path, "cannot lock") }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
