public import KostraData

/// How a number came to be: the method, the formula with the inputs'
/// values written in, the inputs, and whether the number was computed here
/// or served as the report published it.
///
/// One rule (PROTOCOL.md, "Published and computed"): a number is either
/// computed here (`isPublished` false, `method` the method that computed it,
/// the formula with its values and every input) or published (`isPublished`
/// true, `method` `.published`, formula "as published", its one input the
/// figure served: an observation of the data, or a figure of a sentence as
/// `fact:<id>`, and `source` where it is printed). A figure read from the data
/// unchanged is published. A result a method computes is never replaced by
/// the report's number: that goes in the result's `published…` sibling.
public struct Provenance: Sendable, Hashable {
    /// The method that produced the number.
    public var method: AnalysisMethod
    /// The formula, with values: "100 × 16.9 / 16.4".
    public var formula: String
    /// The figures the number was made from.
    public var inputs: [AnalysisInput]
    /// True when the number is served as its source publishes it (a report's
    /// table or sentence, an SSB table), not computed here; `method` is then
    /// `.published`.
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

    /// Provenance of a number served as its source published it: an
    /// observation of the data, unchanged.
    public static func published(_ observation: Observation) -> Provenance {
        var provenance = Provenance(method: .published, formula: "as published", inputs: [AnalysisInput(observation)])
        provenance.isPublished = true
        provenance.source = observation.source
        return provenance
    }

    /// The least final status among the inputs: a number computed from one
    /// preliminary figure is preliminary. A published number has its own
    /// figure's status (AS_PUBLISHED for a report, FINAL or PRELIMINARY for SSB).
    public var status: FigureStatus {
        if self.isPublished { return self.inputs.first?.status ?? .asPublished }
        let statuses = self.inputs.map(\.status)
        if statuses.contains(.preliminary) { return .preliminary }
        if statuses.contains(.asPublished) { return .asPublished }
        return statuses.isEmpty ? .asPublished : .final
    }
}
