/// A body of KOSTRA data: regions, indicators, the figures, and what a report says about them.
///
/// A dataset is checked when it is made and is immutable afterwards; every lookup is indexed.
/// Region codes are current codes throughout: figures reported under a former code are stored
/// under the current one (with `Observation.reportedCode` keeping the old), and the lookups
/// accept a former code too.
public struct Dataset: Sendable {
    /// The dataset's name: "built-in", or a data version's name.
    public let name: String
    /// Where the data comes from, in words.
    public let source: String
    /// The regions, in file order.
    public let regions: [Region]
    /// The indicators, in file order.
    public let indicators: [Indicator]
    /// The production-index weights, one set per year.
    public let productionWeights: [ProductionWeights]
    /// The report's relational statements, in file order.
    public let facts: [Fact]
    /// The report's tables as printed (title, layout, remarks).
    public let tables: [SourceTable]

    let regionPositions: [String: Int]
    let indicatorPositions: [String: Int]
    let currentCodes: [String: String]
    let resolver: RegionResolver
    /// The figures: a column per indicator, by the indicator's position.
    let figures: FigureTable
    let allYears: [Int]

    /// Every year any observation has, ascending.
    public var years: [Int] { allYears }

    /// Makes a dataset from its parts, checking them: unique region codes (former codes
    /// included) and indicator ids; observations that name known regions and indicators, have
    /// a finite value or a reason for its absence, and do not repeat; weights and facts that
    /// name known indicators and regions.
    ///
    /// Region codes may be former codes; they are stored under the current code. An error
    /// names the faulty part as "observations[12]", "regions[3].code" and so on.
    public init(
        regions: [Region],
        indicators: [Indicator],
        observations: [Observation],
        productionWeights: [ProductionWeights] = [],
        facts: [Fact] = [],
        name: String,
        source: String = "",
        tables: [SourceTable] = [],
        revisions: [Observation] = []
    ) throws(DatasetError) {
        var contents = DatasetContents()
        contents.source = source
        contents.regions = DatasetContents.items(regions, named: "regions")
        contents.indicators = DatasetContents.items(indicators, named: "indicators")
        contents.observations = DatasetContents.items(observations, named: "observations")
        contents.productionWeights = DatasetContents.items(productionWeights, named: "productionWeights")
        contents.facts = DatasetContents.items(facts, named: "facts")
        contents.tables = DatasetContents.items(tables, named: "tables")
        contents.revisions = DatasetContents.items(revisions, named: "revisions")
        try self.init(contents: contents, name: name)
    }

    /// Reads a data file (the format docs/data.md describes) and checks it. An error names
    /// the place in the file: "tables[3].rows.3201[2]", or a line and column when the bytes
    /// are not JSON.
    public init(jsonBytes: [UInt8], name: String) throws(DatasetError) {
        try self.init(contents: try DatasetFileReader.read(jsonBytes), name: name)
    }

    init(contents: DatasetContents, name: String) throws(DatasetError) {
        let checked = try DatasetValidator.check(contents)
        var regionPositions: [String: Int] = [:]
        for (position, region) in checked.regions.enumerated() { regionPositions[region.code] = position }
        var indicatorPositions: [String: Int] = [:]
        for (position, indicator) in checked.indicators.enumerated() { indicatorPositions[indicator.id] = position }

        // The figures, by positions, their sources interned.
        var interned = SourceInterner()
        var builders = Array(repeating: FigureColumnBuilder(), count: checked.indicators.count)
        var allYears: Set<Int> = []
        for observation in checked.observations {
            let indicator = indicatorPositions[observation.indicatorId]!
            builders[indicator].set(
                FigureColumnBuilder.Entry(
                    region: Int32(regionPositions[observation.regionCode]!),
                    year: Int32(observation.year),
                    value: observation.value ?? 0,
                    state: FigureCellState(missing: observation.missing, status: observation.status),
                    source: interned.position(of: observation.source),
                    reportedCode: observation.reportedCode,
                    note: observation.note
                )
            )
            allYears.insert(observation.year)
        }
        for item in contents.revisions {
            var revision = item.value
            guard let code = checked.currentCodes[revision.regionCode] else {
                throw DatasetError(code: .unknownRegion, path: item.path, message: "unknown region code \"\(revision.regionCode)\"")
            }
            guard let indicator = indicatorPositions[revision.indicatorId] else {
                throw DatasetError(code: .unknownIndicator, path: item.path, message: "unknown indicator \"\(revision.indicatorId)\"")
            }
            if code != revision.regionCode {
                revision.reportedCode = revision.reportedCode ?? revision.regionCode
                revision.regionCode = code
            }
            builders[indicator].addHistory(region: Int32(regionPositions[code]!), year: Int32(revision.year), revision)
        }
        let regionCount = checked.regions.count
        let figures = FigureTable(columns: builders.map { $0.build(regionCount: regionCount) }, sources: interned.sources, regionCount: regionCount)
        self.init(checked: checked, contents: contents, name: name, figures: figures, years: allYears.sorted())
    }

    /// A dataset over checked parts and figures made elsewhere (a data directory's).
    init(checked: DatasetValidator.Checked, contents: DatasetContents, name: String, figures: FigureTable, years: [Int]) {
        self.name = name
        self.source = contents.source
        self.regions = checked.regions
        self.indicators = checked.indicators
        self.productionWeights = checked.productionWeights.sorted { $0.year < $1.year }
        self.facts = checked.facts
        self.tables = checked.tables
        self.currentCodes = checked.currentCodes
        self.resolver = checked.resolver
        var regionPositions: [String: Int] = [:]
        for (position, region) in checked.regions.enumerated() { regionPositions[region.code] = position }
        var indicatorPositions: [String: Int] = [:]
        for (position, indicator) in checked.indicators.enumerated() { indicatorPositions[indicator.id] = position }
        self.regionPositions = regionPositions
        self.indicatorPositions = indicatorPositions
        self.figures = figures
        self.allYears = years
    }
}
