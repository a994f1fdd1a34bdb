import Foundation
import Testing

/// Golden files: the output of a command compared with a file under
/// `Tests/KostraClientCLITests/Snapshots/`, byte for byte.
///
/// To re-record after a deliberate change of output, run
/// `KOSTRA_RECORD_SNAPSHOTS=1 swift test --filter KostraClientCLITests`
/// and read the diff (`git diff Tests/KostraClientCLITests/Snapshots`)
/// before committing it. A snapshot that does not exist yet is written and
/// the test fails once, so that a new file is never taken on trust.
///
/// Not swift-snapshot-testing: it pulls in swift-syntax, about two minutes
/// more per CI build, for what fifty lines do here.
enum Snapshot {
    /// The folder of the golden files, found from this source file.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Whether this run records instead of comparing.
    static var recording: Bool {
        ProcessInfo.processInfo.environment["KOSTRA_RECORD_SNAPSHOTS"] == "1"
    }

    /// Compares `text` with the golden file `name`; records it when asked to
    /// or when the file is missing.
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = Self.directory.appendingPathComponent(name)
        let existing = try? String(contentsOf: file, encoding: .utf8)
        if Self.recording || existing == nil {
            do {
                try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            } catch {
                Issue.record("cannot write snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            if existing == nil && !Self.recording {
                Issue.record("snapshot \(name) did not exist and was recorded; check it and run again", sourceLocation: sourceLocation)
            }
            return
        }
        guard let existing, existing != text else { return }
        Issue.record(
            """
            output differs from snapshot \(name) (KOSTRA_RECORD_SNAPSHOTS=1 re-records it):
            \(Self.firstDifference(existing, text))
            """,
            sourceLocation: sourceLocation
        )
    }

    /// The first line that differs, with its number, for the failure message.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let left = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let right = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if left != right {
                return "line \(index + 1):\n  expected: \(left)\n  actual:   \(right)"
            }
        }
        return "(same lines, different line endings)"
    }
}
