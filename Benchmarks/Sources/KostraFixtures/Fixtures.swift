public import KostraCodec
public import KostraData
public import KostraProtocol
public import KostraService
import Logging

/// The built-in data behind a router with every method, and the real
/// requests and answers the benchmarks encode, decode and compute.
///
/// The requests are those `kostra-client bench` sends (Bærum, 2024; series,
/// compare and group average of `grunnskole.gruppestorrelse_2`), so that the
/// figures here and under load describe the same messages.
public struct Fixtures: Sendable {
    /// The region every request asks about.
    public static let region = "Bærum"
    /// The year every request asks about.
    public static let year: Int32 = 2024
    /// The indicator of the series, compare and group-average requests.
    public static let indicator = "grunnskole.gruppestorrelse_2"

    /// The built-in data.
    public let dataset: Dataset
    /// A router over it with every method registered (health set to serving).
    public let router: Router

    /// The built-in data and a router over it.
    public init() throws {
        self.dataset = try Dataset.builtIn()
        self.router = Self.makeRouter(dataset: self.dataset)
    }

    /// A new router over `dataset`, with an empty response cache.
    public static func makeRouter(dataset: Dataset) -> Router {
        let health = HealthState()
        health.setServing(true)
        return KostraService.router(dataset: dataset, health: health)
    }

    /// A request context with a minute's deadline and no logging.
    public static func context(method: String, id: UInt64 = 1) -> RequestContext {
        RequestContext(
            id: id,
            method: method,
            deadline: .now + .seconds(60),
            logger: Logger(label: "kostra-benchmarks", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    /// The envelope carrying `request` to `method`.
    public static func envelope<Request, Response>(
        _ method: Method<Request, Response>,
        _ request: Request,
        id: UInt64 = 1
    ) -> KostraV1.RequestEnvelope {
        KostraV1.RequestEnvelope(id: id, method: method.path, payload: request.encoded(), protocolVersion: 1)
    }

    /// The router's answer to `request`, decoded; throws when it is not OK.
    public func answer<Request, Response>(
        _ method: Method<Request, Response>,
        _ request: Request
    ) async throws -> Response {
        let response = await self.router.respond(
            to: Self.envelope(method, request),
            context: Self.context(method: method.path)
        )
        // An absent status means OK (envelope.proto).
        if let status = response.status, status.code != .ok {
            throw FixtureError(path: method.path, message: status.message)
        }
        return try Response(decoding: response.payload)
    }
}

/// A request of the fixtures that the router did not answer OK.
public struct FixtureError: Error, CustomStringConvertible {
    /// The method called.
    public var path: String
    /// The status message of the answer.
    public var message: String

    public var description: String {
        "\(self.path) failed: \(self.message)"
    }
}
