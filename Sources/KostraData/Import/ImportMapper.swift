/// Maps SSB's tables onto the catalogue: region codes onto current regions (through the code
/// history), content codes onto indicators, and cells onto observations.
///
/// - A region the catalogue has, by its current or a former number, keeps its place; the code
///   the file used stays as `Observation.reportedCode`. A number the code history renumbers is
///   followed to today's. A municipality (four digits) or KOSTRA group (`EKGnn`) the catalogue
///   lacks becomes a new region named by the file's label; any other code is refused.
/// - A content code an indicator of the catalogue carries (`ssb_content_code`) is that
///   indicator; values in kroner for an indicator in thousands of kroner (or the reverse) are
///   converted, any other difference of units is refused. An unknown code becomes a new
///   indicator `ssb.<code>`, named by the file's label and unit: never dropped.
/// - Two cells that land on one figure (a municipality under its old and its new number): a
///   value wins over a missing cell, equal values are one figure, different values are refused.
public struct ImportMapper: Sendable {
    /// The data the import adds to (regions and indicators known so far).
    public let catalogue: Dataset
    /// The renumberings.
    public let history: CodeHistory

    /// A mapper onto `catalogue`.
    public init(catalogue: Dataset, history: CodeHistory) {
        self.catalogue = catalogue
        self.history = history
    }

    /// The batch of every file's figures, each with `status` and a source naming its file and
    /// `importLabel` (the version and time). Errors name the file and the place in it.
    public func map(
        _ tables: [(fileName: String, table: SSBTable)],
        status: FigureStatus,
        importLabel: String
    ) throws(DatasetError) -> ImportBatch {
        var newRegions: [Region] = []
        var newRegionPositions: [String: Int] = [:]
        var newIndicators: [Indicator] = []
        var indicatorsByCode: [String: Indicator] = [:]
        for indicator in catalogue.indicators {
            if let code = indicator.ssbContentCode, indicatorsByCode[code] == nil { indicatorsByCode[code] = indicator }
        }
        struct Key: Hashable {
            var indicator: String
            var region: String
            var year: Int
        }
        var positions: [Key: (index: Int, place: String)] = [:]
        var observations: [Observation] = []

        for (fileName, table) in tables {
            let tableName = table.tableId.map { "SSB tabell \($0)" } ?? "SSB"
            // SSB's titles begin with the table number ("12255: Utvalgte ..."): say it once.
            let title = table.title.map { title in
                let prefix = table.tableId.map { "\($0): " } ?? ""
                return " «\(title.hasPrefix(prefix) ? String(title.dropFirst(prefix.count)) : title)»"
            } ?? ""
            let source = "\(tableName)\(title), fil \(fileName), \(importLabel)"
            for cell in table.cells {
                let place = "\(fileName): \(cell.place)"
                // Region.
                let currentCode: String
                if let known = catalogue.currentCode(for: cell.regionCode) {
                    currentCode = known
                } else {
                    let renumbered = history.current(cell.regionCode)
                    if let known = catalogue.currentCode(for: renumbered) {
                        currentCode = known
                    } else if newRegionPositions[renumbered] != nil {
                        currentCode = renumbered
                    } else {
                        let region = try Self.newRegion(code: renumbered, cell: cell, history: history, place: place)
                        newRegionPositions[renumbered] = newRegions.count
                        newRegions.append(region)
                        currentCode = renumbered
                    }
                }
                // Indicator.
                let indicator: Indicator
                if let known = indicatorsByCode[cell.contentCode] {
                    indicator = known
                } else {
                    indicator = try Self.newIndicator(cell: cell, table: table, place: place, catalogue: catalogue)
                    indicatorsByCode[cell.contentCode] = indicator
                    newIndicators.append(indicator)
                }
                // Value, in the indicator's unit.
                var value = cell.value
                if let raw = value, let label = cell.unitLabel, let fileUnit = Unit(ssbLabel: label), fileUnit != indicator.unit {
                    switch (fileUnit, indicator.unit) {
                    case (.nok, .thousandNok): value = raw / 1000
                    case (.thousandNok, .nok): value = raw * 1000
                    default:
                        throw DatasetError(
                            code: .invalidValue,
                            path: place,
                            message: "the file's unit «\(label)» (\(fileUnit.rawValue)) for \(cell.contentCode) differs from the unit \(indicator.unit.rawValue) of \(indicator.id)"
                        )
                    }
                }
                let observation = Observation(
                    indicatorId: indicator.id,
                    regionCode: currentCode,
                    year: cell.year,
                    value: value,
                    missing: cell.missing,
                    status: status,
                    source: source,
                    reportedCode: cell.regionCode == currentCode ? nil : cell.regionCode
                )
                let key = Key(indicator: indicator.id, region: currentCode, year: cell.year)
                guard let (index, firstPlace) = positions[key] else {
                    positions[key] = (observations.count, place)
                    observations.append(observation)
                    continue
                }
                let first = observations[index]
                switch (first.value, observation.value) {
                case (nil, _?):
                    observations[index] = observation
                    positions[key] = (index, place)
                case (_?, nil):
                    break
                case (nil, nil):
                    if first.reportedCode != nil, observation.reportedCode == nil { observations[index] = observation }
                case (let a?, let b?):
                    guard a == b else {
                        throw DatasetError(
                            code: .duplicate,
                            path: place,
                            message: "\(b) for \(indicator.id), region \(currentCode) (as \(cell.regionCode)), \(cell.year), where \(firstPlace) gives \(a)"
                        )
                    }
                    if first.reportedCode != nil, observation.reportedCode == nil { observations[index] = observation }
                }
            }
        }
        return ImportBatch(regions: newRegions, indicators: newIndicators, observations: observations)
    }

    static func newRegion(code: String, cell: SSBTable.Cell, history: CodeHistory, place: String) throws(DatasetError) -> Region {
        let name = cell.regionLabel.isEmpty ? code : cell.regionLabel
        let isMunicipality = code.utf8.count == 4 && code.allSatisfy { $0.isASCII && $0.isNumber }
        if isMunicipality {
            return Region(code: code, name: name, kind: .municipality, formerCodes: history.formerCodes(of: code))
        }
        if code.hasPrefix("EKG"), code.utf8.count == 5, code.dropFirst(3).allSatisfy({ $0.isASCII && $0.isNumber }) {
            return Region(code: code, name: name, kind: .groupAverage)
        }
        throw DatasetError(
            code: .unknownRegion,
            path: place,
            message: "the region \"\(cell.regionCode)\" (\(cell.regionLabel)) is neither a municipality number, EAK, EAKUO, ASSS nor a KOSTRA group EKGnn"
        )
    }

    static func newIndicator(cell: SSBTable.Cell, table: SSBTable, place: String, catalogue: Dataset) throws(DatasetError) -> Indicator {
        let slug = String(cell.contentCode.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        let id = "ssb.\(slug)"
        guard DatasetValidator.isValidIndicatorId(id) else {
            throw DatasetError(code: .invalidValue, path: place, message: "the content code \"\(cell.contentCode)\" gives no usable indicator id")
        }
        guard catalogue.indicator(id: id) == nil else {
            throw DatasetError(code: .duplicate, path: place, message: "the indicator \(id) exists but does not carry the content code \(cell.contentCode)")
        }
        let unitText = cell.unitLabel.map { ", unit «\($0)»" } ?? ""
        let tableText = table.tableId.map { " table \($0)" } ?? ""
        return Indicator(
            id: id,
            nameNb: cell.contentLabel,
            nameEn: cell.contentLabel,
            unit: cell.unitLabel.flatMap(Unit.init(ssbLabel:)) ?? .number,
            direction: .neutral,
            aggregation: .publishedOnly,
            ssbContentCode: cell.contentCode,
            ssbTable: table.tableId,
            service: "ssb",
            decimals: min(max(cell.decimals ?? 1, 0), 10),
            description: "Imported from SSB\(tableText): content code \(cell.contentCode), «\(cell.contentLabel)»\(unitText). Not in the catalogue: direction and aggregation are not known."
        )
    }
}
