/// One import, as the store keeps it (`DIR/versions/NNNNNN.json`): when, from which files,
/// whether its figures are preliminary or final, and what it adds, already mapped onto the
/// catalogue. Replaying the versions in order over the built-in data gives the data served.
public struct StoreVersion: Sendable {
    /// One file the import read; a copy is kept beside the version file.
    public struct SourceFile: Sendable, Hashable {
        /// The file's name as given.
        public var fileName: String
        /// Its format.
        public var format: ImportFormat
        /// The copy's name in `DIR/versions/`.
        public var storedAs: String
        /// How many cells it had.
        public var cells: Int
    }

    /// The version's number, from 1.
    public var number: Int
    /// When it was imported (ISO 8601, UTC).
    public var importedAt: String
    /// Whether its figures are preliminary (15 March) or final (15 June).
    public var status: FigureStatus
    /// The files read.
    public var sources: [SourceFile]
    /// What it adds.
    public var batch: ImportBatch

    /// "v3 2026-06-15T08:00:00Z final": the data version the health check reports.
    public var name: String { "v\(number) \(importedAt) \(status.rawValue)" }

    /// The file name for version `number`: "000003.json".
    static func fileName(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".json"
    }

    // MARK: Writing

    func encoded() -> [UInt8] {
        typealias W = JSONWriter
        let sources = sources.map { source in
            W.object([
                ("file", W.string(source.fileName)), ("format", W.string(source.format.rawValue)),
                ("stored_as", W.string(source.storedAs)), ("cells", String(source.cells)),
            ])
        }
        let regions = batch.regions.map { region in
            W.object([
                ("code", W.string(region.code)), ("name", W.string(region.name)), ("kind", W.string(region.kind.rawValue)),
                ("former_codes", W.array(region.formerCodes.map { W.object([("code", W.string($0.code)), ("last_year", String($0.lastYear))]) })),
            ])
        }
        let indicators = batch.indicators.map { indicator in
            W.object([
                ("id", W.string(indicator.id)), ("name_nb", W.string(indicator.nameNb)), ("name_en", W.string(indicator.nameEn)),
                ("unit", W.string(indicator.unit.rawValue)), ("direction", W.string(indicator.direction.rawValue)),
                ("aggregation", W.string(indicator.aggregation.rawValue)),
                ("ssb_content_code", indicator.ssbContentCode.map(W.string)), ("ssb_table", indicator.ssbTable.map(W.string)),
                ("service", W.string(indicator.service)), ("decimals", String(indicator.decimals)),
                ("description", W.string(indicator.description)),
            ])
        }
        let observations = batch.observations.map { observation in
            W.object([
                ("indicator", W.string(observation.indicatorId)), ("region", W.string(observation.regionCode)),
                ("year", String(observation.year)), ("value", observation.value.map(W.number) ?? "null"),
                ("missing", observation.missing.map { W.string($0.rawValue) }), ("status", W.string(observation.status.rawValue)),
                ("source", W.string(observation.source)), ("reported_code", observation.reportedCode.map(W.string)),
            ])
        }
        let text = "{\"format\":1,\"version\":\(number),\"imported_at\":\(W.string(importedAt)),\"status\":\(W.string(status.rawValue)),\n"
            + "\"sources\":\(W.array(sources, lines: true)),\n\"regions\":\(W.array(regions, lines: true)),\n"
            + "\"indicators\":\(W.array(indicators, lines: true)),\n\"observations\":\(W.array(observations, lines: true))}\n"
        return Array(text.utf8)
    }

    // MARK: Reading

    init(number: Int, importedAt: String, status: FigureStatus, sources: [SourceFile], batch: ImportBatch) {
        self.number = number
        self.importedAt = importedAt
        self.status = status
        self.sources = sources
        self.batch = batch
    }

    init(jsonBytes: [UInt8]) throws(DatasetError) {
        let root = try JSONNode(JSONParser.parse(jsonBytes), path: "").object()
        try root.finish(allowing: ["format", "version", "imported_at", "status", "sources", "regions", "indicators", "observations"])
        let format = try root.required("format")
        guard try format.int() == 1 else { throw DatasetError(code: .unsupportedFormat, path: format.path, message: "format must be 1") }
        number = try root.required("version").int()
        importedAt = try root.required("imported_at").string()
        status = try root.required("status").enumeration(FigureStatus.self)
        sources = []
        for node in try root.required("sources").array() {
            let object = try node.object()
            sources.append(
                SourceFile(
                    fileName: try object.required("file").string(),
                    format: try object.required("format").enumeration(ImportFormat.self),
                    storedAs: try object.required("stored_as").string(),
                    cells: try object.required("cells").int()
                )
            )
        }
        var batch = ImportBatch()
        for node in try root.required("regions").array() {
            let object = try node.object()
            var formerCodes: [FormerCode] = []
            for former in try object.required("former_codes").array() {
                let formerObject = try former.object()
                formerCodes.append(FormerCode(code: try formerObject.required("code").string(), lastYear: try formerObject.required("last_year").int()))
            }
            batch.regions.append(
                Region(
                    code: try object.required("code").string(),
                    name: try object.required("name").string(),
                    kind: try object.required("kind").enumeration(RegionKind.self),
                    formerCodes: formerCodes
                )
            )
        }
        for node in try root.required("indicators").array() {
            let object = try node.object()
            batch.indicators.append(
                Indicator(
                    id: try object.required("id").string(),
                    nameNb: try object.required("name_nb").string(),
                    nameEn: try object.required("name_en").string(),
                    unit: try object.required("unit").enumeration(Unit.self),
                    direction: try object.required("direction").enumeration(Direction.self),
                    aggregation: try object.required("aggregation").enumeration(Aggregation.self),
                    ssbContentCode: try object.optional("ssb_content_code")?.string(),
                    ssbTable: try object.optional("ssb_table")?.string(),
                    service: try object.required("service").string(),
                    decimals: try object.required("decimals").int(),
                    description: try object.required("description").string()
                )
            )
        }
        for node in try root.required("observations").array() {
            let object = try node.object()
            batch.observations.append(
                Observation(
                    indicatorId: try object.required("indicator").string(),
                    regionCode: try object.required("region").string(),
                    year: try object.required("year").int(),
                    value: try object.present("value")?.doubleOrNull(),
                    missing: try object.optional("missing")?.enumeration(MissingReason.self),
                    status: try object.required("status").enumeration(FigureStatus.self),
                    source: try object.required("source").string(),
                    reportedCode: try object.optional("reported_code")?.string()
                )
            )
        }
        self.batch = batch
    }
}
