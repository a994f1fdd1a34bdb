/// Something measured: what it is, in which unit, and how to read and average it.
public struct Indicator: Sendable, Hashable, Identifiable {
    /// A stable id, lower-case ASCII, `service.snake_case` ("grunnskole.gruppestorrelse_2").
    /// Never reused for another meaning.
    public var id: String
    /// The name in Norwegian (bokmål), as the report prints it (or, where the print is wrong,
    /// as it should read; the description then says so).
    public var nameNb: String
    /// The name in English.
    public var nameEn: String
    /// The unit of the values.
    public var unit: Unit
    /// The KOSTRA account function(s), where one applies ("202", "202+215+222+223").
    public var kostraFunction: String?
    /// Which way a higher value leans.
    public var direction: Direction
    /// How a group average is formed.
    public var aggregation: Aggregation
    /// For a weighted average, the id of the indicator that holds each member's denominator
    /// (pupils, inhabitants 6-15, ...): the weighted mean is Σ value × weight / Σ weight, which
    /// equals Σ numerators / Σ denominators. `nil` where the data has no such indicator; a
    /// weighted average then cannot be formed from the members.
    public var weightIndicatorId: String?
    /// SSB's content code (ContentsCode), where known for certain.
    public var ssbContentCode: String?
    /// The SSB StatBank table, where known for certain ("12255").
    public var ssbTable: String?
    /// The service area ("grunnskole").
    public var service: String
    /// How many decimals the report prints.
    public var decimals: Int
    /// What it measures and how to read it, including any flaw of the source.
    public var description: String

    /// Creates an indicator.
    public init(
        id: String,
        nameNb: String,
        nameEn: String,
        unit: Unit,
        kostraFunction: String? = nil,
        direction: Direction,
        aggregation: Aggregation,
        weightIndicatorId: String? = nil,
        ssbContentCode: String? = nil,
        ssbTable: String? = nil,
        service: String,
        decimals: Int,
        description: String = ""
    ) {
        self.id = id
        self.nameNb = nameNb
        self.nameEn = nameEn
        self.unit = unit
        self.kostraFunction = kostraFunction
        self.direction = direction
        self.aggregation = aggregation
        self.weightIndicatorId = weightIndicatorId
        self.ssbContentCode = ssbContentCode
        self.ssbTable = ssbTable
        self.service = service
        self.decimals = decimals
        self.description = description
    }
}
