/// A table laid out as the report lays out its tables: a title, a header
/// row of years, one row per region, the first column left-aligned and the
/// figures right-aligned, then notes.
struct TextTable {
    var title: String
    var header: [String]
    var rows: [[String]]
    var notes: [String] = []
    /// Whether every column is left-aligned (lists of names rather than figures).
    var leftAligned = false

    func rendered() -> String {
        let columns = ([self.header] + self.rows).reduce(into: [Int]()) { widths, row in
            for (index, cell) in row.enumerated() {
                if index >= widths.count { widths.append(0) }
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: columns[index] - cell.count)
                return index == 0 || self.leftAligned ? cell + padding : padding + cell
            }.joined(separator: "   ")
        }
        var lines = [self.title, "", line(self.header)]
        lines += self.rows.map(line)
        if !self.notes.isEmpty {
            lines.append("")
            lines += self.notes
        }
        return lines.map { $0.trailingWhitespaceTrimmed }.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trailingWhitespaceTrimmed: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
