public import KostraData

/// One statement of the kind a report's prose makes ("lowest in ASSS", "28 349 kr more per
/// pupil than", "6,9 prosent lavere enn gjennomsnittet") as structured data, for a client to
/// phrase in its own language (or with `StatementRenderer`).
///
/// A statement is derived from the data (with each figure's provenance: computed, or as
/// published) or is one of the dataset's facts (`factId`).
public struct Statement: Sendable, Hashable, Identifiable {
    /// A stable id within one answer ("implied_value.grunnskole.netto_driftsutgifter_per_elev.3201.2024",
    /// "fact.<fact id>").
    public var id: String
    /// What it says; how to read `figures`.
    public var kind: StatementKind
    /// The region it is about.
    public var subject: Region
    /// The other regions it names, in order.
    public var regions: [Region]
    /// The group a rank or an average is taken within, if any.
    public var group: Region?
    /// The indicator's id, if it is about one.
    public var indicatorId: String?
    /// The indicator, if the data knows it (its names, unit and decimals).
    public var indicator: Indicator?
    /// The year, if any.
    public var year: Int?
    /// For a change, the year it is measured from.
    public var baseYear: Int?
    /// The figures, by role.
    public var figures: [StatementFigure]
    /// The dataset fact it is, if it is one.
    public var factId: String?
    /// The fact's own plain-English statement, where it is a fact.
    public var text: String?
    /// Where it comes from: the report's quoted sentence for a fact; for a derived statement,
    /// the method.
    public var source: String

    /// A statement.
    public init(
        id: String,
        kind: StatementKind,
        subject: Region,
        regions: [Region] = [],
        group: Region? = nil,
        indicatorId: String? = nil,
        indicator: Indicator? = nil,
        year: Int? = nil,
        baseYear: Int? = nil,
        figures: [StatementFigure] = [],
        factId: String? = nil,
        text: String? = nil,
        source: String
    ) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.regions = regions
        self.group = group
        self.indicatorId = indicatorId
        self.indicator = indicator
        self.year = year
        self.baseYear = baseYear
        self.figures = figures
        self.factId = factId
        self.text = text
        self.source = source
    }

    /// The first figure with this role (and region, if given).
    public func figure(_ role: String, region regionCode: String? = nil) -> StatementFigure? {
        figures.first { $0.role == role && (regionCode == nil || $0.regionCode == regionCode) }
    }

    /// Whether the statement is one of the report's own sentences (a fact); false for a
    /// statement the server phrases from the data or a method's result, even when each of
    /// its figures is read from the data as published. Each figure's own provenance says
    /// whether that figure is published or computed.
    public var isPublished: Bool {
        self.factId != nil
    }
}
