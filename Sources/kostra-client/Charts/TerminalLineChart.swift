/// Draws a ``LineChart`` in the terminal: a grid of characters, each region
/// a marker at its values ("●", "■", "▲", …) joined by dots, the value axis
/// on the left, the years underneath, a legend with the last values. The
/// subtitle gives the unit. Where two points meet, the first line's shows.
enum TerminalLineChart {
    /// The markers of the lines, in order.
    static let markers: [Character] = ["●", "■", "▲", "◆", "○", "□"]

    /// The chart as text: `height` rows, `spacing` columns between years.
    static func render(_ chart: LineChart, colour: TerminalColour, height: Int = 10, spacing: Int = 10) -> String {
        let (range, step) = chart.axisRange()
        let columns = max(1, (chart.years.count - 1) * spacing + 1)
        let span = range.upperBound - range.lowerBound
        func row(_ value: Double) -> Int {
            // Row 0 is the top.
            let fraction = (value - range.lowerBound) / span
            return min(height - 1, max(0, height - 1 - Int((fraction * Double(height - 1)).rounded())))
        }
        var grid = Array(repeating: Array(repeating: (Character(" "), -1), count: columns), count: height)
        // The first line (the region asked about) drawn last, on top where points meet.
        for (index, line) in chart.lines.enumerated().reversed() {
            let points: [(Int, Int)?] = line.values.enumerated().map { year, value in
                value.map { (year * spacing, row($0)) }
            }
            // Dots between consecutive points, then the markers on top.
            for (from, to) in zip(points, points.dropFirst()) {
                guard let (x0, y0) = from, let (x1, y1) = to else { continue }
                for x in (x0 + 1)..<x1 {
                    let t = Double(x - x0) / Double(x1 - x0)
                    let y = Int((Double(y0) + t * Double(y1 - y0)).rounded())
                    if grid[y][x].0 == " " { grid[y][x] = ("·", index) }
                }
            }
            for case let (x, y)? in points {
                grid[y][x] = (Self.markers[index % Self.markers.count], index)
            }
        }
        // Axis labels at the top, middle-ish ticks and bottom rows.
        var labels = Array(repeating: "", count: height)
        for tick in ChartScale.ticks(range, step: step) {
            let at = row(tick)
            if labels[at].isEmpty { labels[at] = chart.format(tick) }
        }
        let labelWidth = labels.map(\.count).max() ?? 0
        var lines = [chart.title, chart.subtitle, ""]
        for (rowIndex, cells) in grid.enumerated() {
            var text = ""
            for (character, series) in cells {
                text += series < 0 ? String(character) : colour.paint(String(character), TerminalColour.series(series))
            }
            let label = labels[rowIndex]
            lines.append(String(repeating: " ", count: labelWidth - label.count) + label + " " + colour.dim("┤") + " " + text)
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + colour.dim("└" + String(repeating: "─", count: columns + 1)))
        var years = Array(repeating: Character(" "), count: columns + 4)
        for (index, year) in chart.years.enumerated() {
            let text = Array(String(year))
            let start = min(years.count - text.count, index * spacing)
            years.replaceSubrange(start..<(start + text.count), with: text)
        }
        lines.append(String(repeating: " ", count: labelWidth + 2) + String(years))
        lines.append("")
        for (index, line) in chart.lines.enumerated() {
            let marker = colour.paint(String(Self.markers[index % Self.markers.count]), TerminalColour.series(index))
            let last = Array(zip(chart.years, line.values)).last { $0.1 != nil }
            let lastText = last.map { "  \(chart.format($0.1!)) (\($0.0))" } ?? ""
            lines.append("\(marker) \(line.name)\(lastText)")
        }
        lines += chart.notes
        lines.append(chart.source)
        return lines.map(TerminalBarChart.trimmed).joined(separator: "\n")
    }
}
