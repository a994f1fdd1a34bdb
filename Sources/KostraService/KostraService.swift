import KostraAnalysis
import KostraProtocol
public import KostraData
import NIOCore

/// Puts the pieces together: the router with every method registered over a dataset.
public enum KostraService {
    /// Makes the servers of this process (``KostraServer``, ``OpsServer``) run on `threads`
    /// event loops instead of one per core. Call it once, first thing, before any server is made:
    /// it sizes NIO's shared event-loop group, which cannot change once used.
    public static func useEventLoopThreads(_ threads: Int) {
        precondition(threads > 0, "threads must be positive")
        NIOSingletons.groupLoopCountSuggestion = threads
    }

    /// The router with every method of `service Kostra` over `dataset`. Its `Reload` answers
    /// FAILED_PRECONDITION (after the token check); ``DataReloader`` makes one that reloads.
    public static func router(dataset: Dataset, health: HealthState, authentication: Authentication = .none) -> Router {
        var router = Router(authentication: authentication)
        DataMethods(dataset: dataset, health: health, serverVersion: KostraVersion.string).register(on: &router)
        AnalysisMethods(analysis: Analysis(dataset: dataset)).register(on: &router)
        // Reload needs a data directory; ``DataReloader`` registers the one that reloads.
        router.register(KostraMethods.reload, access: .write, expensive: true) { _, _ throws(RPCError) in
            throw RPCError(.failedPrecondition, "this server's data cannot be reloaded; start it with --data DIR")
        }
        return router
    }
}
