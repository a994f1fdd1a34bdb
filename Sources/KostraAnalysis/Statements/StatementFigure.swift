/// One figure of a `Statement`: its role in the statement, whose it is, and how many decimals
/// to show.
public struct StatementFigure: Sendable, Hashable {
    /// The figure's role ("value", "reference", "percent"; see `StatementKind`).
    public var role: String
    /// The region the figure belongs to (current code), where it belongs to one.
    public var regionCode: String?
    /// The number, its unit and its provenance (computed, or as published).
    public var figure: Figure
    /// The decimals to show: the indicator's as the report prints it, else the unit's usual.
    public var decimals: Int

    /// A figure.
    public init(role: String, regionCode: String?, figure: Figure, decimals: Int) {
        self.role = role
        self.regionCode = regionCode
        self.figure = figure
        self.decimals = decimals
    }
}
