public import KostraData

/// One figure a computed number was made from: which indicator, region and
/// year, its value, and how final it is.
public struct AnalysisInput: Sendable, Hashable {
    /// The indicator's id, or a name for a constant ("legal_norm_1_4").
    public var indicatorId: String
    /// The region's current code.
    public var regionCode: String
    /// The year.
    public var year: Int
    /// The value used; nil where it was missing.
    public var value: Double?
    /// How final the figure is.
    public var status: FigureStatus
    /// Where the figure comes from.
    public var source: String

    /// An input.
    public init(
        indicatorId: String,
        regionCode: String,
        year: Int,
        value: Double?,
        status: FigureStatus,
        source: String
    ) {
        self.indicatorId = indicatorId
        self.regionCode = regionCode
        self.year = year
        self.value = value
        self.status = status
        self.source = source
    }

    /// The input an observation provides.
    public init(_ observation: Observation) {
        self.init(
            indicatorId: observation.indicatorId,
            regionCode: observation.regionCode,
            year: observation.year,
            value: observation.value,
            status: observation.status,
            source: observation.source
        )
    }
}
