/// What a `Statement` says, and so how to read its figures. Extensible: a fact of a kind this
/// module does not name keeps the kind the data gives it.
///
/// Figures by role, per kind (`StatementFigure.role`):
/// - `relativeToAverage`: "value" (the subject's), "reference" (the group's; 100 for an
///   index), "difference" (value − reference, in the indicator's unit, or percentage points
///   for a percentage), "percent" (100 × difference / reference; for an index, index − 100).
/// - `impliedValue`: "value" (the subject's, derived), "known" (the other region's figure it
///   is derived from), "difference" (value − known).
/// - `difference`: "value" = subject − regions[0].
/// - `rank`, `tie`: "rank_from_lowest" and/or "rank_from_highest"; "count" (members ranked)
///   and "value" where known.
/// - `higherThan`, `lowerThan`: "value" for the subject and one "value" per other region.
/// - `range`: "min", "max".
/// - `change`, `productionChange`: "value" (the subject's change from `baseYear` to `year`),
///   "reference" (the group's change) where known.
/// - `normMargin`: "value" (group size 2), "maximum" (the legal maximum) or "norm" (the
///   norm for ten grades of equal size), "margin" (maximum − value), "norm_harmonic".
/// - `legalNorm`: "max"; `normAverage`: "value".
public struct StatementKind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The kind's name, as the data file spells fact kinds ("higher_than").
    public var rawValue: String

    /// A kind by name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The name.
    public var description: String { rawValue }

    /// One region's value minus another's.
    public static let difference = StatementKind(rawValue: "difference")
    /// A place in a ranking within a group ("lowest in ASSS").
    public static let rank = StatementKind(rawValue: "rank")
    /// A shared place in a ranking.
    public static let tie = StatementKind(rawValue: "tie")
    /// Higher than each of the other regions.
    public static let higherThan = StatementKind(rawValue: "higher_than")
    /// Lower than each of the other regions.
    public static let lowerThan = StatementKind(rawValue: "lower_than")
    /// Values between a minimum and a maximum.
    public static let range = StatementKind(rawValue: "range")
    /// A change from one year to another.
    public static let change = StatementKind(rawValue: "change")
    /// The law's limit for an indicator.
    public static let legalNorm = StatementKind(rawValue: "legal_norm")
    /// The average the legal norms amount to.
    public static let normAverage = StatementKind(rawValue: "norm_average")
    /// A value the report implies but does not print (Bærum's 108 173 kr per pupil).
    public static let impliedValue = StatementKind(rawValue: "implied_value")
    /// n percent above or below the group average ("6,9 prosent lavere enn gjennomsnittet").
    public static let relativeToAverage = StatementKind(rawValue: "relative_to_average")
    /// The change in production from the year before.
    public static let productionChange = StatementKind(rawValue: "production_change")
    /// Group size 2 against the teacher norm, with the margin.
    public static let normMargin = StatementKind(rawValue: "norm_margin")
}
