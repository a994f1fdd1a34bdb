import Foundation
import KostraClient
import KostraCodec
import KostraData
import KostraProtocol
import KostraService
import Synchronization
import Testing

@Suite("Importing and reloading a live server")
struct ReloadTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("KostraDataTests/Fixtures")
    static let token = "reload-tøken"
    static let bearer = [KostraV1.MetadataEntry(key: "authorization", value: "Bearer \(token)")]
    static let group2 = "grunnskole.gruppestorrelse_2"

    static func fixture(_ name: String) throws -> ImportFile {
        ImportFile(fileName: name, bytes: [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name))))
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kostra-reload-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("Pipelined requests (1 000 and more) across a reload are all answered OK; those sent after it see the new data")
    func reloadUnderLoad() async throws {
        let store = try DataStore(directory: try Self.temporaryDirectory())
        try store.importFiles([try Self.fixture("12255-2022-2024-final.json")], status: .final, importedAt: "2025-06-15T08:00:00Z")
        let health = HealthState()
        let reloader = DataReloader(
            dataset: try store.open().dataset,
            health: health,
            authentication: Authentication(token: Self.token),
            load: { try store.open().dataset }
        )
        try await withTestServer(routers: reloader.routers, health: health) { port in
            try await withClient(port: port) { connection in
                let before = try await connection.call(KostraMethods.check, .init())
                #expect(before.dataVersion == "v1 2025-06-15T08:00:00Z final")
                #expect(before.years.last == 2024)

                // The March import lands in the directory; the server goes on serving v1.
                try store.importFiles([try Self.fixture("12255-2025-preliminary.csv")], status: .preliminary, importedAt: "2026-03-15T08:00:00Z")
                #expect(try await connection.call(KostraMethods.check, .init()).dataVersion == before.dataVersion)

                // A reload without the token is refused and changes nothing.
                await #expect {
                    _ = try await connection.call(KostraMethods.reload, .init())
                } throws: { ($0 as? RPCError)?.code == .unauthenticated }

                let request = KostraV1.GetSeriesRequest(indicatorId: Self.group2, regions: ["baerum"])
                // Waves of 100 pipelined requests on one connection; after the first 200
                // answers an admin connection reloads; the waves go on until two whole waves
                // have been sent after the reload answered (at least 10 waves, 1 000 requests).
                let progress = ReloadProgress()
                async let reload: Void = {
                    while progress.answered.load(ordering: .relaxed) < 200 { try await Task.sleep(for: .milliseconds(1)) }
                    try await withClient(port: port) { admin in
                        let reloaded = try await admin.call(KostraMethods.reload, .init(), metadata: Self.bearer)
                        #expect(reloaded.dataVersion == "v2 2026-03-15T08:00:00Z preliminary")
                        #expect(reloaded.previousDataVersion == "v1 2025-06-15T08:00:00Z final")
                        #expect(reloaded.years.last == 2025)
                    }
                    progress.reloaded.store(true, ordering: .releasing)
                }()
                var outcome: [(ok: Bool, lastYear: Int32?)] = []
                var afterReload: [(ok: Bool, lastYear: Int32?)] = []
                var wave = 0
                while wave < 10 || afterReload.count < 200, wave < 200 {
                    let sentAfterReload = progress.reloaded.load(ordering: .acquiring)
                    let thisWave = wave
                    let answers = await withTaskGroup(of: (ok: Bool, lastYear: Int32?).self) { group in
                        for offset in 0..<100 {
                            group.addTask {
                                defer { progress.answered.add(1, ordering: .relaxed) }
                                // Half cached (the same request), half not (a range that differs).
                                var asked = request
                                if offset.isMultiple(of: 2) { asked.fromYear = Int32(2000 + (thisWave * 7 + offset) % 20) }
                                do {
                                    let answer = try await connection.call(KostraMethods.getSeries, asked)
                                    return (true, answer.years.last)
                                } catch {
                                    return (false, nil)
                                }
                            }
                        }
                        var answers: [(ok: Bool, lastYear: Int32?)] = []
                        for await answer in group { answers.append(answer) }
                        return answers
                    }
                    outcome += answers
                    if sentAfterReload { afterReload += answers }
                    wave += 1
                }
                try await reload
                #expect(outcome.count >= 1000)
                #expect(outcome.allSatisfy { $0.ok })
                #expect(outcome.filter { $0.lastYear == 2024 }.count >= 200)
                #expect(outcome.allSatisfy { $0.lastYear == 2024 || $0.lastYear == 2025 })
                // Every request sent after the reload answered sees the new data.
                #expect(afterReload.count >= 200)
                #expect(afterReload.allSatisfy { $0.lastYear == 2025 })

                // After the reload: the new version, and Bærum's preliminary 2025 figure.
                let after = try await connection.call(KostraMethods.check, .init())
                #expect(after.dataVersion == "v2 2026-03-15T08:00:00Z preliminary")
                let series = try await connection.call(KostraMethods.getSeries, request)
                #expect(series.years.last == 2025)
                let latest = try #require(series.series.first?.observations.last)
                #expect(latest.value == 16.5 && latest.status == .preliminary)
            }
        }
    }

    @Test("A series with include_history carries the figures the final ones replaced")
    func history() async throws {
        let store = try DataStore(directory: try Self.temporaryDirectory())
        try store.importFiles([try Self.fixture("12255-2025-preliminary.csv")], status: .preliminary, importedAt: "2026-03-15T08:00:00Z")
        try store.importFiles([try Self.fixture("12255-2025-final.csv")], status: .final, importedAt: "2026-06-15T08:00:00Z")
        let health = HealthState()
        let reloader = DataReloader(dataset: try store.open().dataset, health: health, authentication: Authentication(token: Self.token), load: nil)
        try await withTestServer(routers: reloader.routers, health: health) { port in
            try await withClient(port: port) { connection in
                var request = KostraV1.GetSeriesRequest(indicatorId: Self.group2, regions: ["3201"], fromYear: 2024, toYear: 2025)
                let plain = try await connection.call(KostraMethods.getSeries, request)
                #expect(plain.series[0].observations.map(\.value) == [16.9, 16.6])
                #expect(plain.series[0].history.isEmpty)
                request.includeHistory = true
                let answer = try await connection.call(KostraMethods.getSeries, request)
                #expect(answer.series[0].observations.map(\.status) == [.final, .final])
                // 2024: the chapter's figure (as published); 2025: the preliminary figure.
                #expect(answer.series[0].history.map(\.year) == [2024, 2025])
                #expect(answer.series[0].history.map(\.value) == [16.9, 16.5])
                #expect(answer.series[0].history.map(\.status) == [.asPublished, .preliminary])
                // Without a data directory, Reload says so.
                await #expect {
                    _ = try await connection.call(KostraMethods.reload, .init(), metadata: Self.bearer)
                } throws: { ($0 as? RPCError)?.code == .failedPrecondition }
            }
        }
    }
}

/// How far the reload test has got, shared between tasks.
final class ReloadProgress: Sendable {
    /// Requests answered.
    let answered = Atomic<Int>(0)
    /// Whether the reload has been answered.
    let reloaded = Atomic<Bool>(false)
}
