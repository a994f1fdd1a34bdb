public import KostraData

/// How a number came to be: the method, the formula with the inputs'
/// values written in, the inputs, and whether the number was computed here
/// or served as the report published it.
public struct Provenance: Sendable, Hashable {
    /// The method that produced the number.
    public var method: AnalysisMethod
    /// The formula, with values: "100 × 16.9 / 16.4".
    public var formula: String
    /// The figures the number was made from.
    public var inputs: [AnalysisInput]
    /// True when the number is the report's own, not computed (its inputs
    /// are missing but the report publishes the result).
    public var isPublished: Bool
    /// For a published number, where the report gives it.
    public var source: String?

    /// Provenance of a computed number.
    public init(method: AnalysisMethod, formula: String, inputs: [AnalysisInput]) {
        self.method = method
        self.formula = formula
        self.inputs = inputs
        self.isPublished = false
        self.source = nil
    }

    /// Provenance of a number served as the report published it.
    public static func published(_ observation: Observation, method: AnalysisMethod) -> Provenance {
        var provenance = Provenance(method: method, formula: "as published", inputs: [AnalysisInput(observation)])
        provenance.isPublished = true
        provenance.source = observation.source
        return provenance
    }

    /// The least final status among the inputs: a number computed from one
    /// preliminary figure is preliminary. Published numbers are as published.
    public var status: FigureStatus {
        if self.isPublished { return .asPublished }
        let statuses = self.inputs.map(\.status)
        if statuses.contains(.preliminary) { return .preliminary }
        if statuses.contains(.asPublished) { return .asPublished }
        return statuses.isEmpty ? .asPublished : .final
    }
}
