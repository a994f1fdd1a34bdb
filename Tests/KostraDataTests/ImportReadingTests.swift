import KostraData
import Testing

@Suite("Reading SSB's JSON-stat2 and CSV")
struct ImportReadingTests {
    @Test("JSON-stat2: row-major cells, labels, units, status symbols, the table id")
    func jsonStat() throws {
        let file = ImportFixtures.jsonStatFinal
        let table = try ImportFormat.detect(file.bytes).read(file.bytes, fileName: file.fileName)
        #expect(ImportFormat.detect(file.bytes) == .jsonStat2)
        #expect(table.tableId == "12255")
        #expect(table.cells.count == 30)
        let first = try #require(table.cells.first)
        #expect(first.regionCode == "3024" && first.regionLabel == "Bærum (2020-2023)")
        #expect(first.contentCode == "KOSgrstr20000" && first.unitLabel == "antall" && first.decimals == 1)
        #expect(first.year == 2022 && first.value == 17.3)
        // value[17]: Oslo, the unknown content, 2024, suppressed.
        let cell = table.cells[17]
        #expect(cell.regionCode == "0301" && cell.contentCode == "KOSandelpc0000" && cell.year == 2024)
        #expect(cell.value == nil && cell.missing == .suppressed)
        #expect(table.cells[3].missing == .notAvailable)
        #expect(table.cells[2].missing == .notApplicable)
        #expect(table.cells[11].value == 88.5 && table.cells[11].regionCode == "3201")
        #expect(table.cells[29].regionCode == "EKG13" && table.cells[29].value == 87.0)
    }

    @Test("JSON-stat2: sparse values, a status string, category index as array, no index for one category")
    func jsonStatVariants() throws {
        let text = """
            {"version":"2.0","class":"dataset","id":["Region","ContentsCode","Tid"],"size":[2,1,2],
             "dimension":{"Region":{"category":{"index":["3201","0301"],"label":{"3201":"Bærum","0301":"Oslo"}}},
               "ContentsCode":{"category":{"label":{"KOSgrstr20000":"Gruppestørrelse 2"}}},
               "Tid":{"category":{"index":["2023","2024"]}}},
             "value":{"1":16.9,"3":14.8,"2":null},"status":".."}
            """
        let table = try ImportFormat.jsonStat2.read(Array(text.utf8), fileName: "sparse.json")
        #expect(table.cells.map(\.year) == [2024, 2023, 2024])
        #expect(table.cells.map(\.regionCode) == ["3201", "0301", "0301"])
        #expect(table.cells.map(\.value) == [16.9, nil, 14.8])
        #expect(table.cells[1].missing == .notAvailable)
        #expect(table.cells.allSatisfy { $0.contentCode == "KOSgrstr20000" })
    }

    @Test("CSV, long layout: title, CRLF, codes and texts, unit in parentheses, decimal comma, symbols")
    func csvLong() throws {
        let file = ImportFixtures.csvPreliminary
        #expect(ImportFormat.detect(file.bytes) == .ssbCSV)
        let table = try ImportFormat.ssbCSV.read(file.bytes, fileName: file.fileName)
        #expect(table.tableId == "12255")
        #expect(table.cells.count == 5)
        #expect(table.cells[0].regionCode == "3201" && table.cells[0].regionLabel == "Bærum")
        #expect(table.cells[0].contentCode == "KOSgrstr20000" && table.cells[0].contentLabel == "Gruppestørrelse 2")
        #expect(table.cells[0].unitLabel == "antall" && table.cells[0].value == 16.5 && table.cells[0].year == 2025)
        #expect(table.cells[1].missing == .suppressed)
        #expect(table.cells[2].missing == .notAvailable && table.cells[2].regionCode == "EAK")
        #expect(table.cells[3].regionCode == "0219" && table.cells[3].year == 2019 && table.cells[3].value == 18.0)
        #expect(table.cells[4].unitLabel == "kr" && table.cells[4].value == 139_200)
        #expect(table.cells[1].place == "line 4, field 4")
    }

    @Test("CSV, a column per year")
    func csvWide() throws {
        let file = ImportFixtures.csvFinal
        let table = try ImportFormat.ssbCSV.read(file.bytes, fileName: file.fileName)
        #expect(table.cells.count == 8)
        #expect(table.cells.map(\.year) == [2024, 2025, 2024, 2025, 2024, 2025, 2024, 2025])
        #expect(table.cells[1].value == 16.6)
        #expect(table.cells[3].missing == .suppressed)
        #expect(table.cells[4].regionCode == "3025" && table.cells[4].missing == .notApplicable)
    }

    @Test("A truncated JSON-stat file is refused with the line and column")
    func truncatedJSON() {
        let bytes = Array(ImportFixtures.jsonStatFinal.bytes.prefix(900))
        let error = #expect(throws: DatasetError.self) { try ImportFormat.jsonStat2.read(bytes, fileName: "cut.json") }
        #expect(error?.code == .syntax)
        #expect(error?.path.hasPrefix("cut.json: line ") == true)
    }

    @Test("Refused JSON-stat files name the place and the reason", arguments: [
        (#"{"class":"dataset","version":"2.0","id":["Region","ContentsCode","Tid"],"size":[1,1,2],"dimension":{"Region":{"category":{"index":["3201"]}},"ContentsCode":{"category":{"index":["K1"]}},"Tid":{"category":{"index":["2023","2024"]}}},"value":[1.5]}"#, "x.json: value", "1 values for a cube of 2 cells"),
        (#"{"class":"dataset","version":"2.0","id":["Region","ContentsCode","Tid"],"size":[1,1,2],"dimension":{"Region":{"category":{"index":["3201"]}},"ContentsCode":{"category":{"index":["K1"]}},"Tid":{"category":{"index":["2023","2024"]}}},"value":[1.5,null],"status":{"1":"-"}}"#, "x.json: value[1] (region 3201, K1, 2024)", "status \"-\""),
        (#"{"class":"dataset","version":"2.0","id":["Region","ContentsCode","Tid"],"size":[1,1,3],"dimension":{"Region":{"category":{"index":["3201"]}},"ContentsCode":{"category":{"index":["K1"]}},"Tid":{"category":{"index":["2023","2024"]}}},"value":[1.5,2]}"#, "x.json: size[2]", "size 3"),
        (#"{"class":"dataset","version":"2.0","id":["Region","ContentsCode","Tid"],"size":[1,1,1],"dimension":{"Region":{"category":{"index":["3201"]}},"ContentsCode":{"category":{"index":["K1"]}},"Tid":{"category":{"index":["2024K1"]}}},"value":[1.5]}"#, "x.json: dimension.Tid.category.index[0]", "not a year"),
        (#"{"version":"2.0","class":"collection","link":{}}"#, "x.json: class", "not a collection"),
        (#"{"dataset":{"dimension":{}}}"#, "x.json: class", "JSON-stat 1.x"),
    ])
    func refusedJSONStat(text: String, place: String, reason: String) {
        let error = #expect(throws: DatasetError.self) { try ImportFormat.jsonStat2.read(Array(text.utf8), fileName: "x.json") }
        #expect(error?.path == place)
        #expect(error?.message.contains(reason) == true, "\(String(describing: error))")
    }

    @Test("Refused CSV files name the line, the field and the reason", arguments: [
        ("\"region\";\"statistikkvariabel\";\"år\";\"v\"\n\"3201 Bærum\";\"K1 X (antall)\";\"2024\";16.9\n", "x.csv: line 2, field 4", "decimal point"),
        ("\"region\";\"statistikkvariabel\";\"år\";\"v\"\n\"3201 Bærum\";\"K1 X (antall)\";\"2024\"\n", "x.csv: line 2", "3 fields where the header has 4"),
        ("\"region\";\"statistikkvariabel\";\"år\";\"v\"\n\"3201 Bærum\";\"K1 X (antall)\";\"2024\";1\n\"3203 Asker\";\"K1 X", "x.csv: line 3, field 2", "truncated"),
        ("\"region\";\"statistikkvariabel\";\"år\";\"v\"\n\"Bærum\";\"K1 X (antall)\";\"2024\";1\n", "x.csv: line 2, field 1", "does not begin with its code"),
        ("\"region\";\"statistikkvariabel\";\"år\";\"v\"\n\"3201 Bærum\";\"K1 X (antall)\";\"2024\";\n", "x.csv: line 2, field 4", "empty value"),
        ("\"region\",\"statistikkvariabel\",\"år\",\"v\"\n\"3201 Bærum\",\"K1 X\",\"2024\",1\n", "x.csv: line 1, field 1", "comma-separated"),
    ])
    func refusedCSV(text: String, place: String, reason: String) {
        let error = #expect(throws: DatasetError.self) { try ImportFormat.ssbCSV.read(Array(text.utf8), fileName: "x.csv") }
        #expect(error?.path == place)
        #expect(error?.message.contains(reason) == true, "\(String(describing: error))")
    }
}
