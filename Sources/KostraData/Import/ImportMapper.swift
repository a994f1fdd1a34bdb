/// Maps an SSB table's regions and contents onto the catalogue, once per region and content
/// (not per cell), remembering what the import adds.
///
/// - A region the catalogue has, by its current or a former number, keeps its place; the code
///   the file used is kept as the figure's reported code. A number the code history renumbers
///   is followed to today's. A municipality (four digits), a KOSTRA group (`EKGnn`) or a county
///   (`EAKAnn`, the municipalities of county nn) the catalogue lacks becomes a new region named
///   by the file's label; any other code is refused.
/// - A content code an indicator of the catalogue carries (`ssb_content_code`), in a table with
///   no further dimensions, is that indicator; values in kroner for an indicator in thousands
///   of kroner (or the reverse) are converted, any other difference of units is refused. Any
///   other content becomes a new indicator, never dropped: `ssb.<code>` for a content code
///   alone, `ssb.<code>__<dimension>_<category>...` for a content code with one category of
///   each further dimension (docs/data.md, "Tables with more dimensions").
public struct ImportMapper: Sendable {
    /// Where a table's region lands.
    public struct RegionMapping: Sendable {
        /// The current code.
        public var code: String
        /// The code the file used, when it differs.
        public var reportedCode: String?
    }

    /// Where a table's content lands.
    public struct ContentMapping: Sendable {
        /// The indicator.
        public var indicator: Indicator
        /// Multiplied by, then divided by, these put the file's values into the indicator's unit
        /// (1 and 1 mostly; kroner to thousands divides by 1000, exactly).
        public var multiplier: Double
        /// See `multiplier`.
        public var divisor: Double
    }

    /// The data the import adds to (regions and indicators known so far).
    public let catalogue: Dataset
    /// The renumberings.
    public let history: CodeHistory
    /// Regions this import adds, in the order met.
    public private(set) var newRegions: [Region] = []
    /// Indicators this import adds, in the order met.
    public private(set) var newIndicators: [Indicator] = []
    private var newRegionCodes: Set<String> = []
    private var indicatorsByKey: [String: Indicator] = [:]

    /// A mapper onto `catalogue`.
    public init(catalogue: Dataset, history: CodeHistory) {
        self.catalogue = catalogue
        self.history = history
        for indicator in catalogue.indicators {
            if let code = indicator.ssbContentCode, indicatorsByKey[code] == nil { indicatorsByKey[code] = indicator }
        }
    }

    /// The region a file's region code stands for. `place` names where, for an error.
    public mutating func map(region: SSBTable.Region, place: String) throws(DatasetError) -> RegionMapping {
        let currentCode: String
        if let known = catalogue.currentCode(for: region.code) {
            currentCode = known
        } else {
            let renumbered = history.current(region.code)
            if let known = catalogue.currentCode(for: renumbered) {
                currentCode = known
            } else if newRegionCodes.contains(renumbered) {
                currentCode = renumbered
            } else {
                newRegions.append(try Self.newRegion(code: renumbered, label: region.label, fileCode: region.code, history: history, place: place))
                newRegionCodes.insert(renumbered)
                currentCode = renumbered
            }
        }
        return RegionMapping(code: currentCode, reportedCode: region.code == currentCode ? nil : region.code)
    }

    /// The indicator a file's content stands for, and the factor for its values.
    public mutating func map(content: SSBTable.Content, table: SSBTable, place: String) throws(DatasetError) -> ContentMapping {
        let key = Self.key(content)
        let indicator: Indicator
        if let known = indicatorsByKey[key] {
            indicator = known
        } else if let known = catalogue.indicator(id: Self.indicatorId(content)), known.ssbContentCode == content.code {
            // An earlier import made it (a content with categories is known by its id).
            indicator = known
            indicatorsByKey[key] = known
        } else {
            indicator = try Self.newIndicator(content: content, table: table, place: place, catalogue: catalogue)
            guard !newIndicators.contains(where: { $0.id == indicator.id }) else {
                throw DatasetError(code: .duplicate, path: place, message: "two contents of this import give the indicator id \(indicator.id)")
            }
            indicatorsByKey[key] = indicator
            newIndicators.append(indicator)
        }
        var multiplier = 1.0
        var divisor = 1.0
        if let label = content.unitLabel, let fileUnit = Unit(ssbLabel: label), fileUnit != indicator.unit {
            switch (fileUnit, indicator.unit) {
            case (.nok, .thousandNok): divisor = 1000
            case (.thousandNok, .nok): multiplier = 1000
            default:
                throw DatasetError(
                    code: .invalidValue,
                    path: place,
                    message: "the file's unit «\(label)» (\(fileUnit.rawValue)) for \(content.code) differs from the unit \(indicator.unit.rawValue) of \(indicator.id)"
                )
            }
        }
        return ContentMapping(indicator: indicator, multiplier: multiplier, divisor: divisor)
    }

    /// The key a content is known by: its code, with its categories when it has any.
    static func key(_ content: SSBTable.Content) -> String {
        ([content.code] + content.categories.map { "\($0.dimension)=\($0.code)" }).joined(separator: "\u{1F}")
    }

    /// Lower-case ASCII letters and digits, anything else an underscore.
    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    static func newRegion(code: String, label: String, fileCode: String, history: CodeHistory, place: String) throws(DatasetError) -> Region {
        let name = label.isEmpty ? code : label
        let isMunicipality = code.utf8.count == 4 && code.allSatisfy { $0.isASCII && $0.isNumber }
        if isMunicipality {
            return Region(code: code, name: name, kind: .municipality, formerCodes: history.formerCodes(of: code))
        }
        if code.hasPrefix("EKG"), code.utf8.count == 5, code.dropFirst(3).allSatisfy({ $0.isASCII && $0.isNumber }) {
            return Region(code: code, name: name, kind: .groupAverage)
        }
        if code.hasPrefix("EAKA"), code.utf8.count == 6, code.dropFirst(4).allSatisfy({ $0.isASCII && $0.isNumber }) {
            // The municipalities of a county, averaged: a group average until the protocol has a
            // kind for counties.
            return Region(code: code, name: name, kind: .groupAverage)
        }
        throw DatasetError(
            code: .unknownRegion,
            path: place,
            message: "the region \"\(fileCode)\" (\(label)) is neither a municipality number, EAK, EAKUO, ASSS, a KOSTRA group EKGnn nor a county EAKAnn"
        )
    }

    /// `ssb.<code>`, with `__<dimension>_<category>` for each further dimension's category.
    static func indicatorId(_ content: SSBTable.Content) -> String {
        let suffix = content.categories.map { "__\(slug($0.dimension))_\(slug($0.code))" }.joined()
        return "ssb.\(slug(content.code))\(suffix)"
    }

    static func newIndicator(content: SSBTable.Content, table: SSBTable, place: String, catalogue: Dataset) throws(DatasetError) -> Indicator {
        let id = indicatorId(content)
        guard DatasetValidator.isValidIndicatorId(id) else {
            throw DatasetError(code: .invalidValue, path: place, message: "the content code \"\(content.code)\" gives no usable indicator id")
        }
        guard catalogue.indicator(id: id) == nil else {
            throw DatasetError(code: .duplicate, path: place, message: "the indicator \(id) exists but does not carry the content code \(content.code)")
        }
        let unitText = content.unitLabel.map { ", unit «\($0)»" } ?? ""
        let tableText = table.tableId.map { " table \($0)" } ?? ""
        let categories = content.categories.map { "\($0.dimensionLabel): \($0.label)" }.joined(separator: ", ")
        let name = categories.isEmpty ? content.label : "\(content.label) (\(categories))"
        let categoryText = content.categories.isEmpty
            ? "" : "; " + content.categories.map { "\($0.dimension) \($0.code) «\($0.label)»" }.joined(separator: ", ")
        return Indicator(
            id: id,
            nameNb: name,
            nameEn: name,
            unit: content.unitLabel.flatMap(Unit.init(ssbLabel:)) ?? .number,
            direction: .neutral,
            aggregation: .publishedOnly,
            ssbContentCode: content.code,
            ssbTable: table.tableId,
            service: "ssb",
            decimals: min(max(content.decimals ?? 1, 0), 10),
            description: "Imported from SSB\(tableText): content code \(content.code), «\(content.label)»\(unitText)\(categoryText). Not in the catalogue: direction and aggregation are not known."
        )
    }
}
