public import KostraData

/// A number the analysis produced, with its unit and how it came to be; or,
/// where it could not be produced, why not. A missing input makes a missing
/// figure, never a zero.
public struct Figure: Sendable, Hashable {
    /// The value; nil when it could not be computed.
    public var value: Double?
    /// The unit of the value.
    public var unit: Unit
    /// How the value came to be.
    public var provenance: Provenance
    /// Why the value is missing, for a person ("Asker has no figure for 2024").
    public var missingReason: String?

    /// A computed or published value.
    public init(value: Double, unit: Unit, provenance: Provenance) {
        self.value = value
        self.unit = unit
        self.provenance = provenance
        self.missingReason = nil
    }

    /// A value that could not be computed, and why.
    public init(missing reason: String, unit: Unit, provenance: Provenance) {
        self.value = nil
        self.unit = unit
        self.provenance = provenance
        self.missingReason = reason
    }
}
