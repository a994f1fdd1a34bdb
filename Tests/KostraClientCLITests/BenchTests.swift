import ArgumentParser
import KostraCodec
import KostraProtocol
import NIOCore
import Testing

@testable import kostra_client

/// `kostra-client bench`: parsing, the method mix, and real runs against a
/// live server whose answers are counted, not timed.
@Suite("bench")
struct BenchTests {
    @Test("a weighted mix repeats each request by its weight, in the order given")
    func mix() throws {
        let rotation = try BenchWorkload.mix("profile:3, series", region: "Bærum", year: 2024)
        #expect(rotation.map(\.name) == ["profile", "profile", "profile", "series"])
        #expect(rotation[0].path == KostraMethods.getProfile.path)
        let profile = try KostraV1.GetProfileRequest(decoding: rotation[0].payload)
        #expect(profile.region == "Bærum")
        #expect(profile.year == 2024)
        // Every name the help lists makes a request.
        for name in BenchWorkload.names {
            #expect(BenchWorkload.request(named: name, region: "Bærum", year: 2024) != nil, "\(name)")
        }
    }

    @Test("bad options are refused with a message naming the option", arguments: [
        (["bench", "--method", "profil"], "unknown method 'profil'"),
        (["bench", "--method", "profile:0"], "weight"),
        (["bench", "--connections", "0"], "--connections"),
        (["bench", "--rate", "-5"], "--rate"),
        (["bench", "--duration", "5", "--requests", "10"], "not both"),
        (["bench", "--depth", "0"], "--depth"),
    ])
    func validation(arguments: [String], mention: String) {
        do {
            _ = try KostraClientCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) should not parse")
        } catch {
            #expect(KostraClientCommand.exitCode(for: error) == .validationFailure)
            #expect(KostraClientCommand.message(for: error).contains(mention), "\(KostraClientCommand.message(for: error))")
        }
    }

    @Test("closed loop, --requests 500 over 4 connections × 8: 500 answers, no errors, one latency each")
    func closedLoop() async throws {
        let result = try await withLiveServer { port in
            try await LoadGenerator(
                host: "127.0.0.1",
                port: port,
                connections: 4,
                pacing: .closed(depth: 8),
                length: .requests(500),
                warmup: .zero,
                threads: 1,
                rotation: try BenchWorkload.mix("profile:3,series,check", region: "Bærum", year: 2024)
            ).run { _ in }
        }
        #expect(result.measured.answered == 500)
        #expect(result.measured.histogram.totalCount == 500)
        #expect(result.errors == 0)
        #expect(result.measured.unanswered == 0)
        #expect(result.latency(percentile: 50) <= result.latency(percentile: 99))
        #expect(result.methodNames == ["profile", "series", "check"])
        // JSON keys scripts rely on (issue 6).
        guard case .object(let members) = result.json else {
            Issue.record("not an object")
            return
        }
        let keys = Set(members.map(\.0))
        for key in ["requests_per_second", "errors", "p50_us", "p99_us", "p999_us"] {
            #expect(keys.contains(key), "\(key)")
        }
    }

    @Test("open loop at 200 a second over 2 connections: a budget of 200 requests is sent and answered")
    func openLoop() async throws {
        let result = try await withLiveServer { port in
            try await LoadGenerator(
                host: "127.0.0.1",
                port: port,
                connections: 2,
                pacing: .open(interval: .milliseconds(10)),  // 100 a second on each connection
                length: .requests(200),
                warmup: .zero,
                threads: 1,
                rotation: try BenchWorkload.mix("profile", region: "Bærum", year: 2024)
            ).run { _ in }
        }
        // The budget is shared: 200 in all, whichever connection sent them.
        #expect(result.measured.answered == 200)
        #expect(result.measured.histogram.totalCount == 200)
        #expect(result.errors == 0)
        #expect(result.rate == 200)
    }

    @Test("errors are counted by code: an unknown region is NOT_FOUND on every request")
    func errorsCounted() async throws {
        let result = try await withLiveServer { port in
            try await LoadGenerator(
                host: "127.0.0.1",
                port: port,
                connections: 2,
                pacing: .closed(depth: 2),
                length: .requests(40),
                warmup: .zero,
                threads: 1,
                rotation: try BenchWorkload.mix("profile", region: "Atlantis", year: 2024)
            ).run { _ in }
        }
        #expect(result.errors == 40)
        #expect(result.measured.errorsByCode == ["NOT_FOUND": 40])
    }

    @Test("no server: UNAVAILABLE, so exit code 69")
    func noServer() async throws {
        // Port 1 on loopback: nothing listens there on these machines.
        await #expect {
            _ = try await LoadGenerator(
                host: "127.0.0.1",
                port: 1,
                connections: 1,
                pacing: .closed(depth: 1),
                length: .requests(1),
                warmup: .zero,
                threads: 1,
                rotation: try BenchWorkload.mix("check", region: "Bærum", year: 2024)
            ).run { _ in }
        } throws: { error in
            (error as? RPCError)?.code == .unavailable && Failure.exitCode(for: .unavailable) == 69
        }
    }
}
