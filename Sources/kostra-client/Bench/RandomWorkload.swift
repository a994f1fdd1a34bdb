import KostraCodec
import KostraProtocol

/// Requests drawn at random from what the server itself lists (`ListRegions`,
/// `ListIndicators`, `Check`'s years), for `bench --random`: each request's region, indicator
/// and years drawn anew, so that repeats are rare and the answer cache seldom helps.
struct RandomWorkload {
    /// What the server lists.
    struct Catalogue {
        var regions: [String]
        var municipalities: [String]
        var groups: [String]
        var indicators: [String]
        var years: [Int32]
    }

    /// Asks the server for its lists.
    static func catalogue(_ connection: ConnectionOptions) async throws -> Catalogue {
        let regions = try await connection.call(KostraMethods.listRegions, KostraV1.ListRegionsRequest(kind: .unspecified)).regions
        let indicators = try await connection.call(KostraMethods.listIndicators, KostraV1.ListIndicatorsRequest(service: "")).indicators
        let years = try await connection.call(KostraMethods.check, KostraV1.HealthCheckRequest()).years
        guard !regions.isEmpty, !indicators.isEmpty, !years.isEmpty else {
            throw BenchError("--random: the server lists \(regions.count) regions, \(indicators.count) indicators and \(years.count) years; it needs some of each")
        }
        return Catalogue(
            regions: regions.map(\.code),
            municipalities: regions.filter { $0.kind == .municipality }.map(\.code),
            groups: regions.filter { !$0.memberCodes.isEmpty }.map(\.code),
            indicators: indicators.map(\.id),
            years: years
        )
    }

    /// `count` requests of the methods in `mix` (by name, a name as often as its weight),
    /// drawn with `seed`.
    static func rotation(mix: [String], catalogue: Catalogue, count: Int, seed: UInt64) -> [BenchRequest] {
        var random = SeededGenerator(seed: seed)
        let municipalities = catalogue.municipalities.isEmpty ? catalogue.regions : catalogue.municipalities
        let groups = catalogue.groups.isEmpty ? ["ASSS"] : catalogue.groups
        var requests: [BenchRequest] = []
        requests.reserveCapacity(count)
        for _ in 0..<count {
            let name = mix.randomElement(using: &random)!
            let indicator = catalogue.indicators.randomElement(using: &random)!
            let region = catalogue.regions.randomElement(using: &random)!
            let municipality = municipalities.randomElement(using: &random)!
            let first = catalogue.years.randomElement(using: &random)!
            let second = catalogue.years.randomElement(using: &random)!
            let (from, to) = (min(first, second), max(first, second))
            let request: BenchRequest
            switch name {
            case "series":
                request = make(name, KostraMethods.getSeries, .init(indicatorId: indicator, regions: [region], fromYear: from, toYear: to))
            case "profile":
                request = make(name, KostraMethods.getProfile, .init(region: municipality, year: to))
            case "compare":
                request = make(
                    name, KostraMethods.compare,
                    .init(region: municipality, with: [region], indicatorId: indicator, fromYear: from, toYear: to)
                )
            case "group-average":
                request = make(
                    name, KostraMethods.getGroupAverage,
                    .init(group: groups.randomElement(using: &random)!, indicatorId: indicator, year: to)
                )
            default:
                // Methods of a region and a year, and those that take nothing.
                request = BenchWorkload.request(named: name, region: municipality, year: to)!
            }
            requests.append(request)
        }
        return requests
    }

    private static func make<Request, Response>(_ name: String, _ method: Method<Request, Response>, _ request: Request) -> BenchRequest {
        BenchRequest(name: name, path: method.path, payload: request.encoded())
    }
}
