/// One row of the store's `series` table, decoded: a region's figures of one indicator, a cell
/// per year from `firstYear`.
///
/// Stored as text SQLite can take apart (docs/data.md): `value` a JSON array of numbers (null
/// where there is no value), `state` a character per year (`FigureCellState.raw` + 48, so "0" is
/// no figure), `source` one source id or a JSON array of one per year, `reported_code` NULL or a
/// JSON array of the codes figures were reported under.
struct SeriesRow {
    var firstYear: Int
    var values: [Double]
    var states: [FigureCellState]
    var sources: [Int64]
    var reportedCodes: [String?]

    /// A row with no figures covering `years`.
    init(years: ClosedRange<Int>) {
        firstYear = years.lowerBound
        let count = years.count
        values = Array(repeating: 0, count: count)
        states = Array(repeating: .absent, count: count)
        sources = Array(repeating: 0, count: count)
        reportedCodes = Array(repeating: nil, count: count)
    }

    /// A row with no cells; `cover` gives it its first.
    static var empty: SeriesRow {
        var row = SeriesRow(years: 0...0)
        row.values = []
        row.states = []
        row.sources = []
        row.reportedCodes = []
        return row
    }

    var lastYear: Int { firstYear + values.count - 1 }

    /// Widens the row to cover `year`.
    mutating func cover(_ year: Int) {
        if values.isEmpty {
            self = SeriesRow(years: year...year)
        } else if year < firstYear {
            let extra = firstYear - year
            values.insert(contentsOf: repeatElement(0, count: extra), at: 0)
            states.insert(contentsOf: repeatElement(.absent, count: extra), at: 0)
            sources.insert(contentsOf: repeatElement(0, count: extra), at: 0)
            reportedCodes.insert(contentsOf: repeatElement(nil, count: extra), at: 0)
            firstYear = year
        } else if year > lastYear {
            let extra = year - lastYear
            values.append(contentsOf: repeatElement(0, count: extra))
            states.append(contentsOf: repeatElement(.absent, count: extra))
            sources.append(contentsOf: repeatElement(0, count: extra))
            reportedCodes.append(contentsOf: repeatElement(nil, count: extra))
        }
    }

    /// The cell of `year`, or nil outside the row.
    func cell(_ year: Int) -> Int? {
        let offset = year - firstYear
        return offset >= 0 && offset < values.count ? offset : nil
    }

    /// Whether the two cells hold the same figure in the import's sense: the same value or
    /// missing reason, and the same status.
    static func same(_ a: FigureCellState, _ aValue: Double, _ b: FigureCellState, _ bValue: Double) -> Bool {
        a.raw == b.raw && (!a.hasValue || aValue == bValue)
    }

    // MARK: Text

    /// The `value` column, written into `out` (emptied first; its storage is reused).
    func encodeValues(into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.append(UInt8(ascii: "["))
        for offset in values.indices {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            if states[offset].hasValue {
                Self.appendNumber(values[offset], to: &out)
            } else {
                out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// The `value` column.
    func encodedValues() -> [UInt8] {
        var out: [UInt8] = []
        encodeValues(into: &out)
        return out
    }

    private static let scales: [Double] = [1, 10, 100, 1000]

    /// A number as JSON in its shortest form: with 0 to 3 decimals written from an integer when
    /// that reads back as the same double (the common case: figures are published rounded),
    /// else the standard library's shortest round-trip form.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        for decimals in 0..<scales.count {
            let scaled = (value * scales[decimals]).rounded()
            guard abs(scaled) < 9.0e15, scaled / scales[decimals] == value else { continue }
            if value == 0, value.sign == .minus { break }
            var integer = Int64(scaled)
            if integer < 0 {
                out.append(UInt8(ascii: "-"))
                integer = -integer
            }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
                var count = 0
                var rest = integer
                repeat {
                    buffer[count] = UInt8(48 + rest % 10)
                    rest /= 10
                    count += 1
                } while rest > 0 || count <= decimals
                for position in stride(from: count - 1, through: 0, by: -1) {
                    if position == decimals - 1 { out.append(UInt8(ascii: ".")) }
                    out.append(buffer[position])
                }
            }
            return
        }
        out.append(contentsOf: value.description.utf8)
    }

    /// The `state` column.
    func encodedStates() -> [UInt8] { states.map { $0.raw + 48 } }

    /// The `source` column: one id when the figures share it, else an array.
    func encodedSources() -> [UInt8] {
        var shared: Int64?
        var same = true
        for offset in states.indices where states[offset].isPresent {
            if let first = shared {
                if sources[offset] != first {
                    same = false
                    break
                }
            } else {
                shared = sources[offset]
            }
        }
        if same, let shared { return Array(String(shared).utf8) }
        return Array(("[" + sources.map(String.init).joined(separator: ",") + "]").utf8)
    }

    /// The `reported_code` column, or nil when no figure was reported under another code.
    func encodedReportedCodes() -> [UInt8]? {
        guard reportedCodes.contains(where: { $0 != nil }) else { return nil }
        return Array(("[" + reportedCodes.map { $0.map { "\"\($0)\"" } ?? "null" }.joined(separator: ",") + "]").utf8)
    }

    /// Decodes the columns of a row; nil when they do not fit together.
    static func decode(firstYear: Int, values: [UInt8], states: [UInt8], sources: [UInt8], reportedCodes: [UInt8]?) -> SeriesRow? {
        guard let numbers = NumberArray.parseValues(values), numbers.count == states.count, !numbers.isEmpty else { return nil }
        var row = SeriesRow(years: firstYear...(firstYear + numbers.count - 1))
        row.values = numbers
        for offset in 0..<numbers.count {
            let state = FigureCellState(raw: states[offset] &- 48)
            // A state byte that is not one the store writes is damage, not a figure.
            guard state.raw & 0b111 <= 5, state.raw >> 3 <= 2 else { return nil }
            row.states[offset] = state
        }
        if sources.first == UInt8(ascii: "[") {
            guard let ids = NumberArray.parse(sources), ids.count == numbers.count else { return nil }
            row.sources = ids.map { Int64($0 ?? 0) }
        } else {
            guard let id = Int64(String(decoding: sources, as: UTF8.self)) else { return nil }
            row.sources = Array(repeating: id, count: numbers.count)
        }
        if let reportedCodes {
            guard let codes = NumberArray.parseStrings(reportedCodes), codes.count == numbers.count else { return nil }
            row.reportedCodes = codes
        }
        return row
    }
}
