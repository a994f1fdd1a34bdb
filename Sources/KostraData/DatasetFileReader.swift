/// Reads the data file format (see docs/data.md) into `DatasetContents`.
///
/// It checks the file's shape: field names and types, table rows against their columns. What
/// the values refer to (regions, indicators, duplicates) `DatasetValidator` checks afterwards,
/// with the paths recorded here.
enum DatasetFileReader {
    /// The format version this code reads.
    static let format = 1

    static func read(_ bytes: [UInt8]) throws(DatasetError) -> DatasetContents {
        let root = JSONNode(try JSONParser.parse(bytes), path: "")
        let file = try root.object()
        try file.finish(allowing: [
            "format", "name", "source", "status", "regions", "indicators", "tables", "figures",
            "production_weights", "facts",
        ])
        let formatNode = try file.required("format")
        let format = try formatNode.int()
        guard format == Self.format else {
            throw DatasetError(code: .unsupportedFormat, path: formatNode.path, message: "format \(format) is not supported; this code reads format \(Self.format)")
        }
        _ = try file.optional("name")?.string()
        let status = try file.optional("status")?.enumeration(FigureStatus.self) ?? .asPublished

        var contents = DatasetContents()
        contents.source = try file.optional("source")?.string() ?? ""
        for node in try file.required("regions").array() {
            contents.regions.append(.init(value: try region(node), path: node.path))
        }
        for node in try file.required("indicators").array() {
            contents.indicators.append(.init(value: try indicator(node), path: node.path))
        }
        for node in try file.optional("tables")?.array() ?? [] {
            try table(node, status: status, into: &contents)
        }
        for node in try file.optional("figures")?.array() ?? [] {
            contents.observations.append(.init(value: try figure(node, status: status), path: node.path))
        }
        for node in try file.optional("production_weights")?.array() ?? [] {
            contents.productionWeights.append(.init(value: try weights(node), path: node.path))
        }
        for node in try file.optional("facts")?.array() ?? [] {
            contents.facts.append(.init(value: try fact(node, status: status), path: node.path))
        }
        return contents
    }

    // MARK: Regions and indicators

    private static func region(_ node: JSONNode) throws(DatasetError) -> Region {
        let object = try node.object()
        try object.finish(allowing: ["code", "name", "name_en", "kind", "former_codes", "members", "aliases"])
        var formerCodes: [FormerCode] = []
        for element in try object.optional("former_codes")?.array() ?? [] {
            let former = try element.object()
            try former.finish(allowing: ["code", "last_year"])
            formerCodes.append(FormerCode(
                code: try former.required("code").nonEmptyString(),
                lastYear: try former.required("last_year").int()
            ))
        }
        return Region(
            code: try object.required("code").nonEmptyString(),
            name: try object.required("name").nonEmptyString(),
            nameEn: try object.optional("name_en")?.nonEmptyString(),
            kind: try object.required("kind").enumeration(RegionKind.self),
            formerCodes: formerCodes,
            memberCodes: try object.optional("members")?.strings() ?? [],
            aliases: try object.optional("aliases")?.strings() ?? []
        )
    }

    private static func indicator(_ node: JSONNode) throws(DatasetError) -> Indicator {
        let object = try node.object()
        try object.finish(allowing: [
            "id", "name_nb", "name_en", "unit", "kostra_function", "direction", "aggregation",
            "weight_indicator", "ssb_content_code", "ssb_table", "service", "decimals", "description",
        ])
        return Indicator(
            id: try object.required("id").nonEmptyString(),
            nameNb: try object.required("name_nb").nonEmptyString(),
            nameEn: try object.required("name_en").nonEmptyString(),
            unit: try object.required("unit").enumeration(Unit.self),
            kostraFunction: try object.optional("kostra_function")?.nonEmptyString(),
            direction: try object.required("direction").enumeration(Direction.self),
            aggregation: try object.required("aggregation").enumeration(Aggregation.self),
            weightIndicatorId: try object.optional("weight_indicator")?.nonEmptyString(),
            ssbContentCode: try object.optional("ssb_content_code")?.nonEmptyString(),
            ssbTable: try object.optional("ssb_table")?.nonEmptyString(),
            service: try object.required("service").nonEmptyString(),
            decimals: try object.required("decimals").int(),
            description: try object.optional("description")?.string() ?? ""
        )
    }

    // MARK: Tables

    /// One column of a table: the region and year its cells belong to (the region is `nil`
    /// where the rows are regions).
    private struct Column {
        var region: String?
        var year: Int
    }

    private static func table(_ node: JSONNode, status fileStatus: FigureStatus, into contents: inout DatasetContents) throws(DatasetError) {
        let object = try node.object()
        try object.finish(allowing: [
            "title", "source", "indicator", "region", "columns", "unit", "years", "rows",
            "row_labels", "notes", "cell_notes", "missing_reason", "status",
        ])
        let title = try object.required("title").nonEmptyString()
        let source = try object.optional("source")?.nonEmptyString() ?? "Tabell «\(title)»"
        let unit = try object.required("unit").enumeration(Unit.self)
        let status = try object.optional("status")?.enumeration(FigureStatus.self) ?? fileStatus
        let missingReason = try object.optional("missing_reason")?.enumeration(MissingReason.self) ?? .notPublished
        let notes = try object.optional("notes")?.strings() ?? []

        // Which form: rows of regions for one indicator, or rows of indicators for one region
        // (by year) or for region-and-year columns.
        let indicatorNode = object.optional("indicator")
        let regionNode = object.optional("region")
        let columnsNode = object.optional("columns")
        let forms = [indicatorNode, regionNode, columnsNode].compactMap { $0 }
        guard forms.count == 1 else {
            throw DatasetError(code: forms.isEmpty ? .missingField : .unexpectedField, path: object.path, message: "a table needs exactly one of \"indicator\" (rows are regions), \"region\" (rows are indicators) or \"columns\" (rows are indicators, columns are region and year)")
        }
        let fixedIndicator = try indicatorNode?.nonEmptyString()
        let fixedRegion = try regionNode?.nonEmptyString()

        var columns: [Column] = []
        if let columnsNode {
            if let years = object.present("years") {
                throw DatasetError(code: .unexpectedField, path: years.path, message: "a table with \"columns\" takes its years from them")
            }
            for element in try columnsNode.array() {
                let column = try element.object()
                try column.finish(allowing: ["region", "year"])
                let region = try column.required("region").nonEmptyString()
                let year = try column.required("year").int()
                if columns.contains(where: { $0.region == region && $0.year == year }) {
                    throw DatasetError(code: .duplicate, path: element.path, message: "the column \(region) \(year) appears twice")
                }
                columns.append(Column(region: region, year: year))
            }
        } else {
            let yearsNode = try object.required("years")
            for element in try yearsNode.array() {
                let year = try element.int()
                if columns.contains(where: { $0.year == year }) {
                    throw DatasetError(code: .duplicate, path: element.path, message: "the year \(year) appears twice")
                }
                columns.append(Column(region: fixedRegion, year: year))
            }
        }
        guard !columns.isEmpty else { throw object.node.invalid("a table needs at least one column") }

        let rowsObject = try object.required("rows").object()
        let cellNotes = try self.cellNotes(object, rows: rowsObject, columns: columns, defaultRegion: fixedRegion)
        if let labels = object.optional("row_labels") {
            let labelsObject = try labels.object()
            for member in labelsObject.members {
                _ = try member.node.string()
                if rowsObject.present(member.key) == nil {
                    throw DatasetError(code: .invalidValue, path: member.node.path, message: "a label for the row \"\(member.key)\", which the table does not have")
                }
            }
        }

        var indicatorIds: [String] = fixedIndicator.map { [$0] } ?? []
        var regionCodes: [String] = fixedRegion.map { [$0] } ?? []
        for member in rowsObject.members {
            let cells = try member.node.array()
            guard cells.count == columns.count else {
                let what = columnsNode == nil ? "years" : "columns"
                throw DatasetError(code: .rowLength, path: member.node.path, message: "the row has \(cells.count) values but the table has \(columns.count) \(what)")
            }
            if fixedIndicator != nil { regionCodes.append(member.key) } else { indicatorIds.append(member.key) }
            for (column, cell) in zip(columns, cells) {
                let value = try cell.doubleOrNull()
                let region = column.region ?? member.key
                contents.observations.append(.init(
                    value: Observation(
                        indicatorId: fixedIndicator ?? member.key,
                        regionCode: region,
                        year: column.year,
                        value: value,
                        missing: value == nil ? missingReason : nil,
                        status: status,
                        source: source,
                        note: cellNotes[CellKey(row: member.key, region: column.region, year: column.year)]
                    ),
                    path: cell.path
                ))
            }
        }
        for column in columns {
            if let region = column.region, !regionCodes.contains(region) { regionCodes.append(region) }
        }
        let table = SourceTable(
            title: title,
            source: source,
            unit: unit,
            indicatorIds: indicatorIds,
            regionCodes: regionCodes,
            years: Array(Set(columns.map(\.year))).sorted(),
            notes: notes
        )
        contents.tables.append(.init(value: table, path: node.path))
    }

    private struct CellKey: Hashable {
        var row: String
        var region: String?
        var year: Int
    }

    /// The table's notes on single cells, by the cell they name.
    /// A note names its cell by row and year, and by region where the columns have regions of
    /// their own; `defaultRegion` is the region of a table whose rows are indicators.
    private static func cellNotes(_ table: JSONObjectReader, rows: JSONObjectReader, columns: [Column], defaultRegion: String?) throws(DatasetError) -> [CellKey: String] {
        var notes: [CellKey: String] = [:]
        for element in try table.optional("cell_notes")?.array() ?? [] {
            let object = try element.object()
            try object.finish(allowing: ["row", "year", "region", "note"])
            let row = try object.required("row").nonEmptyString()
            let year = try object.required("year").int()
            let region = try object.optional("region")?.nonEmptyString()
            let note = try object.required("note").nonEmptyString()
            let key = CellKey(row: row, region: region ?? defaultRegion, year: year)
            guard rows.present(row) != nil, columns.contains(where: { $0.region == key.region && $0.year == year }) else {
                throw element.invalid("the note names no cell of the table")
            }
            guard notes[key] == nil else {
                throw DatasetError(code: .duplicate, path: element.path, message: "a second note on the same cell")
            }
            notes[key] = note
        }
        return notes
    }

    // MARK: Figures, weights, facts

    private static func figure(_ node: JSONNode, status fileStatus: FigureStatus) throws(DatasetError) -> Observation {
        let object = try node.object()
        try object.finish(allowing: ["indicator", "region", "year", "value", "missing", "status", "source", "note"])
        guard let valueNode = object.present("value") else {
            throw DatasetError(code: .missingField, path: object.path, message: "the field \"value\" is missing (use null with \"missing\" for a missing value)")
        }
        return Observation(
            indicatorId: try object.required("indicator").nonEmptyString(),
            regionCode: try object.required("region").nonEmptyString(),
            year: try object.required("year").int(),
            value: try valueNode.doubleOrNull(),
            missing: try object.optional("missing")?.enumeration(MissingReason.self),
            status: try object.optional("status")?.enumeration(FigureStatus.self) ?? fileStatus,
            source: try object.required("source").nonEmptyString(),
            note: try object.optional("note")?.nonEmptyString()
        )
    }

    private static func weights(_ node: JSONNode) throws(DatasetError) -> ProductionWeights {
        let object = try node.object()
        try object.finish(allowing: ["year", "source", "weights", "labels", "notes"])
        var weights: [String: Double] = [:]
        for member in try object.required("weights").object().members {
            weights[member.key] = try member.node.double()
        }
        var labels: [String: String] = [:]
        for member in try object.optional("labels")?.object().members ?? [] {
            guard weights[member.key] != nil else {
                throw member.node.invalid("a label for \"\(member.key)\", which has no weight")
            }
            labels[member.key] = try member.node.string()
        }
        return ProductionWeights(
            year: try object.required("year").int(),
            weights: weights,
            source: try object.required("source").nonEmptyString(),
            labels: labels,
            notes: try object.optional("notes")?.strings() ?? []
        )
    }

    private static func fact(_ node: JSONNode, status fileStatus: FigureStatus) throws(DatasetError) -> Fact {
        let object = try node.object()
        try object.finish(allowing: [
            "id", "kind", "subject", "regions", "group", "indicator", "year", "base_year", "unit",
            "figures", "statement", "status", "source",
        ])
        var figures: [String: Double] = [:]
        for member in try object.optional("figures")?.object().members ?? [] {
            figures[member.key] = try member.node.double()
        }
        return Fact(
            id: try object.required("id").nonEmptyString(),
            kind: try object.required("kind").nonEmptyString(),
            subject: try object.required("subject").nonEmptyString(),
            regions: try object.optional("regions")?.strings() ?? [],
            group: try object.optional("group")?.nonEmptyString(),
            indicatorId: try object.optional("indicator")?.nonEmptyString(),
            year: try object.optional("year")?.int(),
            baseYear: try object.optional("base_year")?.int(),
            unit: try object.optional("unit")?.enumeration(Unit.self),
            figures: figures,
            statement: try object.required("statement").nonEmptyString(),
            status: try object.optional("status")?.enumeration(FigureStatus.self) ?? fileStatus,
            source: try object.required("source").nonEmptyString()
        )
    }
}
