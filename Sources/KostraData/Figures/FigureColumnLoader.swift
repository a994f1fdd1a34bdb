/// Makes one indicator's column when it is first needed: what a data directory's figures are
/// read through, so that a dataset of millions of figures is served before all are read.
protocol FigureColumnLoader: Sendable {
    /// The column of the indicator at `position` in the dataset's indicators.
    func loadColumn(indicator position: Int) throws -> FigureColumn

    /// The figures later ones replaced, of one indicator and region (positions), by year,
    /// oldest first. Read when asked for, not kept: the history is seldom wanted, and at
    /// national scale it would cost more memory than the figures themselves.
    func history(indicator position: Int, region: Int) throws -> [Int: [Observation]]
}
