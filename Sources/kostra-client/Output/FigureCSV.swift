import KostraCodec

/// The analysis commands' answers as CSV: one row per figure, with its
/// region, year, what it is, its value (empty when missing, with the
/// reason), unit, whether it is published or computed, and its formula.
struct FigureCSV {
    private var writer = CSVWriter(header: [
        "region_code", "year", "item", "label", "value", "unit", "origin", "missing_reason", "formula",
    ])
    let regionCode: String
    let year: Int32

    init(regionCode: String, year: Int32) {
        self.regionCode = regionCode
        self.year = year
    }

    /// Adds a figure; an absent one is a row with an empty value.
    mutating func append(_ item: String, _ label: String, _ figure: KostraV1.Figure?) {
        self.writer.append([
            self.regionCode, String(self.year), item, label, figure?.value?.machineText ?? "",
            figure?.unit.key ?? "", figure.map { $0.origin(.en) } ?? "missing",
            figure?.missingReason ?? "", figure?.provenance?.formula ?? "",
        ])
    }

    /// The CSV text, rows ending in CRLF.
    var text: String { self.writer.text }
}
