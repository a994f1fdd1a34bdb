/// Gives each distinct source text one position, so that a figure refers to its source by a
/// number rather than carrying its own copy of the text.
struct SourceInterner {
    /// The texts, each once, in the order first seen.
    private(set) var sources: [String] = []
    private var positions: [String: UInt32] = [:]

    /// An interner that starts with `sources` (each at its position).
    init(sources: [String] = []) {
        for source in sources { _ = position(of: source) }
    }

    /// The position of `source`, added if new.
    mutating func position(of source: String) -> UInt32 {
        if let position = positions[source] { return position }
        let position = UInt32(sources.count)
        positions[source] = position
        sources.append(source)
        return position
    }
}
