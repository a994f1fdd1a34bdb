import KostraCodec

/// One table of the report as the chapter lays it out: a title with the
/// unit, column headings (years, or region and year), rows (regions or
/// indicators), each cell a value or SSB's symbol for why it is missing,
/// with a footnote per symbol.
struct ReportTable: Sendable {
    /// A column: its heading and what it holds.
    struct Column: Sendable {
        var label: String
        var regionCode: String?
        var year: Int32
    }

    /// A cell: the value for programs, the text for people.
    struct Cell: Sendable {
        var value: Double?
        var text: String
        var missing: KostraV1.MissingReason?
    }

    /// A row: a region's or an indicator's values.
    struct Row: Sendable {
        var label: String
        var regionCode: String?
        var indicatorId: String
        var cells: [Cell]
    }

    /// The layout's id for the table: its indicator's, or the layout's own.
    var id: String
    /// The title with the unit, "Gruppestørrelse 2 - lærernorm (antall)".
    var title: String
    var unit: KostraV1.Unit
    var columns: [Column]
    var rows: [Row]
    /// Footnotes for the symbols, then the sources.
    var notes: [String]
    /// The same figures as lines over years, where a chart says it better.
    var chart: LineChart?

    /// The table for printing.
    var textTable: TextTable {
        TextTable(title: self.title, header: [""] + self.columns.map(\.label), rows: self.rows.map { [$0.label] + $0.cells.map(\.text) }, notes: self.notes)
    }

    /// The table for `--format json`: values as numbers, a missing value as
    /// null with its reason.
    var json: JSONValue {
        .object([
            ("id", .string(self.id)),
            ("title", .string(self.title)),
            ("unit", .string(self.unit.key)),
            (
                "columns",
                .array(
                    self.columns.map { column in
                        .object([
                            ("label", .string(column.label)),
                            ("region_code", column.regionCode.map { .string($0) } ?? .null),
                            ("year", .number(Double(column.year))),
                        ])
                    }
                )
            ),
            (
                "rows",
                .array(
                    self.rows.map { row in
                        .object([
                            ("label", .string(row.label)),
                            ("region_code", row.regionCode.map { .string($0) } ?? .null),
                            ("indicator_id", .string(row.indicatorId)),
                            ("values", .array(row.cells.map { .number($0.value) })),
                            ("missing", .array(row.cells.map { cell in cell.missing.map { .string($0.key) } ?? .null })),
                        ])
                    }
                )
            ),
            ("notes", .array(self.notes.map { .string($0) })),
        ])
    }
}
