/// Writes a ``LineChart`` as an SVG file: a value axis with round ticks and
/// the unit, the years along the bottom, a coloured line with dots per
/// region (a gap where a value is missing), a legend, and the source.
enum SVGLineChart {
    static let width = 820
    static let plotLeft = 90.0
    static let plotRight = 600.0
    static let plotTop = 80.0
    static let plotBottom = 360.0

    /// The chart as an SVG document.
    static func render(_ chart: LineChart) -> String {
        let (range, step) = chart.axisRange()
        let height = Int(Self.plotBottom) + 80 + 16 * chart.notes.count
        let count = max(chart.years.count - 1, 1)
        func x(_ index: Int) -> Double {
            chart.years.count == 1
                ? (Self.plotLeft + Self.plotRight) / 2
                : Self.plotLeft + 20 + Double(index) / Double(count) * (Self.plotRight - Self.plotLeft - 40)
        }
        func y(_ value: Double) -> Double {
            Self.plotBottom - (value - range.lowerBound) / (range.upperBound - range.lowerBound) * (Self.plotBottom - Self.plotTop)
        }
        var svg = SVGWriter(width: Self.width, height: height)
        svg.text(chart.title, x: 20, y: 30, size: 16, weight: "bold")
        svg.text(chart.subtitle, x: 20, y: 52, size: 13)
        for tick in ChartScale.ticks(range, step: step) {
            svg.line(x1: Self.plotLeft, y1: y(tick), x2: Self.plotRight, y2: y(tick), stroke: "#dddddd")
            svg.text(chart.format(tick), x: Self.plotLeft - 8, y: y(tick) + 4, size: 11, anchor: "end")
        }
        svg.line(x1: Self.plotLeft, y1: Self.plotTop, x2: Self.plotLeft, y2: Self.plotBottom, stroke: "#888888")
        svg.line(x1: Self.plotLeft, y1: Self.plotBottom, x2: Self.plotRight, y2: Self.plotBottom, stroke: "#888888")
        for (index, year) in chart.years.enumerated() {
            svg.text(String(year), x: x(index), y: Self.plotBottom + 20, size: 11, anchor: "middle")
        }
        svg.text(chart.axisLabel, x: 24, y: (Self.plotTop + Self.plotBottom) / 2, size: 12, anchor: "middle", rotate: -90)
        for (index, line) in chart.lines.enumerated() {
            let colour = SVGWriter.palette[index % SVGWriter.palette.count]
            var run: [(Double, Double)] = []
            func flush() {
                if run.count > 1 { svg.polyline(run, stroke: colour, extra: [("class", "line"), ("data-name", line.name)]) }
                run = []
            }
            for (yearIndex, value) in line.values.enumerated() {
                guard let value else {
                    flush()
                    continue
                }
                run.append((x(yearIndex), y(value)))
            }
            flush()
            for (yearIndex, value) in line.values.enumerated() {
                guard let value else { continue }
                svg.circle(
                    cx: x(yearIndex), cy: y(value), r: 4, fill: colour,
                    extra: [("class", "point"), ("data-name", line.name), ("data-year", String(chart.years[yearIndex])), ("data-value", "\(value)")]
                )
            }
            let legendY = Self.plotTop + 10 + Double(index) * 22
            svg.rect(x: Self.plotRight + 24, y: legendY - 9, width: 14, height: 10, fill: colour)
            let last = Array(zip(chart.years, line.values)).last { $0.1 != nil }
            let lastText = last.map { " \(chart.format($0.1!)) (\($0.0))" } ?? ""
            svg.text(line.name + lastText, x: Self.plotRight + 44, y: legendY, size: 12)
        }
        var textY = Self.plotBottom + 44
        for note in chart.notes {
            svg.text(note, x: 20, y: textY, size: 10)
            textY += 16
        }
        svg.text(chart.source, x: 20, y: textY, size: 10, fill: "#555555")
        return svg.document(title: chart.title + ". " + chart.subtitle)
    }
}
