import KostraCodec
import KostraProtocol
import Synchronization

/// Answers already computed, by method and request bytes, encoded and ready
/// to frame for any request id.
///
/// The data is read-only while a router serves it, so a method whose answer
/// depends only on its request (every read method but the health check)
/// need compute each distinct answer once. A new data version comes with a
/// new router, and so with an empty cache.
///
/// Bounded by ``maximumBytes`` in all: when full it stops adding (the answers
/// most asked for are usually the first asked for), so memory stays bounded
/// whatever clients send.
final class ResponseCache: Sendable {
    private struct Key: Hashable, Sendable {
        let path: String
        let payload: [UInt8]

        /// The payload's bytes hashed as one block: `[UInt8]`'s own hashing
        /// feeds the hasher a byte at a time, which cost about 5 % of the
        /// server's time on a pipelined load of small requests.
        func hash(into hasher: inout Hasher) {
            hasher.combine(self.path)
            hasher.combine(self.payload.count)
            self.payload.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    private struct State {
        var answers: [Key: EncodedAnswer] = [:]
        var bytes = 0
    }

    /// The most bytes of answers (and their keys) kept.
    let maximumBytes: Int
    private let state = Mutex(State())

    /// A cache holding at most `maximumBytes` of answers (64 MiB by default).
    init(maximumBytes: Int = 64 * 1024 * 1024) {
        self.maximumBytes = maximumBytes
    }

    /// The answer kept for `payload` sent to `path`, if any.
    func answer(path: String, payload: [UInt8]) -> EncodedAnswer? {
        let key = Key(path: path, payload: payload)
        return self.state.withLock { $0.answers[key] }
    }

    /// Keeps `answer` unless that would pass the bound.
    func keep(_ answer: EncodedAnswer, path: String, payload: [UInt8]) {
        let size = answer.body.readableBytes + payload.count + path.utf8.count
        let key = Key(path: path, payload: payload)
        self.state.withLock { state in
            guard state.answers[key] == nil, state.bytes + size <= self.maximumBytes else { return }
            state.answers[key] = answer
            state.bytes += size
        }
    }

    /// How many answers are kept.
    var count: Int {
        self.state.withLock { $0.answers.count }
    }
}
