import Foundation
import Testing

@testable import kostra_server

/// `kostra-server --version`: the version and the git commit built from,
/// baked in by the BuildInfoPlugin running scripts/build-info.sh.
@Suite("Version and build commit")
struct VersionTests {
    static let packageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Runs `executable` with `arguments` in `directory`; its standard output, trimmed, and exit status.
    func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), process.terminationStatus)
    }

    @Test("--version names the commit of the checkout built: git rev-parse HEAD, 40 hex digits")
    func commitOfCheckout() throws {
        #expect(KostraServerCommand.version.hasPrefix("kostra-server 0."))
        #expect(KostraServerCommand.version.hasSuffix("(commit \(BuildInfo.commit))"))
        let head = try self.run("/usr/bin/git", ["rev-parse", "HEAD"], in: Self.packageDirectory)
        if head.status == 0 {
            #expect(BuildInfo.commit == head.output)
            #expect(BuildInfo.commit.count == 40 && BuildInfo.commit.allSatisfy(\.isHexDigit))
        } else {
            #expect(BuildInfo.commit == "unknown")
        }
    }

    @Test("outside a git work tree scripts/build-info.sh writes \"unknown\", and rewrites nothing when unchanged")
    func unknownOutsideGit() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "kostra-nogit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appending(path: "out/BuildInfo.swift")
        let script = Self.packageDirectory.appending(path: "scripts/build-info.sh").path
        #expect(try self.run("/bin/sh", [script, directory.path, output.path], in: directory).status == 0)
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(text.contains("static let commit = \"unknown\""))

        let before = try FileManager.default.attributesOfItem(atPath: output.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.01)
        #expect(try self.run("/bin/sh", [script, directory.path, output.path], in: directory).status == 0)
        let after = try FileManager.default.attributesOfItem(atPath: output.path)[.modificationDate] as? Date
        #expect(before == after)
    }
}
