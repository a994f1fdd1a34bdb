public import KostraCodec
public import KostraData
public import KostraProtocol
import Synchronization

/// Serves a dataset that can be replaced by a newer version while the server runs: owns the
/// server's ``RouterHolder`` and answers the `Reload` method by loading the data again and
/// swapping in a router over it (new data, new response cache). Requests in flight finish on
/// the router they began with; none is dropped.
public final class DataReloader: Sendable {
    /// The routers the server reads per request.
    public let routers: RouterHolder
    private let health: HealthState
    private let authentication: Authentication
    private let load: (@Sendable () throws -> Dataset)?
    private let metrics: ServerMetrics?
    /// The data version served; also serialises reloads.
    private let served: Mutex<String>

    /// Serves `dataset`; `load` reads the newest version (nil: the data cannot be reloaded, and
    /// `Reload` answers FAILED_PRECONDITION). `metrics`, when given, is told each version taken up.
    ///
    /// The routers' `Reload` refers to this object weakly: keep it for as long as they serve.
    public init(
        dataset: Dataset,
        health: HealthState,
        authentication: Authentication = .none,
        metrics: ServerMetrics? = nil,
        load: (@Sendable () throws -> Dataset)?
    ) {
        self.health = health
        self.metrics = metrics
        self.authentication = authentication
        self.load = load
        self.served = Mutex(dataset.name)
        self.routers = RouterHolder(Router(authentication: authentication))
        self.routers.replace(with: self.router(for: dataset))
    }

    private func router(for dataset: Dataset) -> Router {
        var router = KostraService.router(dataset: dataset, health: self.health, authentication: self.authentication)
        // Weak: the router is held by `routers`, which this object holds.
        router.register(KostraMethods.reload, access: .write, expensive: true) { [weak self] _, _ throws(RPCError) in
            guard let self else { throw RPCError(.unavailable, "the server is shutting down") }
            return try self.reload()
        }
        return router
    }

    /// Loads the newest data and serves it. A failure to load leaves the data served as it was.
    public func reload() throws(RPCError) -> KostraV1.ReloadResponse {
        guard let load = self.load else {
            throw RPCError(.failedPrecondition, "this server serves its built-in data; start it with --data DIR to reload")
        }
        return try self.served.withLock { name throws(RPCError) -> KostraV1.ReloadResponse in
            let dataset: Dataset
            do {
                dataset = try load()
            } catch {
                throw RPCError(.failedPrecondition, "cannot load the data; still serving \(name): \(error)")
            }
            let previous = name
            self.routers.replace(with: self.router(for: dataset))
            name = dataset.name
            self.metrics?.dataLoaded(version: dataset.name)
            return KostraV1.ReloadResponse(
                dataVersion: dataset.name,
                years: dataset.years.map { Int32($0) },
                previousDataVersion: previous
            )
        }
    }
}
