/// A statement of a report that relates figures rather than giving one region's value: a
/// difference, a rank, a tie, a range, a change, a legal norm.
///
/// Facts are stored as published, so that an analysis can later check them against the data
/// it computes. The `kind` says how to read `subject`, `regions` and `figures`:
///
/// - `difference`: `subject` minus `regions[0]` is `figures["value"]` (in `unit`).
/// - `rank`: `subject` holds place `figures["rank_from_lowest"]` or `figures["rank_from_highest"]`
///   among the members of `group`; `regions` are the regions ranked ahead of it.
/// - `tie`: `subject` and `regions` share that place; `figures["value"]` is the shared value
///   when printed.
/// - `higher_than` / `lower_than`: `subject`'s value is above (below) each of `regions`.
/// - `range`: values lie between `figures["min"]` and `figures["max"]`; `regions`, when given,
///   are the regions at the minimum and at the maximum.
/// - `change`: `subject`'s value moved by `figures["value"]` (in `unit`) from `baseYear` to `year`.
/// - `legal_norm`: the law's limit `figures["max"]` for `indicatorId` (subject "EAK": national).
/// - `norm_average`: the average `figures["value"]` the legal norms amount to.
public struct Fact: Sendable, Hashable, Identifiable {
    /// A stable id, unique within the dataset.
    public var id: String
    /// How to read the fact (see the type's documentation).
    public var kind: String
    /// The region the statement is about (current code).
    public var subject: String
    /// The other regions the statement names (current codes).
    public var regions: [String]
    /// The group a rank is taken within ("ASSS"), if any.
    public var group: String?
    /// The indicator the statement is about, if it names one the data knows.
    public var indicatorId: String?
    /// The year the statement is about, if any.
    public var year: Int?
    /// For a change, the year it is measured from.
    public var baseYear: Int?
    /// The unit of `figures` where they are amounts (not ranks).
    public var unit: Unit?
    /// The figures the statement gives, by role ("value", "min", "max", "rank_from_lowest").
    public var figures: [String: Double]
    /// The statement in plain English, with any reading the source leaves open made explicit.
    public var statement: String
    /// How final the figures are (`asPublished` for a report's statements).
    public var status: FigureStatus
    /// The sentence(s) of the source, quoted.
    public var source: String

    /// Creates a fact.
    public init(
        id: String,
        kind: String,
        subject: String,
        regions: [String] = [],
        group: String? = nil,
        indicatorId: String? = nil,
        year: Int? = nil,
        baseYear: Int? = nil,
        unit: Unit? = nil,
        figures: [String: Double] = [:],
        statement: String,
        status: FigureStatus = .asPublished,
        source: String
    ) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.regions = regions
        self.group = group
        self.indicatorId = indicatorId
        self.year = year
        self.baseYear = baseYear
        self.unit = unit
        self.figures = figures
        self.statement = statement
        self.status = status
        self.source = source
    }
}
