import Foundation
import KostraCodec
import KostraProtocol

/// One kind of request the load generator sends: a method and its encoded
/// request message, made once before the run.
struct BenchRequest: Sendable, Equatable {
    /// The name given on the command line (`profile`, `series`, ...).
    let name: String
    /// The method path, `/kostra.v1.Kostra/GetProfile`.
    let path: String
    /// The encoded request message.
    let payload: [UInt8]
}

/// The requests `kostra-client bench --method` can send, by name, and the
/// parsing of a mix such as `profile` or `profile:3,series:1`.
enum BenchWorkload {
    /// The names `--method` takes, in the order of the service block.
    static let names = [
        "check", "indicators", "regions", "series", "profile", "compare", "group-average",
        "production", "production-change", "efficiency", "resource-use", "norm", "statements",
    ]

    /// The request called `name` for `region` and `year`, or nil for an unknown name.
    static func request(named name: String, region: String, year: Int32) -> BenchRequest? {
        let regionYear = KostraV1.RegionYearRequest(region: region, year: year)
        switch name {
        case "check":
            return Self.make(name, KostraMethods.check, .init())
        case "indicators":
            return Self.make(name, KostraMethods.listIndicators, .init())
        case "regions":
            return Self.make(name, KostraMethods.listRegions, .init())
        case "series":
            return Self.make(
                name,
                KostraMethods.getSeries,
                .init(indicatorId: "grunnskole.gruppestorrelse_2", regions: [region, "Asker", "ASSS"])
            )
        case "profile":
            return Self.make(name, KostraMethods.getProfile, .init(region: region, year: year))
        case "compare":
            return Self.make(
                name,
                KostraMethods.compare,
                .init(region: region, with: ["Asker", "ASSS"], indicatorId: "grunnskole.gruppestorrelse_2")
            )
        case "group-average":
            return Self.make(
                name,
                KostraMethods.getGroupAverage,
                .init(group: "ASSS", indicatorId: "grunnskole.gruppestorrelse_2", year: year)
            )
        case "production":
            return Self.make(name, KostraMethods.getProductionIndex, regionYear)
        case "production-change":
            return Self.make(name, KostraMethods.getProductionChange, regionYear)
        case "efficiency":
            return Self.make(name, KostraMethods.getEfficiency, regionYear)
        case "resource-use":
            return Self.make(name, KostraMethods.getResourceUse, regionYear)
        case "norm":
            return Self.make(name, KostraMethods.getTeacherNorm, regionYear)
        case "statements":
            return Self.make(name, KostraMethods.getStatements, regionYear)
        default:
            return nil
        }
    }

    /// A mix: `name` or `name:weight` items separated by commas; each
    /// request appears `weight` times in the rotation the connections follow.
    static func mix(_ spec: String, region: String, year: Int32) throws(BenchError) -> [BenchRequest] {
        var rotation: [BenchRequest] = []
        for item in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts.first ?? ""
            var weight = 1
            if parts.count == 2 {
                guard let parsed = Int(parts[1]), (1...1000).contains(parsed) else {
                    throw BenchError("--method: the weight in '\(item)' must be a whole number from 1 to 1000")
                }
                weight = parsed
            }
            guard let request = Self.request(named: name, region: region, year: year) else {
                let known = Self.names.joined(separator: ", ")
                throw BenchError("--method: unknown method '\(name)'; known: \(known)")
            }
            rotation += Array(repeating: request, count: weight)
        }
        return rotation
    }

    private static func make<Request, Response>(
        _ name: String,
        _ method: Method<Request, Response>,
        _ request: Request
    ) -> BenchRequest {
        BenchRequest(name: name, path: method.path, payload: request.encoded())
    }
}
