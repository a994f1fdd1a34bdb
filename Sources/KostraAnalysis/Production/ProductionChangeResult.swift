public import KostraData

/// The change in a municipality's production from the year before, beside the same change for
/// the ASSS average. See `Analysis.productionChange(region:year:)` for the formula.
public struct ProductionChangeResult: Sendable, Hashable {
    /// The municipality.
    public var region: Region
    /// The group whose change is shown beside it (ASSS med Oslo).
    public var reference: Region
    /// The later year.
    public var year: Int
    /// The earlier year (`year - 1`).
    public var baseYear: Int
    /// The sum of the later year's weights as published; nil without weights.
    public var weightSum: Double?
    /// Where the weights come from; nil without weights.
    public var weightsSource: String?
    /// The municipality's change.
    public var municipality: ProductionChange
    /// The reference group's change, formed the same way from the group's figures.
    public var referenceChange: ProductionChange

    /// A result.
    public init(
        region: Region,
        reference: Region,
        year: Int,
        baseYear: Int,
        weightSum: Double?,
        weightsSource: String?,
        municipality: ProductionChange,
        referenceChange: ProductionChange
    ) {
        self.region = region
        self.reference = reference
        self.year = year
        self.baseYear = baseYear
        self.weightSum = weightSum
        self.weightsSource = weightsSource
        self.municipality = municipality
        self.referenceChange = referenceChange
    }
}
