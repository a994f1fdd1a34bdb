/// A table laid out as the report lays out its tables: a title, a header
/// row of years, one row per region, the first column left-aligned and the
/// figures right-aligned, then notes.
struct TextTable: Sendable {
    var title: String
    var header: [String]
    var rows: [[String]]
    var notes: [String] = []
    /// Whether every column is left-aligned (lists of names rather than figures).
    var leftAligned = false

    /// The table as aligned plain text.
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

    /// The table as GitHub-flavoured Markdown: the title in bold, a pipe
    /// table with the figures right-aligned, then the notes as a paragraph
    /// each. `heading` makes the title a heading of that level instead.
    func markdown(heading: Int? = nil) -> String {
        let width = max(self.header.count, self.rows.map(\.count).max() ?? 0)
        func line(_ row: [String]) -> String {
            let cells = (0..<width).map { index in index < row.count ? Self.escape(row[index]) : "" }
            return "| " + cells.joined(separator: " | ") + " |"
        }
        let rule = "|" + (0..<width).map { index in index == 0 || self.leftAligned ? " :-- |" : " --: |" }.joined()
        var lines: [String] = []
        if !self.title.isEmpty {
            lines.append(heading.map { String(repeating: "#", count: $0) + " " + self.title } ?? "**\(Self.escape(self.title))**")
            lines.append("")
        }
        lines.append(line(self.header))
        lines.append(rule)
        lines += self.rows.map(line)
        for note in self.notes {
            lines.append("")
            lines.append(Self.escapeLine(note))
        }
        return lines.joined(separator: "\n")
    }

    /// Escapes a paragraph: also a leading "+", "-" or "#", which would
    /// start a list or a heading.
    static func escapeLine(_ text: String) -> String {
        let escaped = Self.escape(text)
        guard let first = escaped.first, "+-#".contains(first) else { return escaped }
        return "\\" + escaped
    }

    /// Escapes what Markdown would read as markup in a cell or a note.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "*", "_", "`", "\\", "[", "]", "<", ">": out += "\\\(character)"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    fileprivate var trailingWhitespaceTrimmed: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
