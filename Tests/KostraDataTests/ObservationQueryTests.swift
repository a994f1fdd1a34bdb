import KostraData
import Testing

@Suite("Looking up observations: order and year ranges")
struct ObservationQueryTests {
    let data: Dataset

    init() throws {
        data = try Dataset.builtIn()
    }

    @Test("A series comes oldest year first")
    func ordered() {
        let series = data.observations(indicatorId: "grunnskole.gruppestorrelse_2", regionCode: "3201")
        #expect(series.map(\.year) == [2021, 2022, 2023, 2024])
        #expect(series.map(\.value) == [17.4, 17.3, 17.1, 16.9])
    }

    @Test("A table printed newest year first still gives the series oldest first")
    func reversedColumns() {
        let series = data.observations(indicatorId: "grunnskole.nasjonale_prover_8_trinn", regionCode: "3201")
        #expect(series.map(\.year) == [2023, 2024])
        #expect(series.map(\.value) == [80.0, 76.8])
    }

    @Test("A year range keeps the years inside it")
    func yearRange() {
        let id = "grunnskole.gruppestorrelse_2"
        #expect(data.observations(indicatorId: id, regionCode: "3201", years: 2022...2023).map(\.value) == [17.3, 17.1])
        #expect(data.observations(indicatorId: id, regionCode: "3201", years: 2024...2030).map(\.year) == [2024])
        #expect(data.observations(indicatorId: id, regionCode: "3201", years: 2010...2020).isEmpty)
        #expect(data.observations(indicatorId: id, regionCode: "ASSS", years: 2021...2021).map(\.value) == [16.6])
    }

    @Test("One lookup for many years: a figure or nil per year asked, in the order asked")
    func eachOfYears() {
        let id = "grunnskole.gruppestorrelse_2"
        // The seed's table: Bærum 17,4 17,3 17,1 16,9 for 2021-2024; nothing for 2020.
        let row = data.observations(indicatorId: id, regionCode: "3201", eachOf: [2024, 2020, 2021, 2023])
        #expect(row.map { $0?.value } == [16.9, nil, 17.4, 17.1])
        #expect(row.compactMap { $0?.year } == [2024, 2021, 2023])
        // A former code finds the current region; an unknown one gives a nil per year.
        #expect(data.observations(indicatorId: id, regionCode: "3024", eachOf: [2022]).map { $0?.value } == [17.3])
        #expect(data.observations(indicatorId: id, regionCode: "9999", eachOf: [2022, 2023]).map { $0 == nil } == [true, true])
    }

    @Test("Unknown indicator or region: nothing, not an error")
    func unknown() {
        #expect(data.observations(indicatorId: "grunnskole.nope", regionCode: "3201").isEmpty)
        #expect(data.observations(indicatorId: "grunnskole.gruppestorrelse_2", regionCode: "9999").isEmpty)
        #expect(data.observation(indicatorId: "grunnskole.gruppestorrelse_2", regionCode: "3201", year: 2020) == nil)
        #expect(data.years(of: "grunnskole.nope").isEmpty)
        #expect(data.regionCodes(withDataFor: "grunnskole.nope").isEmpty)
    }

    @Test("Years of an indicator, and the regions with data, in region order")
    func yearsAndRegions() {
        #expect(data.years(of: "grunnskole.nasjonale_prover_5_trinn") == [2023, 2024])
        #expect(data.years(of: "grunnskole.antall_barn_i_sfo") == [2024])
        #expect(data.regionCodes(withDataFor: "grunnskole.gruppestorrelse_1") == ["3203", "3201", "3301", "5001", "ASSS"])
        #expect(data.regionCodes(withDataFor: "grunnskole.vedtak_1_75_timer") == ["3201"])
    }

    @Test("A former code finds the current region's series")
    func formerCode() {
        let current = data.observations(indicatorId: "grunnskole.gruppestorrelse_2", regionCode: "3201")
        #expect(data.observations(indicatorId: "grunnskole.gruppestorrelse_2", regionCode: "3024") == current)
    }

    @Test("Other lookups: indicators by service, facts about a region")
    func otherLookups() {
        #expect(data.indicators(service: "grunnskole").count == data.indicators.count)
        #expect(data.indicators(service: "barnehage").isEmpty)
        #expect(data.facts(about: "5501").map(\.id).sorted() == [
            "skolestorrelse_asss_2024", "spesialundervisning_1_4_kun_tromso_hoyere_2024",
        ])
        #expect(data.facts(about: "3024").count == data.facts(about: "3201").count)
    }
}

@Suite("Suggesting indicators for an unknown id")
struct IndicatorSuggestionTests {
    let data: Dataset

    init() throws {
        data = try Dataset.builtIn()
    }

    @Test("A near miss, with or without the service, with or without ø", arguments: [
        ("grunnskole.gruppestorelse_2", "grunnskole.gruppestorrelse_2"),
        ("gruppestorrelse_2", "grunnskole.gruppestorrelse_2"),
        ("grunnskole.gruppestørrelse_2", "grunnskole.gruppestorrelse_2"),
        ("grunnskole.elever_per_larerarsverk", "grunnskole.elever_per_lederarsverk"),
        ("produksjonsindeks", "grunnskole.produksjonsindeks"),
    ])
    func nearMiss(_ query: String, _ expected: String) {
        let suggestions = data.suggestIndicators(for: query)
        #expect(suggestions.first?.id == expected, "\(suggestions.map(\.id))")
        #expect(suggestions.count <= 3)
    }

    @Test("A part of an id suggests the ids containing it")
    func contained() {
        let ids = data.suggestIndicators(for: "spesialundervisning").map(\.id)
        #expect(ids.count == 3)
        #expect(ids.allSatisfy { $0.contains("spesialundervisning") })
    }

    @Test("Nothing like it: no suggestion")
    func nothing() {
        #expect(data.suggestIndicators(for: "barnehage.dekningsgrad").isEmpty)
        #expect(data.suggestIndicators(for: "").isEmpty)
    }
}
