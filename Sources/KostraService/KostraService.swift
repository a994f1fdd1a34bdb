import KostraAnalysis
public import KostraData
public import Logging
public import NIOCore

/// Puts the pieces together: a server over a dataset with every method registered.
public enum KostraService {
    /// The router with every method of `service Kostra` over `dataset`.
    public static func router(dataset: Dataset, health: HealthState, authentication: Authentication = .none) -> Router {
        var router = Router(authentication: authentication)
        DataMethods(dataset: dataset, health: health, serverVersion: KostraVersion.string).register(on: &router)
        AnalysisMethods(analysis: Analysis(dataset: dataset)).register(on: &router)
        return router
    }

    /// A server answering every method from `dataset`.
    public static func server(
        dataset: Dataset,
        configuration: ServerConfiguration,
        authentication: Authentication = .none,
        logger: Logger,
        onListening: @escaping @Sendable (SocketAddress) -> Void = { _ in }
    ) -> KostraServer {
        let health = HealthState()
        return KostraServer(
            configuration: configuration,
            router: Self.router(dataset: dataset, health: health, authentication: authentication),
            health: health,
            logger: logger,
            onListening: onListening
        )
    }
}
