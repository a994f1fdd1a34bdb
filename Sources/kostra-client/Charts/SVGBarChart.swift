/// Writes a ``BarChart`` as an SVG file: labels on the left, the bars from
/// the reference line (100) to each value, blue above and orange below, the
/// value after each bar, an axis with ticks and its unit, and the source.
enum SVGBarChart {
    /// Layout, in pixels.
    static let width = 900
    static let labelRight = 350.0
    static let plotLeft = 370.0
    static let plotRight = 790.0
    static let top = 80.0
    static let rowHeight = 26.0
    static let barHeight = 16.0

    /// The chart as an SVG document.
    static func render(_ chart: BarChart) -> String {
        let step = chart.tickStep()
        let range = chart.axisRange(step: step)
        let plotBottom = Self.top + Double(chart.bars.count) * Self.rowHeight
        let height = Int(plotBottom) + 70 + 16 * chart.notes.count
        func x(_ value: Double) -> Double {
            Self.plotLeft + (value - range.lowerBound) / (range.upperBound - range.lowerBound) * (Self.plotRight - Self.plotLeft)
        }
        var svg = SVGWriter(width: Self.width, height: height)
        svg.text(chart.title, x: 20, y: 30, size: 18, weight: "bold")
        svg.text(chart.subtitle, x: 20, y: 52, size: 13)
        for tick in ChartScale.ticks(range, step: step) {
            svg.line(x1: x(tick), y1: Self.top - 6, x2: x(tick), y2: plotBottom, stroke: "#dddddd")
            svg.text(TerminalBarChart.tickText(tick), x: x(tick), y: plotBottom + 18, size: 11, anchor: "middle")
        }
        let labels = DistinctLabels.fit(chart.bars.map(\.label), width: 54)
        for (index, bar) in chart.bars.enumerated() {
            let rowTop = Self.top + Double(index) * Self.rowHeight
            let barTop = rowTop + (Self.rowHeight - Self.barHeight) / 2
            svg.text(labels[index], x: Self.labelRight, y: barTop + 12, size: 11, anchor: "end")
            if let value = bar.value {
                let from = x(min(value, chart.reference))
                let to = x(max(value, chart.reference))
                svg.rect(
                    x: from, y: barTop, width: max(to - from, 0.5), height: Self.barHeight,
                    fill: value >= chart.reference ? SVGWriter.palette[0] : SVGWriter.palette[1],
                    extra: [("class", "bar"), ("data-label", bar.label), ("data-value", SVGWriter.number(value))]
                )
            }
            svg.text(bar.text, x: Self.plotRight + 8, y: barTop + 12, size: 11)
        }
        svg.line(
            x1: x(chart.reference), y1: Self.top - 6, x2: x(chart.reference), y2: plotBottom, stroke: "#000000", width: 2,
            extra: [("class", "reference"), ("data-value", SVGWriter.number(chart.reference))]
        )
        svg.line(x1: Self.plotLeft, y1: plotBottom, x2: Self.plotRight, y2: plotBottom, stroke: "#888888")
        svg.text(chart.axisLabel, x: (Self.plotLeft + Self.plotRight) / 2, y: plotBottom + 36, size: 12, anchor: "middle")
        var y = plotBottom + 56
        for note in chart.notes {
            svg.text(note, x: 20, y: y, size: 10)
            y += 16
        }
        svg.text(chart.source, x: 20, y: y, size: 10, fill: "#555555")
        return svg.document(title: chart.title + ". " + chart.subtitle)
    }
}
