import Foundation
import Synchronization
import KostraData
import Testing

@Suite("The data directory: imports, versions, revisions, crashes")
struct DataStoreTests {
    static let group2 = "grunnskole.gruppestorrelse_2"

    struct Crash: Error {}

    @Test("An import maps renumbered municipalities into one series, keeps missing reasons, adds an unknown content code")
    func importJSONStat() throws {
        let directory = ImportFixtures.temporaryDirectory()
        let store = try DataStore(directory: directory)
        let snapshot = try store.importFiles([ImportFixtures.jsonStatFinal], status: .final, importedAt: "2025-06-15T08:00:00Z")
        let data = snapshot.dataset
        #expect(snapshot.versionNumber == 1)
        #expect(data.name == "v1 2025-06-15T08:00:00Z final")

        // Bærum: 2021 from the built-in chapter, 2022-2023 reported as 3024, 2024 as 3201.
        let series = data.observations(indicatorId: Self.group2, regionCode: "3201", years: 2021...2024)
        #expect(series.map(\.value) == [17.4, 17.3, 17.1, 16.9])
        #expect(series.map(\.status) == [.asPublished, .final, .final, .final])
        #expect(series.map(\.reportedCode) == [nil, "3024", "3024", nil])
        #expect(series[3].source.contains("SSB tabell 12255"))
        #expect(series[3].source.contains("12255-2022-2024-final.json"))

        // The unknown content code is a new indicator named by the file's label and unit.
        let pc = try #require(data.indicator(id: "ssb.kosandelpc0000"))
        #expect(pc.nameNb == "Andel elever med egen digital enhet")
        #expect(pc.unit == .percent && pc.decimals == 1 && pc.ssbContentCode == "KOSandelpc0000" && pc.ssbTable == "12255")
        let pcBaerum = data.observations(indicatorId: pc.id, regionCode: "3201")
        #expect(pcBaerum.map(\.year) == [2022, 2023, 2024])
        #expect(pcBaerum.map(\.value) == [nil, nil, 88.5])
        #expect(pcBaerum.map(\.missing) == [.notApplicable, .notApplicable, nil])
        #expect(data.observation(indicatorId: pc.id, regionCode: "0301", year: 2024)?.missing == .suppressed)
        #expect(data.observation(indicatorId: pc.id, regionCode: "0301", year: 2024)?.value == nil)

        // A KOSTRA group the catalogue lacked is a new region.
        let group = try #require(data.region(code: "EKG13"))
        #expect(group.kind == .groupAverage && group.name == "Kostragruppe 13")
        #expect(data.observation(indicatorId: Self.group2, regionCode: "EKG13", year: 2024)?.value == 16.3)

        // The store is one SQLite file; reopening gives the same.
        #expect(ImportFixtures.names(in: directory) == ["kostra.sqlite"])
        let reopened = try store.open()
        #expect(reopened.dataset.name == data.name)
        #expect(reopened.dataset.observations(indicatorId: Self.group2, regionCode: "3024") == series)
        #expect(reopened.versions.first?.sources.first?.format == .jsonStat2)
    }

    @Test("Preliminary then final: a series shows the final figure, the history keeps both")
    func revisions() throws {
        let store = try DataStore(directory: ImportFixtures.temporaryDirectory())
        try store.importFiles([ImportFixtures.jsonStatFinal], status: .final, importedAt: "2025-06-15T08:00:00Z")
        let preliminary = try store.importFiles([ImportFixtures.csvPreliminary], status: .preliminary, importedAt: "2026-03-15T08:00:00Z")
        var data = preliminary.dataset
        #expect(data.observation(indicatorId: Self.group2, regionCode: "3201", year: 2025)?.value == 16.5)
        #expect(data.observation(indicatorId: Self.group2, regionCode: "3201", year: 2025)?.status == .preliminary)
        // 0219 (Bærum before 2020) lands on 3201 through the code history.
        let old = try #require(data.observation(indicatorId: Self.group2, regionCode: "3201", year: 2019))
        #expect(old.value == 18.0 && old.reportedCode == "0219")
        #expect(data.resolveRegion("0219") == .found(try #require(data.region(code: "3201"))))
        // Kroner in the file, thousands of kroner in the catalogue.
        #expect(data.observation(indicatorId: "grunnskole.netto_driftsutgifter_sektor_per_innbygger_6_15", regionCode: "3201", year: 2025)?.value == 139.2)

        let final = try store.importFiles([ImportFixtures.csvFinal], status: .final, importedAt: "2026-06-15T08:00:00Z")
        data = final.dataset
        #expect(final.versionNumber == 3)
        let figure = try #require(data.observation(indicatorId: Self.group2, regionCode: "3201", year: 2025))
        #expect(figure.value == 16.6 && figure.status == .final)
        let history = data.history(indicatorId: Self.group2, regionCode: "3201", year: 2025)
        #expect(history.map(\.value) == [16.5, 16.6])
        #expect(history.map(\.status) == [.preliminary, .final])
        // An unchanged figure (16.9 final again) makes no revision.
        #expect(data.history(indicatorId: Self.group2, regionCode: "3201", year: 2024).map(\.value) == [16.9, 16.9])
        #expect(data.history(indicatorId: Self.group2, regionCode: "3201", year: 2024).map(\.status) == [.asPublished, .final])
        // Asker: 3025's "." does not hide 3203's value; suppressed stays suppressed, now final.
        #expect(data.observation(indicatorId: Self.group2, regionCode: "3203", year: 2024)?.value == 16.7)
        let asker2025 = try #require(data.observation(indicatorId: Self.group2, regionCode: "3203", year: 2025))
        #expect(asker2025.missing == .suppressed && asker2025.status == .final)
        #expect(data.observation(indicatorId: Self.group2, regionCode: "EAK", year: 2025)?.value == 15.8)

        // A late preliminary figure never hides a final one; it is kept in the history.
        let late = ImportFile(fileName: "late.csv", bytes: Array("\"region\";\"statistikkvariabel\";\"år\";\"v\"\n\"3201 Bærum\";\"KOSgrstr20000 Gruppestørrelse 2 (antall)\";\"2025\";99,9\n".utf8))
        data = try store.importFiles([late], status: .preliminary, importedAt: "2026-07-01T08:00:00Z").dataset
        #expect(data.observation(indicatorId: Self.group2, regionCode: "3201", year: 2025)?.value == 16.6)
        #expect(data.history(indicatorId: Self.group2, regionCode: "3201", year: 2025).map(\.value) == [16.5, 99.9, 16.6])
    }

    @Test("A bad file refuses the whole import with the place, and nothing changes")
    func badFileChangesNothing() throws {
        let directory = ImportFixtures.temporaryDirectory()
        let store = try DataStore(directory: directory)
        try store.importFiles([ImportFixtures.jsonStatFinal], status: .final, importedAt: "2025-06-15T08:00:00Z")
        let before = try snapshotOfFiles(directory)
        var broken = ImportFixtures.csvFinal
        broken.bytes = Array(String(decoding: broken.bytes, as: UTF8.self).replacing("16,6", with: "16.6").utf8)
        let error = #expect(throws: DatasetError.self) {
            try store.importFiles([ImportFixtures.csvPreliminary, broken], status: .final, importedAt: "2026-06-15T08:00:00Z")
        }
        #expect(error?.path == "12255-2025-final.csv: line 2, field 4")
        #expect(try snapshotOfFiles(directory) == before)
        #expect(try store.open().versionNumber == 1)
    }

    @Test("Two figures for one cell under old and new numbers that disagree are refused")
    func conflictingNumbers() throws {
        let store = try DataStore(directory: ImportFixtures.temporaryDirectory())
        let text = "\"region\";\"statistikkvariabel\";\"år\";\"v\"\n\"3024 Bærum\";\"KOSgrstr20000 G (antall)\";\"2023\";17,1\n\"3201 Bærum\";\"KOSgrstr20000 G (antall)\";\"2023\";17,0\n"
        let error = #expect(throws: DatasetError.self) {
            try store.importFiles([ImportFile(fileName: "c.csv", bytes: Array(text.utf8))], status: .final, importedAt: "t")
        }
        #expect(error?.code == .duplicate)
        #expect(error?.path == "c.csv: line 3, field 4")
        #expect(error?.message.contains("c.csv: line 2, field 4 gives 17.1") == true)
    }

    @Test("An import stopped at any step leaves the previous version served, and the next import takes its number", arguments: [0, 1])
    func crashDuringImport(failingStep: Int) throws {
        // Steps of an import: 0 the file's figures written, 1 about to commit.
        let directory = ImportFixtures.temporaryDirectory()
        var store = try DataStore(directory: directory)
        try store.importFiles([ImportFixtures.jsonStatFinal], status: .final, importedAt: "2025-06-15T08:00:00Z")
        let before = try snapshotOfFiles(directory)
        let counter = Counter()
        store.faultInjection = { _ in
            if counter.next() == failingStep { throw Crash() }
        }
        #expect(throws: Crash.self) {
            try store.importFiles([ImportFixtures.csvPreliminary], status: .preliminary, importedAt: "2026-03-15T08:00:00Z")
        }
        store.faultInjection = nil
        #expect(try snapshotOfFiles(directory) == before)
        let reopened = try store.read()
        #expect(reopened.versionNumber == 1)
        #expect(reopened.dataset.observation(indicatorId: Self.group2, regionCode: "3201", year: 2025) == nil)
        // The next import takes the number and succeeds.
        let next = try store.importFiles([ImportFixtures.csvPreliminary], status: .preliminary, importedAt: "2026-03-15T08:00:00Z")
        #expect(next.versionNumber == 2)
        #expect(next.dataset.observation(indicatorId: Self.group2, regionCode: "3201", year: 2025)?.value == 16.5)
    }

    @Test("A snapshot keeps serving its version while a later import commits; a new read sees the new one")
    func snapshotIsolation() throws {
        let directory = ImportFixtures.temporaryDirectory()
        let store = try DataStore(directory: directory)
        try store.importFiles([ImportFixtures.csvPreliminary], status: .preliminary, importedAt: "2026-03-15T08:00:00Z")
        // Served before the final import; no figure of it has been read yet.
        let served = try store.read()
        try store.importFiles([ImportFixtures.csvFinal], status: .final, importedAt: "2026-06-15T08:00:00Z")
        let figure = try #require(served.dataset.observation(indicatorId: Self.group2, regionCode: "3201", year: 2025))
        #expect(figure.value == 16.5 && figure.status == .preliminary)
        #expect(served.dataset.history(indicatorId: Self.group2, regionCode: "3201", year: 2025).map(\.value) == [16.5])
        let now = try store.read()
        #expect(now.versionNumber == 2)
        #expect(now.dataset.history(indicatorId: Self.group2, regionCode: "3201", year: 2025).map(\.value) == [16.5, 16.6])
    }

    @Test("A server's read writes nothing to the directory")
    func readWritesNothing() throws {
        let directory = ImportFixtures.temporaryDirectory()
        let store = try DataStore(directory: directory)
        try store.importFiles([ImportFixtures.jsonStatFinal], status: .final, importedAt: "2025-06-15T08:00:00Z")
        let before = try self.snapshotOfFiles(directory)
        let served = try store.read()
        #expect(served.versionNumber == 1)
        #expect(served.dataset.observation(indicatorId: Self.group2, regionCode: "3201", year: 2024)?.value == 16.9)
        #expect(try self.snapshotOfFiles(directory) == before)
        #expect(ImportFixtures.names(in: directory) == ["kostra.sqlite"])
        #expect(throws: StoreError.self) { try DataStore(directory: directory + "/absent").read() }
    }

    @Test("A file in the directory's place of the store that is not one is refused with its path")
    func foreignAndDamagedFiles() throws {
        let directory = ImportFixtures.temporaryDirectory()
        let store = try DataStore(directory: directory)
        // Not SQLite at all.
        try Data("these are not the figures you are looking for\n".utf8).write(to: URL(fileURLWithPath: store.databasePath))
        let notDatabase = #expect(throws: StoreError.self) { try store.read() }
        #expect(notDatabase?.path == store.databasePath)
        #expect(notDatabase?.message.contains("not a database") == true)
        // A store cut short: the first 4 KiB of a real one.
        try FileManager.default.removeItem(atPath: store.databasePath)
        try store.importFiles([ImportFixtures.jsonStatFinal], status: .final, importedAt: "2025-06-15T08:00:00Z")
        let whole = try Data(contentsOf: URL(fileURLWithPath: store.databasePath))
        try whole.prefix(4096).write(to: URL(fileURLWithPath: store.databasePath))
        let truncated = #expect(throws: (any Error).self) { try store.read() }
        #expect("\(truncated!)".contains(store.databasePath))
    }

    @Test("Serving a directory that does not exist is an error naming it")
    func missingDirectory() throws {
        let store = try DataStore(directory: "/nonexistent/kostra-data")
        let error = #expect(throws: StoreError.self) { try store.open() }
        #expect(error?.path == "/nonexistent/kostra-data")
    }

    private func snapshotOfFiles(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ImportFixtures.names(in: directory) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
        }
        return files
    }
}

/// Counts calls from a `@Sendable` closure.
final class Counter: Sendable {
    private let value = Mutex(-1)

    func next() -> Int {
        value.withLock { count in
            count += 1
            return count
        }
    }
}
