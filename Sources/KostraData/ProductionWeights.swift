/// The weights of a year's production index: each production indicator's share of the index.
///
/// Weights change from year to year; they are data, not constants. They are kept as published,
/// even when they do not add up to exactly 1 (2024's add up to 1.0001).
public struct ProductionWeights: Sendable, Hashable {
    /// The year the weights apply to.
    public var year: Int
    /// The weight of each indicator, by indicator id.
    public var weights: [String: Double]
    /// Where the weights come from.
    public var source: String
    /// The names the source prints for the indicators, by indicator id (may be empty).
    public var labels: [String: String]
    /// Remarks on the weights as published.
    public var notes: [String]

    /// Creates a year's weights.
    public init(
        year: Int,
        weights: [String: Double],
        source: String,
        labels: [String: String] = [:],
        notes: [String] = []
    ) {
        self.year = year
        self.weights = weights
        self.source = source
        self.labels = labels
        self.notes = notes
    }

    /// The sum of the weights, as published.
    public var total: Double { weights.values.reduce(0, +) }
}
