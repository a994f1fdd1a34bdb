extension Dataset {
    /// Indicators a person may have meant by an id the data does not have, best first, at
    /// most three (possibly none).
    ///
    /// The query is folded like a region name (case, æ ø å) and compared with each id, with and
    /// without its service prefix: an id that contains the query ranks first, then ids within a
    /// small edit distance.
    public func suggestIndicators(for query: String) -> [Indicator] {
        let folded = RegionResolver.fold(query).replacing(" ", with: "_")
        guard !folded.isEmpty else { return [] }
        let typed = Array(folded)
        let limit = min(4, max(1, typed.count / 3))
        var scored: [(score: Int, position: Int)] = []
        for (position, indicator) in indicators.enumerated() {
            let id = indicator.id
            let name = id.split(separator: ".", maxSplits: 1).last.map(String.init) ?? id
            let distance = min(EditDistance.between(typed, Array(id)), EditDistance.between(typed, Array(name)))
            if distance <= limit {
                scored.append((distance, position))
            } else if typed.count >= 4, id.contains(folded) {
                // Contained, but longer: rank after near-misses by how much is left over.
                scored.append((limit + 1 + name.count - min(name.count, typed.count), position))
            }
        }
        scored.sort { ($0.score, $0.position) < ($1.score, $1.position) }
        return scored.prefix(3).map { indicators[$0.position] }
    }
}
