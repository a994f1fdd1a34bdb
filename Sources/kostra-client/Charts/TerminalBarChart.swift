/// Draws a ``BarChart`` with Unicode block characters: one row per bar, a
/// "│" at the reference, the bar growing right of it for a value above and
/// left for one below, the value after the bar.
enum TerminalBarChart {
    /// The chart as lines of text, `width` columns for the bars.
    static func render(_ chart: BarChart, colour: TerminalColour, width: Int = 40, labelWidth: Int = 44) -> String {
        let step = chart.tickStep()
        let range = chart.axisRange(step: step)
        let span = range.upperBound - range.lowerBound
        // Each column covers span/width; column of a value, 0-based.
        func column(_ value: Double) -> Int {
            min(width - 1, max(0, Int(((value - range.lowerBound) / span * Double(width)).rounded(.down))))
        }
        let referenceColumn = column(chart.reference)
        let labels = DistinctLabels.fit(chart.bars.map(\.label), width: labelWidth)
        let labelColumn = min(labelWidth, labels.map(\.count).max() ?? 0)
        var lines = [chart.title, chart.subtitle, ""]
        for (bar, label) in zip(chart.bars, labels) {
            var cells = Array(repeating: " ", count: width)
            var painted = Array(repeating: false, count: width)
            if let value = bar.value {
                let target = column(value)
                let (from, to) = target >= referenceColumn ? (referenceColumn + 1, target) : (target, referenceColumn - 1)
                if from <= to {
                    for index in from...to {
                        cells[index] = "█"
                        painted[index] = true
                    }
                }
            }
            cells[referenceColumn] = "│"
            let colourOfBar: TerminalColour.Colour = (bar.value ?? chart.reference) >= chart.reference ? .blue : .orange
            var drawn = ""
            var run = ""
            var runPainted = false
            for index in 0..<width {
                if painted[index] != runPainted, !run.isEmpty {
                    drawn += runPainted ? colour.paint(run, colourOfBar) : Self.dimReference(run, colour)
                    run = ""
                }
                runPainted = painted[index]
                run += cells[index]
            }
            drawn += runPainted ? colour.paint(run, colourOfBar) : Self.dimReference(run, colour)
            let padding = String(repeating: " ", count: labelColumn - label.count)
            lines.append(label + padding + "  " + drawn + "  " + bar.text)
        }
        // The axis: ticks under their columns.
        var axis = Array(repeating: Character(" "), count: width + 8)
        for tick in ChartScale.ticks(range, step: step) {
            let text = Array(Self.tickText(tick))
            let start = max(0, min(axis.count - text.count, column(tick) - text.count / 2))
            guard axis[start..<(start + text.count)].allSatisfy({ $0 == " " }),
                start == 0 || axis[start - 1] == " "
            else { continue }
            axis.replaceSubrange(start..<(start + text.count), with: text)
        }
        let axisLine = String(axis)
        lines.append(String(repeating: " ", count: labelColumn + 2) + colour.dim(Self.trimmed(axisLine)))
        lines.append(String(repeating: " ", count: labelColumn + 2) + chart.axisLabel)
        lines.append("")
        lines += chart.notes
        lines.append(chart.source)
        return lines.map(Self.trimmed).joined(separator: "\n")
    }

    private static func dimReference(_ run: String, _ colour: TerminalColour) -> String {
        run.contains("│") ? colour.dim(run) : run
    }

    /// A tick's number: whole numbers as they are.
    static func tickText(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    static func trimmed(_ line: String) -> String {
        var copy = line
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
