import Histogram
import KostraProtocol
import NIOCore
import Synchronization
import NIOPosix

/// Drives a kostra server with `connections` connections for a time or a
/// number of requests, and gathers what they measured.
///
/// It works on NIO's channel handlers directly, not through the async
/// client: a request costs a write and an answer a decode, so on a shared
/// 2-core machine the load generator takes as little CPU as it can from the
/// server it measures.
struct LoadGenerator: Sendable {
    /// How long, or how much, to run.
    enum Length: Sendable {
        /// Measure for this long, after the warm-up.
        case duration(Duration)
        /// Send this many requests in all (no warm-up).
        case requests(Int)
    }

    /// A progress sample, once a second.
    struct Progress: Sendable {
        var elapsed: Duration
        var answered: Int
        var errors: Int
        var requestsPerSecond: Double
    }

    var host: String
    var port: Int
    var connections: Int
    var pacing: LoadConnectionHandler.Pacing
    var length: Length
    var warmup: Duration
    var threads: Int
    var rotation: [BenchRequest]

    /// Runs the load, calling `progress` about once a second.
    func run(progress: @Sendable (Progress) -> Void) async throws -> BenchResult {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.threads)
        do {
            let result = try await self.run(on: group, progress: progress)
            try await group.shutdownGracefully()
            return result
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private func run(on group: MultiThreadedEventLoopGroup, progress: @Sendable (Progress) -> Void) async throws -> BenchResult {
        let budget: Int
        let warmup: Duration
        switch self.length {
        case .duration: (budget, warmup) = (Int.max, self.warmup)
        case .requests(let count): (budget, warmup) = (count, .zero)
        }
        let counters = LoadCounters(budget: budget)
        let channels = try await self.connect(group: group, counters: counters)
        defer {
            for channel in channels { channel.close(promise: nil) }
        }

        let clock = ContinuousClock()
        let began = clock.now
        let recordFrom = NIODeadline.now() + TimeAmount(warmup)
        // Open loop: connection i of n starts i/n of an interval after the first, so that
        // the requests of all of them are evenly spaced at the total rate (in bursts of one
        // per connection, the last of each burst would wait for the others: a latency of
        // the load generator's making).
        let openBase = NIODeadline.now() + .milliseconds(5)
        let interval: Int64 = if case .open(let interval) = self.pacing { interval.nanoseconds } else { 0 }
        var finished: [EventLoopFuture<Void>] = []
        for (index, channel) in channels.enumerated() {
            let openStart = openBase + .nanoseconds(interval * Int64(index) / Int64(max(channels.count, 1)))
            finished.append(
                try await channel.eventLoop.submit {
                    let context = try channel.pipeline.syncOperations.context(handlerType: LoadConnectionHandler.self)
                    let handler = try channel.pipeline.syncOperations.handler(type: LoadConnectionHandler.self)
                    return handler.start(context: context, recordFrom: recordFrom, openStart: openStart)
                }.get()
            )
        }
        let allFinished = EventLoopFuture.andAllComplete(finished, on: group.any())
        allFinished.whenComplete { _ in counters.markFinished() }

        // Report once a second until the time is up or the budget spent.
        var lastAnswered = 0
        var lastSample = clock.now
        while true {
            let stopAt: ContinuousClock.Instant? =
                if case .duration(let duration) = self.length { began + warmup + duration } else { nil }
            let nextSample = lastSample + .seconds(1)
            let wake = stopAt.map { min($0, nextSample) } ?? nextSample
            try? await clock.sleep(until: wake)
            if Task.isCancelled { break }
            let now = clock.now
            if now >= nextSample {
                let answered = counters.answered
                let seconds = (now - lastSample).seconds
                progress(
                    Progress(
                        elapsed: now - began,
                        answered: answered,
                        errors: counters.errors,
                        requestsPerSecond: seconds > 0 ? Double(answered - lastAnswered) / seconds : 0
                    )
                )
                lastAnswered = answered
                lastSample = now
            }
            if let stopAt, now >= stopAt { break }
            if case .requests(let count) = self.length, counters.answered >= count { break }
            if counters.isFinished { break }  // every connection ended (closed, or its budget spent)
        }
        let stoppedAt = clock.now

        // Stop sending; wait (at most 10 s) for the answers still due.
        for channel in channels {
            try? await channel.eventLoop.submit {
                let context = try channel.pipeline.syncOperations.context(handlerType: LoadConnectionHandler.self)
                try channel.pipeline.syncOperations.handler(type: LoadConnectionHandler.self).stop(context: context)
            }.get()
        }
        let drainTimeout = group.any().scheduleTask(in: .seconds(10)) {
            for channel in channels { channel.close(promise: nil) }
        }
        try? await allFinished.get()
        drainTimeout.cancel()
        let endedAt = clock.now

        var merged = BenchResult.Measured()
        for channel in channels {
            let result = try? await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.handler(type: LoadConnectionHandler.self).takeResult()
            }.get()
            if let result { merged.add(result) }
        }
        let window: Duration =
            switch self.length {
            case .duration: stoppedAt - began - warmup
            case .requests: endedAt - began
            }
        return BenchResult(
            connections: self.connections,
            pacing: self.pacing,
            threads: self.threads,
            methods: self.rotation.map(\.name),
            window: window,
            measured: merged
        )
    }

    private func connect(group: MultiThreadedEventLoopGroup, counters: LoadCounters) async throws -> [any Channel] {
        let opened = Mutex(0)
        let bootstrap = ClientBootstrap(group: group)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { [rotation, pacing, connections = self.connections] channel in
                // Each connection starts at its own place in the rotation.
                let number = opened.withLock { count in
                    defer { count += 1 }
                    return count
                }
                let offset = rotation.count * number / max(connections, 1)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers(
                        ByteToMessageHandler(FrameDecoder(maximumPayloadSize: 64 * 1024 * 1024)),
                        LoadConnectionHandler(rotation: rotation, pacing: pacing, counters: counters, offset: offset)
                    )
                }
            }
        var channels: [any Channel] = []
        do {
            for _ in 0..<self.connections {
                channels.append(try await bootstrap.connect(host: self.host, port: self.port).get())
            }
        } catch {
            for channel in channels { channel.close(promise: nil) }
            throw RPCError(.unavailable, "cannot connect to \(self.host):\(self.port) (connection \(channels.count + 1) of \(self.connections)): \(error)")
        }
        return channels
    }
}
