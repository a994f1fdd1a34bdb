import KostraData
import Testing

@Suite("Tables with more dimensions than region × content × year, and the status a file states")
struct ImportDimensionsTests {
    /// Table 90001 (made up for the test): one content code split by kjønn, two regions, two years.
    /// Cells, last dimension fastest (Region, Kjonn, ContentsCode, Tid):
    ///   3201 Menn 2023 = 10.5, 3201 Menn 2024 = 11.0, 3201 Kvinner 2023 = 12.5, 3201 Kvinner 2024 = null ":"
    ///   0301 Menn 2023 = 20.0, 0301 Menn 2024 = 21.0, 0301 Kvinner 2023 = 22.0, 0301 Kvinner 2024 = 23.5
    static let jsonStat = ImportFile(
        fileName: "90001.json",
        bytes: Array(
            """
            {"version":"2.0","class":"dataset","label":"90001: Elever etter kjønn (foreløpige tall)",
             "id":["KOKkommuneregion0000","Kjonn","ContentsCode","Tid"],"size":[2,2,1,2],
             "role":{"geo":["KOKkommuneregion0000"],"time":["Tid"],"metric":["ContentsCode"]},
             "dimension":{
               "KOKkommuneregion0000":{"category":{"index":{"3201":0,"0301":1},"label":{"3201":"Bærum","0301":"Oslo"}}},
               "Kjonn":{"label":"kjønn","category":{"index":{"1":0,"2":1},"label":{"1":"Menn","2":"Kvinner"}}},
               "ContentsCode":{"category":{"index":{"KOSelever0000":0},"label":{"KOSelever0000":"Andel elever"},
                 "unit":{"KOSelever0000":{"base":"prosent","decimals":1}}}},
               "Tid":{"category":{"index":{"2023":0,"2024":1}}}},
             "value":[10.5,11.0,12.5,null,20.0,21.0,22.0,23.5],"status":{"3":":"}}
            """.utf8
        )
    )

    @Test("JSON-stat2: each category of a further dimension is its own content, with its code and label")
    func jsonStatCategories() throws {
        let table = try ImportFormat.jsonStat2.read(Self.jsonStat.bytes, fileName: Self.jsonStat.fileName)
        #expect(table.contents.count == 2)
        #expect(table.contents.map { $0.categories.map(\.code) } == [["1"], ["2"]])
        #expect(table.contents[1].categories[0].label == "Kvinner" && table.contents[1].categories[0].dimensionLabel == "kjønn")
        #expect(table.entries.count == 8)
        #expect(table.status == .preliminary)
        let cells = table.cells
        #expect(cells[3].missing == .suppressed && cells[3].year == 2024 && cells[3].regionCode == "3201")
        #expect(table.place(of: table.entries[3]) == "value[3] (region 3201, KOSelever0000, Kjonn 2, 2024)")
    }

    @Test("CSV, long layout with a further column: its categories split the content")
    func csvCategories() throws {
        let text = """
            "region";"statistikkvariabel";"kjønn";"år";"verdi"
            "3201 Bærum";"KOSelever0000 Andel elever (prosent)";"1 Menn";"2024";11,0
            "3201 Bærum";"KOSelever0000 Andel elever (prosent)";"2 Kvinner";"2024";:
            "0301 Oslo";"KOSelever0000 Andel elever (prosent)";"2 Kvinner";"2024";23,5

            """
        let table = try ImportFormat.ssbCSV.read(Array(text.utf8), fileName: "90001.csv")
        #expect(table.contents.map { $0.categories.map(\.code) } == [["1"], ["2"]])
        #expect(table.cells.map(\.value) == [11.0, nil, 23.5])
        #expect(table.cells[1].missing == .suppressed)
        #expect(table.cells[2].place == "line 4, field 5")
        #expect(table.status == nil)
    }

    @Test("Imported: an indicator per category, ids by the rule, the same ids when the file comes again; the file's stated status")
    func importCategories() throws {
        let store = try DataStore(directory: ImportFixtures.temporaryDirectory())
        // No --status: the file says «foreløpige tall».
        let first = try store.importFiles([Self.jsonStat], importedAt: "2025-03-15T08:00:00Z")
        let data = first.dataset
        #expect(first.versions.last?.status == .preliminary)
        let men = try #require(data.indicator(id: "ssb.koselever0000__kjonn_1"))
        let women = try #require(data.indicator(id: "ssb.koselever0000__kjonn_2"))
        #expect(men.nameNb == "Andel elever (kjønn: Menn)" && women.nameNb == "Andel elever (kjønn: Kvinner)")
        #expect(men.unit == .percent && men.ssbContentCode == "KOSelever0000" && men.ssbTable == "90001")
        #expect(data.observations(indicatorId: men.id, regionCode: "3201").map(\.value) == [10.5, 11.0])
        #expect(data.observations(indicatorId: women.id, regionCode: "3201").map(\.missing) == [nil, .suppressed])
        #expect(data.observation(indicatorId: women.id, regionCode: "0301", year: 2024)?.value == 23.5)
        #expect(data.observation(indicatorId: women.id, regionCode: "0301", year: 2024)?.status == .preliminary)

        // The same file again with --status final: no new indicator, the figures now final.
        let second = try store.importFiles([Self.jsonStat], status: .final, importedAt: "2025-06-15T08:00:00Z")
        #expect(second.dataset.indicators.count == data.indicators.count)
        #expect(second.dataset.indicators.map(\.id) == data.indicators.map(\.id))
        let figure = try #require(second.dataset.observation(indicatorId: women.id, regionCode: "0301", year: 2024))
        #expect(figure.value == 23.5 && figure.status == .final)
        #expect(second.dataset.history(indicatorId: women.id, regionCode: "0301", year: 2024).map(\.status) == [.preliminary, .final])
    }

    @Test("A file that states nothing, imported without --status, is as published")
    func asPublishedByDefault() throws {
        let store = try DataStore(directory: ImportFixtures.temporaryDirectory())
        let text = "\"region\";\"statistikkvariabel\";\"år\";\"v\"\n\"3201 Bærum\";\"KOSgrstr20000 Gruppestørrelse 2 (antall)\";\"2025\";16,6\n"
        let snapshot = try store.importFiles([ImportFile(fileName: "g.csv", bytes: Array(text.utf8))], importedAt: "2026-06-15T08:00:00Z")
        #expect(snapshot.versions.last?.status == .asPublished)
        let figure = try #require(snapshot.dataset.observation(indicatorId: "grunnskole.gruppestorrelse_2", regionCode: "3201", year: 2025))
        #expect(figure.value == 16.6 && figure.status == .asPublished)
    }
}

@Suite("A file too large for the machine's memory")
struct ImportFileSizeTests {
    @Test("Refused before it is read, with its size and the memory available")
    func tooLarge() {
        // 1 GB file, 8 GB available: 16 × 1 GB = 16 GB > 8 GB.
        let error = #expect(throws: StoreError.self) {
            try ImportFile.checkFits(size: 1_000_000_000, available: 8_000_000_000, path: "/data/huge.json")
        }
        #expect(error?.path == "/data/huge.json")
        #expect(error?.message.hasPrefix("1000 MB: reading it takes about 16 × its size and the machine has 8000 MB available") == true)
        // 400 MB fits in 8 GB (6.4 GB needed).
        #expect(throws: Never.self) { try ImportFile.checkFits(size: 400_000_000, available: 8_000_000_000, path: "ok.json") }
    }
}
