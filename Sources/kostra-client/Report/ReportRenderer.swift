import KostraProtocol

/// Writes a ``Report`` as text for the terminal, as Markdown, or as one JSON
/// document. Pure: a report and options in, a string out.
struct ReportRenderer {
    let output: OutputOptions
    /// Colour for the terminal charts (never in Markdown or JSON).
    var colour = TerminalColour(enabled: false)
    /// Whether each table of regions over years is followed by its chart.
    var lineCharts = false
    /// SVG files written beside the report, by block id ("profile", an
    /// indicator id): Markdown links them as images.
    var images: [String: String] = [:]
    /// Widest line of a paragraph in text.
    var lineWidth = 100

    /// The report in the output's format.
    func render(_ report: Report) -> String {
        switch self.output.format {
        case .json: return self.json(report).serialized()
        case .markdown: return self.markdown(report)
        case .csv: return self.csv(report)
        case .table: return self.text(report)
        }
    }

    /// The report as text: titles underlined, tables aligned, charts drawn
    /// with Unicode, sentences wrapped.
    func text(_ report: Report) -> String {
        var parts = [report.title + "\n" + report.subtitle + "\n" + String(repeating: "=", count: max(report.title.count, report.subtitle.count))]
        for (number, section) in report.sections.enumerated() {
            let heading = "\(number + 1). \(section.title)"
            parts.append(heading + "\n" + String(repeating: "-", count: heading.count))
            for block in section.blocks {
                parts += self.textBlock(block)
            }
            if !section.sentences.isEmpty {
                parts.append(Self.wrap(section.sentences.map(\.text).joined(separator: " "), width: self.lineWidth))
            }
        }
        return parts.joined(separator: "\n\n")
    }

    private func textBlock(_ block: Report.Block) -> [String] {
        var textOutput = self.output
        textOutput.format = .table
        switch block {
        case .table(let table):
            var parts = [table.textTable.rendered()]
            if self.lineCharts, let chart = table.chart {
                parts.append(TerminalLineChart.render(chart, colour: self.colour))
            }
            return parts
        case .profile(let response):
            // The table above the chart already explains its gaps.
            var chart = BarChart(profile: response, output: textOutput)
            chart.notes = []
            return [ProfileCommand.render(response, output: textOutput), TerminalBarChart.render(chart, colour: self.colour)]
        case .resourceUse(let response): return [ResourceUseCommand.render(response, output: textOutput)]
        case .teacherNorm(let response): return [NormCommand.render(response, output: textOutput)]
        case .production(let index, let change): return [ProductionCommand.render(index, change, output: textOutput)]
        case .efficiency(let response): return [EfficiencyCommand.render(response, output: textOutput)]
        case .unavailable(let id, let error): return [self.unavailable(id, error)]
        }
    }

    /// The report as Markdown: a heading per section, pipe tables, charts as
    /// images when SVG files were written and as text blocks otherwise.
    func markdown(_ report: Report) -> String {
        var markdown = self.output
        markdown.format = .markdown
        var parts = ["# " + TextTable.escape(report.title), TextTable.escape(report.subtitle)]
        for (number, section) in report.sections.enumerated() {
            parts.append("## \(number + 1). " + TextTable.escape(section.title))
            for block in section.blocks {
                switch block {
                case .table(let table):
                    parts.append(table.textTable.markdown())
                    if let image = self.images[table.id], let chart = table.chart {
                        parts.append("![\(TextTable.escape(chart.title))](\(image))")
                    }
                case .profile(let response):
                    parts.append(ProfileCommand.render(response, output: markdown))
                    var chart = BarChart(profile: response, output: markdown)
                    chart.notes = []
                    if let image = self.images["profile"] {
                        parts.append("![\(TextTable.escape(chart.title))](\(image))")
                    } else {
                        parts.append("```text\n" + TerminalBarChart.render(chart, colour: TerminalColour(enabled: false)) + "\n```")
                    }
                case .resourceUse(let response): parts.append(ResourceUseCommand.render(response, output: markdown))
                case .teacherNorm(let response): parts.append(NormCommand.render(response, output: markdown))
                case .production(let index, let change): parts.append(ProductionCommand.render(index, change, output: markdown))
                case .efficiency(let response): parts.append(EfficiencyCommand.render(response, output: markdown))
                case .unavailable(let id, let error): parts.append("*" + TextTable.escape(self.unavailable(id, error)) + "*")
                }
            }
            if !section.sentences.isEmpty {
                parts.append(TextTable.escapeLine(section.sentences.map(\.text).joined(separator: " ")))
            }
        }
        return parts.joined(separator: "\n\n")
    }

    /// Every cell of every table as CSV, one row per cell: the analyses and
    /// sentences are in the JSON.
    func csv(_ report: Report) -> String {
        var csv = CSVWriter(header: [
            "section", "table", "row", "region_code", "indicator_id", "column", "column_region_code", "year", "value", "unit", "missing",
        ])
        for section in report.sections {
            for case .table(let table) in section.blocks {
                for row in table.rows {
                    for (column, cell) in zip(table.columns, row.cells) {
                        csv.append([
                            section.id, table.id, row.label, row.regionCode ?? "", row.indicatorId, column.label,
                            column.regionCode ?? "", String(column.year), cell.value?.machineText ?? "", table.unit.key,
                            cell.missing?.key ?? "",
                        ])
                    }
                }
            }
        }
        return csv.text
    }

    /// The report as one JSON document: every table's values, every
    /// analysis as its command gives it, the sentences with their ids.
    func json(_ report: Report) -> JSONValue {
        .object([
            ("title", .string(report.title)),
            ("subtitle", .string(report.subtitle)),
            ("language", .string(self.output.lang.rawValue)),
            ("region", report.region.json),
            ("year", .number(Double(report.year))),
            ("compared_with", .array(report.compared.map { .string($0) })),
            (
                "sections",
                .array(
                    report.sections.map { section in
                        .object([
                            ("id", .string(section.id)),
                            ("title", .string(section.title)),
                            ("blocks", .array(section.blocks.map(Self.json))),
                            (
                                "sentences",
                                .array(
                                    section.sentences.map { sentence in
                                        .object([
                                            ("id", .string(sentence.id)),
                                            ("kind", .string(sentence.kind)),
                                            ("indicator_id", .string(sentence.indicatorId)),
                                            ("published", .bool(sentence.published)),
                                            ("text", .string(sentence.text)),
                                        ])
                                    }
                                )
                            ),
                        ])
                    }
                )
            ),
        ])
    }

    private static func json(_ block: Report.Block) -> JSONValue {
        switch block {
        case .table(let table): .object([("type", .string("table")), ("table", table.json)])
        case .profile(let response): .object([("type", .string("profile")), ("profile", ProfileCommand.json(response))])
        case .resourceUse(let response): .object([("type", .string("resource_use")), ("resource_use", ResourceUseCommand.json(response))])
        case .teacherNorm(let response): .object([("type", .string("teacher_norm")), ("teacher_norm", NormCommand.json(response))])
        case .production(let index, let change):
            .object([("type", .string("production")), ("production", ProductionCommand.json(index, change))])
        case .efficiency(let response): .object([("type", .string("efficiency")), ("efficiency", EfficiencyCommand.json(response))])
        case .unavailable(let id, let error):
            .object([
                ("type", .string("unavailable")), ("id", .string(id)), ("status", .string(error.code.name)),
                ("message", .string(error.message)),
            ])
        }
    }

    private func unavailable(_ id: String, _ error: RPCError) -> String {
        self.output.text("Ikke tilgjengelig (\(id)): ", "Not available (\(id)): ") + "\(error.code.name): \(ReasonText.text(error.message, self.output.lang))"
    }

    /// `text` broken into lines of at most `width` characters at spaces.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}
