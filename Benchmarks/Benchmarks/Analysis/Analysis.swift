// The analysis methods over the built-in data, and the router's whole path
// from a request's bytes to its answer's bytes.
//
// Every benchmark asks what `kostra-client bench` asks: Bærum, 2024, against
// ASSS; series, compare and group average of grunnskole.gruppestorrelse_2.
import Benchmark
import KostraAnalysis
import KostraCodec
import KostraData
import KostraFixtures
import KostraProtocol
import KostraService

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        warmupIterations: 10,
        maxDuration: .milliseconds(500),
        maxIterations: 20_000
    )

    let region = Fixtures.region
    let year = Int(Fixtures.year)
    let indicator = Fixtures.indicator

    // (Qualified: this target is itself called Analysis.)
    func analysis(_ name: String, _ body: @escaping @Sendable (KostraAnalysis.Analysis) throws -> Any) {
        Benchmark(
            "Analysis.\(name)",
            closure: { benchmark, analysis in
                for _ in benchmark.scaledIterations {
                    blackHole(try! body(analysis))
                }
            },
            setup: { KostraAnalysis.Analysis(dataset: try Dataset.builtIn()) }
        )
    }

    analysis("serviceProfile") { try $0.serviceProfile(region: region, year: year) }
    analysis("compare") { try $0.compare(region: region, with: ["Asker", "ASSS"], indicatorId: indicator) }
    analysis("groupAverage") { try $0.groupAverage(group: "ASSS", indicatorId: indicator, year: year) }
    analysis("productionIndex") { try $0.productionIndex(region: region, year: year) }
    analysis("productionChange") { try $0.productionChange(region: region, year: year) }
    analysis("efficiency") { try $0.efficiency(region: region, year: year) }
    analysis("resourceUse") { try $0.resourceUse(region: region, year: year) }
    analysis("teacherNorm") { try $0.teacherNorm(region: region, year: year) }
    analysis("statements") { try $0.statements(region: region, year: year) }

    // The router's path for a profile request, from the envelope's bytes to
    // the answer envelope's bytes: decode (protobuf-c), find the handler,
    // decode the request, compute, encode the answer and its envelope.
    // Router.respond always computes (the server consults its response cache
    // before it, with cachedAnswer), so every iteration here is a first call.
    Benchmark(
        "Router.GetProfile bytes to bytes (computed)",
        closure: { benchmark, setup in
            for _ in benchmark.scaledIterations {
                let envelope = try! KostraV1.RequestEnvelope(decoding: setup.requestBytes)
                let response = await setup.router.respond(to: envelope, context: setup.context)
                blackHole(response.encoded())
            }
        },
        setup: { try RouterSetup() }
    )

    // The same request once its answer is kept: what the server does on the
    // event loop for a request it has answered before (decode the envelope,
    // look the answer up, frame it for this id).
    Benchmark(
        "Router.GetProfile bytes to frame (kept answer)",
        closure: { (benchmark: Benchmark, setup: RouterSetup) in
            for _ in benchmark.scaledIterations {
                let envelope = try! KostraV1.RequestEnvelope(decoding: setup.requestBytes)
                let answer = setup.router.cachedAnswer(to: envelope)!
                blackHole(answer.frameHead(id: envelope.id, allocator: setup.allocator))
            }
        },
        setup: { () async throws -> RouterSetup in
            let setup = try RouterSetup()
            // The first answer is kept by the router.
            let envelope = try KostraV1.RequestEnvelope(decoding: setup.requestBytes)
            _ = await setup.router.respond(to: envelope, context: setup.context)
            return setup
        }
    )

    // A router with a new, empty cache every iteration, and the first
    // profile answer through it: the cost of a data reload's first request.
    Benchmark(
        "Router.GetProfile first call on a new router",
        closure: { benchmark, setup in
            for _ in benchmark.scaledIterations {
                let router = Fixtures.makeRouter(dataset: setup.dataset)
                let envelope = try! KostraV1.RequestEnvelope(decoding: setup.requestBytes)
                blackHole(await router.respond(to: envelope, context: setup.context).encoded())
            }
        },
        setup: { try RouterSetup() }
    )
}
