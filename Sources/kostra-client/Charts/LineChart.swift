/// A chart of lines over years: one indicator for a few regions, as the
/// chapter's tables would be drawn.
struct LineChart: Sendable, Equatable {
    /// One region's line.
    struct Line: Sendable, Equatable {
        /// The region's name, for the legend.
        var name: String
        /// One value per year of the chart; nil leaves a gap.
        var values: [Double?]
    }

    /// The indicator's name.
    var title: String
    /// The unit and the years ("prosent, 2021–2024").
    var subtitle: String
    /// The unit, for the value axis.
    var axisLabel: String
    /// The years along the horizontal axis.
    var years: [Int32]
    /// The lines, in the legend's order.
    var lines: [Line]
    /// Where the figures come from.
    var source: String
    /// How values print on the axis and beside the last point.
    var format: @Sendable (Double) -> String
    /// Lines under the chart explaining gaps.
    var notes: [String] = []

    static func == (lhs: LineChart, rhs: LineChart) -> Bool {
        lhs.title == rhs.title && lhs.subtitle == rhs.subtitle && lhs.years == rhs.years && lhs.lines == rhs.lines
            && lhs.source == rhs.source && lhs.notes == rhs.notes
    }

    /// The value range of the axis: every value, widened to round ticks.
    /// Starts at zero when the values are all positive and zero is near.
    func axisRange() -> (range: ClosedRange<Double>, step: Double) {
        let values = self.lines.flatMap { $0.values.compactMap { $0 } }
        guard let low = values.min(), let high = values.max() else { return (0...1, 1) }
        let step = ChartScale.niceStep(span: max(high - low, abs(high) * 0.1, 1e-9), ticks: 5)
        var bottom = (low / step).rounded(.down) * step
        let top = (high / step).rounded(.up) * step
        if bottom > 0, bottom <= (top - bottom) { bottom = 0 }
        return (bottom == top ? (bottom - step)...(top + step) : bottom...top, step)
    }
}
