/// Reads SSB's CSV export into an `SSBTable`.
///
/// The variant read (docs/data.md, "Importing SSB's files"): UTF-8 (a byte order mark is
/// skipped), fields separated by `;`, quoted with `"` (a quote inside doubled), lines ending in LF
/// or CRLF; an optional title line of one field; then a header row, then one row per region and
/// content. Regions and contents are written with codes and texts, as PxWebApi v2's
/// `UseCodesAndTexts` gives them: "3201 Bærum", "KOSgrstr20000 Gruppestørrelse 2 (antall)" (a
/// trailing parenthesis is the unit). Two layouts:
///
/// - **long**: the columns region, statistikkvariabel, år, and one value column;
/// - **wide**: the columns region, statistikkvariabel, then one column per year, each header
///   ending in the year ("2024", "Grunnskole 2024").
///
/// Columns are found by their header, in any case: region (`region`, `kommune`,
/// `KOKkommuneregion0000`), content (`statistikkvariabel`, `ContentsCode`), year (`år`, `Tid`).
/// Values use a decimal comma ("16,9"); `..`, `:` and `.` are missing with SSB's reason, and `-`
/// (SSB's "nothing to report") is 0. Refused, with the line and field: a comma-separated file, a
/// decimal point, an empty value, a row of the wrong length, a quote not closed (a truncated file),
/// a region, content or category without its code. Any column besides region, content, year and
/// the values is a further dimension (kjønn, årstrinn): each of its categories splits the content.
enum SSBCSVReader {
    static let regionHeaders: Set<String> = ["region", "kommune", "kommuneregion", "kokkommuneregion0000"]
    static let contentHeaders: Set<String> = ["statistikkvariabel", "contentscode", "contents", "statistic"]
    static let yearHeaders: Set<String> = ["år", "tid", "year", "aar"]

    static func read(_ bytes: [UInt8]) throws(DatasetError) -> SSBTable {
        guard let text = String(validating: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes, as: UTF8.self) else {
            throw DatasetError(code: .syntax, path: "", message: "the file is not UTF-8")
        }
        var rows = try parseRows(text).filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        guard !rows.isEmpty else { throw DatasetError(code: .syntax, path: "line 1", message: "the file is empty") }
        var title: String?
        if rows[0].fields.count == 1, rows.count > 1, rows[1].fields.count > 1 {
            title = rows[0].fields[0]
            rows.removeFirst()
        }
        let header = rows.removeFirst()
        let names = header.fields.map { $0.trimmed.lowercased() }
        guard header.fields.count >= 3 else {
            let hint = header.fields.joined().contains(",") ? "; it looks comma-separated: export SSB's semicolon-separated CSV" : ""
            throw DatasetError(code: .unsupportedFormat, path: "line \(header.line)", message: "a header of \(header.fields.count) field(s)\(hint)")
        }
        guard let regionColumn = names.firstIndex(where: regionHeaders.contains) else {
            throw DatasetError(code: .missingField, path: "line \(header.line)", message: "no region column (a header named region, kommune or KOKkommuneregion0000)")
        }
        guard let contentColumn = names.firstIndex(where: contentHeaders.contains) else {
            throw DatasetError(code: .missingField, path: "line \(header.line)", message: "no content column (a header named statistikkvariabel or ContentsCode)")
        }
        // (column, fixed year or nil for the long layout's year column). Any other column is a
        // further dimension (kjønn, årstrinn, ...), written with codes and texts like the region.
        var valueColumns: [(column: Int, year: Int?)] = []
        var extraColumns: [Int] = []
        let yearColumn = names.firstIndex(where: yearHeaders.contains)
        let others = (0..<names.count).filter { ![regionColumn, contentColumn, yearColumn].contains($0) }
        if yearColumn != nil {
            // The long layout: the value is the last column; any other is a further dimension.
            guard let last = others.last, last == names.count - 1 else {
                throw DatasetError(
                    code: .unsupportedFormat,
                    path: "line \(header.line)",
                    message: "no value column after region, statistikkvariabel and år; the long layout ends in its value column"
                )
            }
            valueColumns = [(last, nil)]
            extraColumns = others.dropLast()
        } else {
            for column in others {
                if let year = trailingYear(header.fields[column]) {
                    valueColumns.append((column, year))
                } else if valueColumns.isEmpty {
                    extraColumns.append(column)
                } else {
                    throw DatasetError(
                        code: .unsupportedFormat,
                        path: "line \(header.line), field \(column + 1)",
                        message: "the column \"\(header.fields[column])\" is neither a year nor region or statistikkvariabel; the import reads region × content with a year column or a column per year"
                    )
                }
            }
            guard !valueColumns.isEmpty else {
                throw DatasetError(code: .unsupportedFormat, path: "line \(header.line)", message: "no year column (år) and no column per year")
            }
        }

        var regions: [SSBTable.Region] = []
        var regionPositions: [String: Int32] = [:]
        var contents: [SSBTable.Content] = []
        var contentPositions: [String: Int32] = [:]
        var entries: [SSBTable.Entry] = []
        for row in rows {
            guard row.fields.count == header.fields.count else {
                throw DatasetError(
                    code: .rowLength,
                    path: "line \(row.line)",
                    message: "\(row.fields.count) fields where the header has \(header.fields.count) (a truncated line, or a separator other than ';')"
                )
            }
            let place = { (column: Int) in "line \(row.line), field \(column + 1)" }
            let regionField = row.fields[regionColumn]
            let region: Int32
            if let known = regionPositions[regionField] {
                region = known
            } else {
                let (regionCode, regionLabel) = try codeAndText(regionField, at: place(regionColumn), what: "region")
                region = Int32(regions.count)
                regions.append(SSBTable.Region(code: regionCode, label: regionLabel))
                regionPositions[regionField] = region
            }
            let contentKey = ([contentColumn] + extraColumns).map { row.fields[$0] }.joined(separator: "\u{1F}")
            let content: Int32
            if let known = contentPositions[contentKey] {
                content = known
            } else {
                let (contentCode, contentText) = try codeAndText(row.fields[contentColumn], at: place(contentColumn), what: "statistikkvariabel")
                let (contentLabel, unit) = splitUnit(contentText)
                var categories: [SSBTable.Category] = []
                for column in extraColumns {
                    let (code, label) = try codeAndText(row.fields[column], at: place(column), what: header.fields[column])
                    categories.append(SSBTable.Category(dimension: header.fields[column], dimensionLabel: header.fields[column], code: code, label: label.isEmpty ? code : label))
                }
                content = Int32(contents.count)
                contents.append(
                    SSBTable.Content(
                        code: contentCode, label: contentLabel.isEmpty ? contentCode : contentLabel, unitLabel: unit, decimals: nil, categories: categories
                    )
                )
                contentPositions[contentKey] = content
            }
            for (column, fixedYear) in valueColumns {
                let year: Int
                if let fixedYear {
                    year = fixedYear
                } else {
                    let field = row.fields[yearColumn!].trimmed
                    guard field.utf8.count == 4, let parsed = Int(field) else {
                        throw DatasetError(code: .invalidValue, path: place(yearColumn!), message: "\"\(field)\" is not a year")
                    }
                    year = parsed
                }
                let (value, missing) = try parseValue(row.fields[column], at: place(column))
                entries.append(
                    SSBTable.Entry(region: region, content: content, year: Int32(year), missing: missing, value: value ?? 0, place: Int64(row.line) << 16 | Int64(column + 1))
                )
            }
        }
        var tableId: String?
        if let title, let colon = title.firstIndex(of: ":"), colon != title.startIndex, title[..<colon].allSatisfy(\.isNumber) {
            tableId = String(title[..<colon])
        }
        return SSBTable(
            format: "SSB CSV", tableId: tableId, title: title, status: title.flatMap { SSBTable.statedStatus(in: [$0]) },
            regions: regions, contents: contents, entries: entries, placesAreIndices: false
        )
    }

    /// A value with decimal comma, or SSB's symbol for a missing one.
    static func parseValue(_ field: String, at place: String) throws(DatasetError) -> (Double?, MissingReason?) {
        let text = field.trimmed
        if let reason = MissingReason(ssbSymbol: text) { return (nil, reason) }
        if text == "-" { return (0, nil) }
        guard !text.isEmpty else {
            throw DatasetError(code: .invalidValue, path: place, message: "an empty value; SSB writes \"..\", \":\" or \".\" for a missing one")
        }
        if text.contains("."), !text.contains(",") {
            throw DatasetError(code: .invalidValue, path: place, message: "\"\(text)\" has a decimal point; SSB's CSV has a decimal comma (\"16,9\")")
        }
        var digits = 0
        var commas = 0
        for (offset, character) in text.enumerated() {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if character == "," {
                commas += 1
            } else if character == "-", offset == 0 {
                continue
            } else {
                throw DatasetError(code: .invalidValue, path: place, message: "\"\(text)\" is not a number with decimal comma nor one of \"..\", \":\", \".\", \"-\"")
            }
        }
        guard digits > 0, commas <= 1, !text.hasSuffix(","), let value = Double(text.replacing(",", with: ".")), value.isFinite else {
            throw DatasetError(code: .invalidValue, path: place, message: "\"\(text)\" is not a number with decimal comma")
        }
        return (value, nil)
    }

    /// "3201 Bærum" as ("3201", "Bærum"); the code is the first word, ASCII letters and digits
    /// with a digit or all upper-case (EAK).
    static func codeAndText(_ field: String, at place: String, what: String) throws(DatasetError) -> (String, String) {
        let text = field.trimmed
        let code = String(text.prefix { $0 != " " })
        let isCode = !code.isEmpty && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            && (code.contains(where: \.isNumber) || code.allSatisfy { $0.isUppercase })
        guard isCode else {
            throw DatasetError(
                code: .invalidValue,
                path: place,
                message: "the \(what) \"\(text)\" does not begin with its code; export with codes and texts (\"3201 Bærum\")"
            )
        }
        return (code, String(text.dropFirst(code.count)).trimmed)
    }

    /// "Gruppestørrelse 2 (antall)" as ("Gruppestørrelse 2", "antall").
    static func splitUnit(_ text: String) -> (String, String?) {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return (text, nil) }
        let unit = text[text.index(after: open)..<text.index(before: text.endIndex)]
        return (String(text[..<open]).trimmed, String(unit).trimmed)
    }

    /// The year a header ends with: "2024", "Grunnskole 2024".
    static func trailingYear(_ header: String) -> Int? {
        let text = header.trimmed
        let tail = String(text.suffix(4))
        guard tail.utf8.count == 4, tail.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let before = text.dropLast(4)
        guard before.isEmpty || before.last == " " else { return nil }
        return Int(tail)
    }

    struct Row {
        var line: Int
        var fields: [String]
    }

    /// Splits the text into rows of fields, honouring quotes.
    static func parseRows(_ text: String) throws(DatasetError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldWasQuoted = false
        var line = 1
        var rowLine = 1
        var quoteLine = 1
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        characters.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        switch characters.first {
                        case nil, ";", "\r", "\n":
                            break
                        case ",":
                            throw DatasetError(
                                code: .unsupportedFormat,
                                path: "line \(line), field \(fields.count + 1)",
                                message: "a ',' after a quoted field: the file is comma-separated; export SSB's semicolon-separated CSV"
                            )
                        default:
                            throw DatasetError(code: .syntax, path: "line \(line), field \(fields.count + 1)", message: "text after a closing quote")
                        }
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !fieldWasQuoted else {
                    throw DatasetError(code: .syntax, path: "line \(line), field \(fields.count + 1)", message: "a quote inside an unquoted field")
                }
                quoted = true
                fieldWasQuoted = true
                quoteLine = line
            case ";":
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                if characters.first != "\n" {
                    throw DatasetError(code: .syntax, path: "line \(line)", message: "a carriage return without a line feed")
                }
            case "\n":
                fields.append(field)
                rows.append(Row(line: rowLine, fields: fields))
                fields = []
                field = ""
                fieldWasQuoted = false
                line += 1
                rowLine = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted {
            throw DatasetError(code: .syntax, path: "line \(quoteLine), field \(fields.count + 1)", message: "a quoted field is not closed: the file is truncated")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}

extension String {
    /// Without white space at either end.
    var trimmed: String {
        String(self.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
