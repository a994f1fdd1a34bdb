import ArgumentParser
import Foundation
import KostraData

/// `kostra-server import`: adds SSB's files to a data directory as one new version.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import SSB's JSON-stat2 or CSV files into a data directory as a new version.",
        discussion: """
            Every file is read, mapped onto the catalogue (renumbered municipalities
            onto their current numbers, content codes onto indicators, each category
            of a further dimension as its own indicator) and written into one SQLite
            transaction: a bad file is refused with its place and nothing changes. A
            server started with --data DIR takes the version up on the Reload
            method. docs/data.md describes the formats and the store.

            Examples:
              kostra-server import --data /var/lib/kostra 12255-mars.json
              kostra-server import --data /var/lib/kostra --status final \\
                  12255.json 12256.csv
              kostra-server import --data /var/lib/kostra \\
                  --groups kostragrupper.json
              kostra-server import --data /var/lib/kostra --recover
            """
    )

    @OptionGroup var dataDirectory: DataDirectoryOption

    @Option(
        help: """
            Whether the files' figures are SSB's preliminary (15 March) or final (15 June) ones: \
            preliminary, final or as_published. Without it, each file's own word \
            ("foreløpige"/"endelige" tall in its title or notes) decides, else as_published.
            """
    )
    var status: String?

    @Option(
        help: """
            A classification to record with this version: each group's members (EKGnn, \
            EAKAnn, EAK, ...) and how imported indicators are averaged (docs/data.md).
            """
    )
    var groups: String?

    @Flag(help: "Roll back what an import that was killed left behind (SQLite's journal), without importing anything.")
    var recover = false

    @Argument(help: "The files: JSON-stat2 (.json) or SSB's semicolon CSV.")
    var files: [String] = []

    func validate() throws {
        guard self.dataDirectory.directory != nil else { throw ValidationError("give the data directory: --data DIR") }
        if let status = self.status, FigureStatus(rawValue: status) == nil {
            throw ValidationError("--status must be preliminary, final or as_published, not '\(status)'")
        }
        guard !self.files.isEmpty || self.recover || self.groups != nil else { throw ValidationError("give at least one file to import") }
    }

    func run() throws {
        let status = self.status.flatMap(FigureStatus.init(rawValue:))
        do {
            // Each file is read shortly before its turn, so at most two are in memory at a time.
            let files: [@Sendable () throws -> ImportFile] = self.files.map { path in { try ImportFile(path: path) } }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            let directory = self.dataDirectory.directory ?? ""
            let store = try DataStore(directory: directory)
            if self.files.isEmpty, self.groups == nil {
                // --recover: opening for writing rolls back a stopped import's journal.
                let snapshot = try store.open()
                print("\(directory): serves \(snapshot.versions.last?.name ?? "the built-in data (nothing imported)")")
                return
            }
            let groups = try self.groups.map { try ImportFile(path: $0) }
            let snapshot = try store.importFiles(files, groups: groups, status: status, importedAt: formatter.string(from: Date()))
            let version = snapshot.versions.last!
            print("imported \(version.name) into \(directory)")
            for source in version.sources {
                print("  \(source.fileName): \(source.format.rawValue), \(source.cells) cells")
            }
            print("  \(version.figures) figures written; the data has \(snapshot.dataset.indicators.count) indicators, \(snapshot.dataset.regions.count) regions")
        } catch {
            FileHandle.standardError.write(Data("kostra-server import: refused, nothing changed: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
