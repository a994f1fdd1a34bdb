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
    /// Every observation, in file order (tables first, then single figures).
    public let observations: [Observation]
    /// The production-index weights, one set per year.
    public let productionWeights: [ProductionWeights]
    /// The report's relational statements, in file order.
    public let facts: [Fact]
    /// The report's tables as printed (title, layout, remarks).
    public let tables: [SourceTable]
    /// Figures a later one replaced (a preliminary figure the final one revised), in the order
    /// they were replaced, under current region codes. `history(indicatorId:regionCode:year:)`
    /// gives one figure's.
    public let revisions: [Observation]

    let regionPositions: [String: Int]
    let indicatorPositions: [String: Int]
    let currentCodes: [String: String]
    let resolver: RegionResolver
    /// Each series, oldest year first.
    let series: [SeriesKey: [Observation]]
    /// For each indicator, the regions with any observation, in region order.
    let regionsByIndicator: [String: [String]]
    /// For each indicator, the years with any observation, ascending.
    let yearsByIndicator: [String: [Int]]
    let allYears: [Int]
    /// For each figure, the figures it replaced, oldest first.
    let revisionsByFigure: [FigureKey: [Observation]]

    struct FigureKey: Hashable {
        var indicatorId: String
        var regionCode: String
        var year: Int
    }

    struct SeriesKey: Hashable {
        var indicatorId: String
        var regionCode: String
    }

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
        self.name = name
        self.source = contents.source
        self.regions = checked.regions
        self.indicators = checked.indicators
        self.observations = checked.observations
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

        var series: [SeriesKey: [Observation]] = [:]
        var regionSets: [String: Set<String>] = [:]
        var yearSets: [String: Set<Int>] = [:]
        var allYears: Set<Int> = []
        for observation in checked.observations {
            series[SeriesKey(indicatorId: observation.indicatorId, regionCode: observation.regionCode), default: []].append(observation)
            regionSets[observation.indicatorId, default: []].insert(observation.regionCode)
            yearSets[observation.indicatorId, default: []].insert(observation.year)
            allYears.insert(observation.year)
        }
        self.series = series.mapValues { $0.sorted { $0.year < $1.year } }
        self.regionsByIndicator = regionSets.mapValues { codes in
            codes.sorted { regionPositions[$0, default: .max] < regionPositions[$1, default: .max] }
        }
        self.yearsByIndicator = yearSets.mapValues { $0.sorted() }
        self.allYears = allYears.sorted()

        var revisions: [Observation] = []
        var revisionsByFigure: [FigureKey: [Observation]] = [:]
        for item in contents.revisions {
            var revision = item.value
            guard let code = checked.currentCodes[revision.regionCode] else {
                throw DatasetError(code: .unknownRegion, path: item.path, message: "unknown region code \"\(revision.regionCode)\"")
            }
            guard indicatorPositions[revision.indicatorId] != nil else {
                throw DatasetError(code: .unknownIndicator, path: item.path, message: "unknown indicator \"\(revision.indicatorId)\"")
            }
            if code != revision.regionCode {
                revision.reportedCode = revision.reportedCode ?? revision.regionCode
                revision.regionCode = code
            }
            revisions.append(revision)
            revisionsByFigure[FigureKey(indicatorId: revision.indicatorId, regionCode: code, year: revision.year), default: []].append(revision)
        }
        self.revisions = revisions
        self.revisionsByFigure = revisionsByFigure
    }
}
