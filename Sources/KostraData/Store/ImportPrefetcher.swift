import Dispatch
import Synchronization

/// Reads and parses the next file of an import on another thread while the current one is
/// written, so that the two cores share the work; at most two files are in memory at a time.
final class ImportPrefetcher: Sendable {
    /// A file and its table, or why it could not be had.
    typealias Parsed = Result<(file: ImportFile, format: ImportFormat, table: SSBTable), any Error>

    private let reads: [@Sendable () throws -> ImportFile]
    private let slots: Mutex<[Int: Parsed]> = Mutex([:])
    private let ready: [DispatchSemaphore]

    init(_ reads: [@Sendable () throws -> ImportFile]) {
        self.reads = reads
        self.ready = reads.map { _ in DispatchSemaphore(value: 0) }
        if !reads.isEmpty { start(0) }
    }

    private func start(_ index: Int) {
        DispatchQueue.global().async { [self] in
            let parsed = Parsed { () throws -> (file: ImportFile, format: ImportFormat, table: SSBTable) in
                let file = try reads[index]()
                let format = ImportFormat.detect(file.bytes)
                return (file, format, try format.read(file.bytes, fileName: file.fileName))
            }
            slots.withLock { $0[index] = parsed }
            ready[index].signal()
        }
    }

    /// The file at `index`, parsed; starts parsing the one after it. Call in order.
    func take(_ index: Int) throws -> (file: ImportFile, format: ImportFormat, table: SSBTable) {
        ready[index].wait()
        let parsed = slots.withLock { $0.removeValue(forKey: index)! }
        if index + 1 < reads.count { start(index + 1) }
        return try parsed.get()
    }

    /// Waits for a parse still running, so that nothing outlives the import.
    func finish(after index: Int) {
        if index + 1 < reads.count {
            ready[index + 1].wait()
            slots.withLock { $0.removeAll() }
        }
    }
}
