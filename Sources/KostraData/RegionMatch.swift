/// The answer to a region query: the region, or the closest candidates.
public enum RegionMatch: Sendable, Hashable {
    /// The query names this region.
    case found(Region)
    /// The query names no region; `suggestions` are the closest by edit distance, best first,
    /// at most three (possibly none).
    case notFound(suggestions: [Region])

    /// The region found, or `nil`.
    public var region: Region? {
        if case .found(let region) = self { region } else { nil }
    }
}
