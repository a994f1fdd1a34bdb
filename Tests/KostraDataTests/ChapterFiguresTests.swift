import KostraData
import Testing

/// The built-in data against the chapter: every table, row, year and text figure.
@Suite("The built-in data holds every figure of the chapter, as printed")
struct ChapterFiguresTests {
    let data: Dataset

    init() throws {
        data = try Dataset.builtIn()
    }

    @Test("Each table's every cell", arguments: Chapter.tables)
    func table(_ table: ChapterTable) throws {
        for cell in table.cells {
            let observation = try #require(
                data.observation(indicatorId: cell.indicator, regionCode: cell.region, year: cell.year),
                "\(table.title): no figure for \(cell.indicator) \(cell.region) \(cell.year)"
            )
            #expect(observation.value == cell.value, "\(table.title): \(cell.indicator) \(cell.region) \(cell.year)")
            #expect(observation.missing == nil)
            #expect(observation.status == .asPublished)
            #expect(observation.source == "Tabell «\(table.title)»" || observation.source.hasPrefix("Tabell uten tittel"))
        }
        // The table as the data describes it: printed title, and no row or year beyond the chapter's.
        let described = try #require(data.tables.first { $0.title == table.title }, "no table titled «\(table.title)»")
        #expect(Set(described.years) == Set(table.cells.map(\.year)))
        #expect(Set(described.regionCodes) == Set(table.cells.map(\.region)))
        #expect(Set(described.indicatorIds) == Set(table.cells.map(\.indicator)))
        for indicator in Set(table.cells.map(\.indicator)) {
            #expect(data.indicator(id: indicator)?.unit == described.unit)
        }
    }

    @Test("Each figure the text gives", arguments: Chapter.textFigures)
    func textFigure(_ figure: TextFigure) throws {
        let observation = try #require(data.observation(indicatorId: figure.indicator, regionCode: figure.region, year: figure.year))
        // To the figure's printed precision (100 + 9,3 + 5,1 is 114,39999… in binary).
        #expect(abs((observation.value ?? .nan) - figure.value) < 1e-9)
        #expect(observation.status == .asPublished)
        #expect(observation.source.contains(figure.quote), "source: \(observation.source)")
        // An implied figure's source says how it was derived, then quotes the sentence.
        if let derivation = figure.derivation {
            #expect(observation.source.hasPrefix("Avledet av kapitlet: \(derivation)"), "source: \(observation.source)")
        } else {
            #expect(observation.source.hasPrefix("«"), "source: \(observation.source)")
        }
    }

    @Test("The figures the text says were not published are missing, not zero")
    func textMissing() throws {
        for (indicator, region, year) in Chapter.textMissing {
            let observation = try #require(data.observation(indicatorId: indicator, regionCode: region, year: year))
            #expect(observation.value == nil)
            #expect(observation.missing == .notApplicable)
            #expect(observation.source.contains("ikke er publisert en skolebidragsindikator for 2023"))
        }
    }

    @Test("The data holds nothing the chapter does not print")
    func nothingElse() {
        var expected: Set<String> = []
        for table in Chapter.tables {
            for cell in table.cells { expected.insert("\(cell.indicator) \(cell.region) \(cell.year)") }
        }
        for figure in Chapter.textFigures { expected.insert("\(figure.indicator) \(figure.region) \(figure.year)") }
        for missing in Chapter.textMissing { expected.insert("\(missing.indicator) \(missing.region) \(missing.year)") }
        let actual = data.observations.map { "\($0.indicatorId) \($0.regionCode) \($0.year)" }
        #expect(actual.count == expected.count)
        #expect(Set(actual) == expected)
        #expect(data.tables.count == Chapter.tables.count)
        #expect(actual.count == 226 + 16 + 2)  // table cells, text figures (2 of them only implied), stated missing
    }

    @Test("Figures the chapter only implies are stored as figures, each saying how it was derived")
    func impliedValuesStored() throws {
        // «Oslo kommune brukte 136 522 kr per elev, altså 28 349 kr mer per elev, enn Bærum kommune.»
        let baerum = try #require(data.observation(indicatorId: "grunnskole.netto_driftsutgifter_per_elev", regionCode: "3201", year: 2024))
        let oslo = try #require(data.observation(indicatorId: "grunnskole.netto_driftsutgifter_per_elev", regionCode: "0301", year: 2024))
        #expect(baerum.value == 108_173)
        #expect((oslo.value ?? 0) - (baerum.value ?? 0) == 28_349)
        #expect(baerum.note?.contains("Not printed") == true)
        // «9,3 prosent over gjennomsnittet» and «gått ned med 5,1 prosentpoeng fra 2023 til 2024».
        let efficiency2023 = try #require(data.observation(indicatorId: "grunnskole.effektivitetsindeks", regionCode: "3201", year: 2023))
        let efficiency2024 = try #require(data.observation(indicatorId: "grunnskole.effektivitetsindeks", regionCode: "3201", year: 2024))
        #expect(abs((efficiency2024.value ?? 0) - (efficiency2023.value ?? 0) - -5.1) < 1e-9)
        #expect(efficiency2023.note?.contains("±0,1") == true)
        // Every implied figure of the text is in the list above, and no other figure is marked so.
        let implied = data.observations.filter { $0.source.hasPrefix("Avledet av kapitlet: ") }
        #expect(implied.count == Chapter.textFigures.filter { $0.derivation != nil }.count)
    }

    @Test("The 2024 production-index weights, as published (sum 1.0001)")
    func weights() throws {
        let weights = try #require(data.productionWeights(year: 2024))
        #expect(weights.weights == Chapter.weights2024)
        #expect(abs(weights.total - 1.0001) < 1e-12)
        #expect(weights.source.contains("Vekt 2024"))
        #expect(weights.labels["grunnskole.skolebidrag_1_4"] == "Skolebidragsindikatoren 1-4. trinn")
        #expect(data.productionWeights.count == 1)
    }

    @Test("Each relational statement of the text", arguments: Chapter.facts)
    func fact(_ expected: TextFact) throws {
        let fact = try #require(data.facts.first { $0.id == expected.id })
        #expect(fact.kind == expected.kind)
        #expect(fact.subject == expected.subject)
        #expect(fact.regions == expected.regions)
        #expect(fact.group == expected.group)
        #expect(fact.indicatorId == expected.indicator)
        #expect(fact.year == expected.year)
        #expect(fact.figures == expected.figures)
        #expect(fact.status == .asPublished)
        #expect(fact.source.contains(expected.quote), "source: \(fact.source)")
    }

    @Test("No fact beyond those of the text")
    func factCount() {
        #expect(data.facts.map(\.id).sorted() == Chapter.facts.map(\.id).sorted())
        let efficiency = data.facts.first { $0.id == "effektivitet_endring_2023_2024" }
        #expect(efficiency?.baseYear == 2023)
        #expect(efficiency?.unit == .percentagePoints)
    }

    @Test("The efficiency figure agrees with production over expenditure: 100.7 / 92.1 = 1.0934")
    func efficiencyConsistent() throws {
        let production = try #require(data.observation(indicatorId: "grunnskole.produksjonsindeks", regionCode: "3201", year: 2024)?.value)
        let expenditure = try #require(data.observation(indicatorId: "grunnskole.brutto_driftsutgifter_indeks", regionCode: "3201", year: 2024)?.value)
        let efficiency = try #require(data.observation(indicatorId: "grunnskole.effektivitetsindeks", regionCode: "3201", year: 2024)?.value)
        #expect(abs(100 * production / expenditure - efficiency) < 0.05)
    }

    @Test("The mistitled table: named for what it holds, with the flaw recorded")
    func pupilsPerLeader() throws {
        let indicator = try #require(data.indicator(id: "grunnskole.elever_per_lederarsverk"))
        #expect(indicator.nameNb == "Elever per lederårsverk")
        #expect(!indicator.nameNb.contains("lærer"))
        #expect(indicator.description.contains("Elever per lærerårsverk"))
        #expect(indicator.description.contains("103"))
        let table = try #require(data.tables.first { $0.indicatorIds == ["grunnskole.elever_per_lederarsverk"] })
        #expect(table.title == "Elever per lærerårsverk")  // kept as printed
        #expect(table.notes.contains { $0.contains("LEADER") })
        // Asker: the text says 103 per leader; the table says 107 for 2024 (103 for 2023). The table wins.
        let asker = try #require(data.observation(indicatorId: "grunnskole.elever_per_lederarsverk", regionCode: "3203", year: 2024))
        #expect(asker.value == 107)
        #expect(asker.note?.contains("103 elever per leder") == true)
        #expect(data.observation(indicatorId: "grunnskole.elever_per_lederarsverk", regionCode: "3203", year: 2023)?.note == nil)
    }

    @Test("The regions: 12 ASSS members with current and former numbers, two averages, the country")
    func regions() throws {
        let expected: [(code: String, name: String, former: String?)] = [
            ("3203", "Asker", "3025"), ("4601", "Bergen", nil), ("3201", "Bærum", "3024"),
            ("3301", "Drammen", "3005"), ("3107", "Fredrikstad", "3004"), ("4204", "Kristiansand", nil),
            ("3205", "Lillestrøm", "3030"), ("0301", "Oslo", nil), ("1108", "Sandnes", nil),
            ("1103", "Stavanger", nil), ("5501", "Tromsø", "5401"), ("5001", "Trondheim", nil),
        ]
        let municipalities = data.regions(kind: .municipality)
        #expect(municipalities.map(\.code) == expected.map(\.code))
        for (region, want) in zip(municipalities, expected) {
            #expect(region.name == want.name)
            #expect(region.formerCodes.map(\.code) == (want.former.map { [$0] } ?? []))
            #expect(region.formerCodes.allSatisfy { $0.lastYear == 2023 })
        }
        let asss = try #require(data.region(code: "ASSS"))
        #expect(asss.name == "ASSS med Oslo")
        #expect(asss.kind == .groupAverage)
        #expect(Set(asss.memberCodes) == Set(expected.map(\.code)))
        let withoutOslo = try #require(data.region(code: "ASSSUO"))
        #expect(Set(withoutOslo.memberCodes) == Set(expected.map(\.code)).subtracting(["0301"]))
        #expect(data.region(code: "EAK")?.kind == .country)
        #expect(data.region(code: "EAKUO")?.kind == .country)
        #expect(data.regions.count == 16)
    }

    @Test("Indicators: well-formed ids, units and decimals as the chapter prints them")
    func indicators() throws {
        #expect(data.indicators.count == 44)
        #expect(Set(data.indicators.map(\.id)).count == data.indicators.count)
        for indicator in data.indicators {
            #expect(indicator.id.hasPrefix("grunnskole."))
            #expect(indicator.id.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == ".") })
            #expect(!indicator.description.isEmpty)
        }
        let sector = try #require(data.indicator(id: "grunnskole.netto_driftsutgifter_sektor_per_innbygger_6_15"))
        #expect(sector.unit == .thousandNok)
        #expect(sector.kostraFunction == "202+215+222+223")
        #expect(sector.ssbContentCode == "KOSregnind20000")
        #expect(sector.ssbTable == "12255")
        #expect(sector.decimals == 1)
        #expect(data.indicator(id: "grunnskole.gruppestorrelse_2")?.ssbContentCode == "KOSgrstr20000")
        #expect(data.indicator(id: "grunnskole.andel_spesialundervisning_1_4")?.unit == .percent)
        #expect(data.indicator(id: "grunnskole.korrigerte_brutto_driftsutgifter_per_elev")?.decimals == 0)
        #expect(data.indicator(id: "grunnskole.ressursbruksindikator")?.aggregation == .plainMean)
        #expect(data.indicator(id: "grunnskole.vurdering_for_laering")?.aggregation == .plainMean)
        #expect(data.indicator(id: "grunnskole.produksjonsindeks")?.unit == .index)
        // Every weight names an indicator the data defines.
        for id in Chapter.weights2024.keys { #expect(data.indicator(id: id) != nil) }
    }

    @Test("The dataset's name and years")
    func nameAndYears() throws {
        #expect(data.name == "built-in")
        #expect(data.years == [2021, 2022, 2023, 2024])
        #expect(data.source.contains("KOSTRA-analyse 2025"))
    }
}
