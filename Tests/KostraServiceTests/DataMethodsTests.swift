import KostraCodec
import KostraData
import KostraProtocol
import KostraService
import Logging
import Testing

/// The foundation's methods called directly, without a socket: the handler
/// layer over the built-in data.
@Suite("Data methods")
struct DataMethodsTests {
    let methods: DataMethods

    init() throws {
        let health = HealthState()
        health.setServing(true)
        self.methods = DataMethods(dataset: try Dataset.builtIn(), health: health, serverVersion: "test")
    }

    var context: RequestContext {
        RequestContext(
            id: 1,
            method: KostraMethods.getSeries.path,
            deadline: .now + .seconds(30),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    func series(_ indicator: String, _ regions: [String], from: Int32 = 0, to: Int32 = 0) throws -> KostraV1.GetSeriesResponse {
        try self.methods.series(
            KostraV1.GetSeriesRequest(indicatorId: indicator, regions: regions, fromYear: from, toYear: to),
            context: self.context
        )
    }

    @Test("the chapter's table «Gruppestørrelse 2 - lærernorm», regions as rows and years as columns")
    func lærernormTable() throws {
        let response = try self.series("grunnskole.gruppestorrelse_2", ["Bærum", "Asker", "ASSS"])
        #expect(response.years == [2021, 2022, 2023, 2024])
        #expect(response.regions.map(\.code) == ["3201", "3203", "ASSS"])
        #expect(response.regions.map(\.name) == ["Bærum", "Asker", "ASSS med Oslo"])
        // Bærum 17,4 17,3 17,1 16,9 / Asker 16,7 16,3 16,8 16,7 / ASSS med Oslo 16,6 16,5 16,4 16,4
        #expect(response.series.map { $0.observations.map(\.value) } == [
            [17.4, 17.3, 17.1, 16.9],
            [16.7, 16.3, 16.8, 16.7],
            [16.6, 16.5, 16.4, 16.4],
        ])
        #expect(response.series[0].observations.allSatisfy { $0.status == .asPublished && !$0.source.isEmpty })
        #expect(response.indicator?.unit == .number)
    }

    @Test("Bærum by 3201, by its old number 3024 and as «baerum» is one and the same series")
    func renumbered() throws {
        let answers = try ["3201", "3024", "baerum", "BÆRUM"].map {
            try self.series("grunnskole.korrigerte_brutto_driftsutgifter_per_elev", [$0])
        }
        // Tabell «Korrigerte brutto driftsutgifter til grunnskole (202), per elev»: Bærum 109 384 105 568 109 285 111 234
        for answer in answers {
            #expect(answer.series.map(\.regionCode) == ["3201"])
            #expect(answer.series[0].observations.map(\.value) == [109_384, 105_568, 109_285, 111_234])
        }
    }

    @Test("a year range narrows the columns")
    func yearRange() throws {
        let response = try self.series("grunnskole.andel_spesialundervisning_1_4", ["Bærum"], from: 2023, to: 2024)
        #expect(response.years == [2023, 2024])
        // Bærum 4,9 % 4,5 % 5,2 % 5,3 %: the last two.
        #expect(response.series[0].observations.map(\.value) == [5.2, 5.3])
    }

    @Test("years asked outside the data are answered, missing as outside the data")
    func yearsOutsideTheData() throws {
        // Asked 2019-2024; the data has 2021-2024 (the chapter's four columns).
        let response = try self.series("grunnskole.gruppestorrelse_2", ["Bærum"], from: 2019, to: 2024)
        #expect(response.years == [2019, 2020, 2021, 2022, 2023, 2024])
        let cells = response.series[0].observations
        #expect(cells.map(\.year) == [2019, 2020, 2021, 2022, 2023, 2024])
        // Bærum 17,4 17,3 17,1 16,9 in the columns 2021-2024.
        #expect(cells.map(\.value) == [nil, nil, 17.4, 17.3, 17.1, 16.9])
        #expect(cells.map(\.missing) == [.outsideData, .outsideData, .none, .none, .none, .none])
        #expect(cells.prefix(2).allSatisfy { $0.status == .unspecified && $0.source.contains("2021–2024") })
        // The open end (0) is the latest year of the data: 2023 onward is 2023-2024.
        #expect(try self.series("grunnskole.gruppestorrelse_2", ["Bærum"], from: 2023).years == [2023, 2024])
    }

    @Test("a range of more than 100 years is INVALID_ARGUMENT")
    func tooManyYears() throws {
        #expect {
            try self.series("grunnskole.gruppestorrelse_2", ["Bærum"], from: 1900, to: 2024)
        } throws: { error in
            (error as? RPCError)?.code == .invalidArgument && (error as? RPCError)?.details.first?.field == "to_year"
        }
    }

    @Test("an implied figure is served in a series, its source saying how it was derived")
    func impliedFigure() throws {
        // «Oslo kommune brukte 136 522 kr per elev, altså 28 349 kr mer per elev, enn Bærum kommune.»
        let response = try self.series("grunnskole.netto_driftsutgifter_per_elev", ["Oslo", "Bærum"], from: 2024, to: 2024)
        let oslo = try #require(response.series[0].observations.first)
        let baerum = try #require(response.series[1].observations.first)
        #expect(oslo.value == 136_522)
        let implied: Double = 136_522 - 28_349  // 108 173, not printed: implied
        #expect(baerum.value == implied)
        #expect(baerum.source.hasPrefix("Avledet av kapitlet: 136 522 − 28 349 = 108 173."))
        #expect(baerum.source.contains("28 349 kr mer per elev, enn Bærum kommune"))
        // «9,3 prosent over gjennomsnittet» and «gått ned med 5,1 prosentpoeng fra 2023 til 2024».
        let efficiency = try self.series("grunnskole.effektivitetsindeks", ["Bærum"])
        #expect(efficiency.years == [2023, 2024])
        let values = efficiency.series[0].observations.map { $0.value ?? .nan }
        #expect(abs(values[0] - (109.3 + 5.1)) < 1e-9)  // 2023: 114,4, implied
        #expect(abs(values[1] - (100 + 9.3)) < 1e-9)  // 2024: 109,3
    }

    @Test("a region the table leaves out is a row of missing cells, never zeros")
    func missingStaysMissing() throws {
        // «Antall assistentårsverk per hundre lærerårsverk» has rows for Bærum and Asker only.
        let response = try self.series("grunnskole.assistentarsverk_per_100_laererarsverk", ["Bærum", "ASSS"])
        #expect(response.series[0].observations.map(\.value) == [10, 11, 14, 13])
        #expect(response.series[1].observations.map(\.value) == [nil, nil, nil, nil])
        #expect(response.series[1].observations.allSatisfy { $0.missing == .notPublished && $0.status == .unspecified })
    }

    @Test("no regions asked means every region with figures")
    func allRegions() throws {
        let response = try self.series("grunnskole.elever_per_kommunal_grunnskole", [])
        // The table has Bærum, Asker and ASSS; the text adds Tromsø (216) and Oslo (444) for 2024.
        #expect(Set(response.regions.map(\.code)) == ["3201", "3203", "ASSS", "5501", "0301"])
    }

    @Test("a misspelt region is NOT_FOUND on regions[i], with Bærum suggested")
    func unknownRegion() throws {
        #expect {
            try self.series("grunnskole.gruppestorrelse_2", ["Asker", "Baerun"])
        } throws: { error in
            let error = try #require(error as? RPCError)
            return error.code == .notFound && error.details.first?.field == "regions[1]"
                && error.details.first?.suggestions.first == "Bærum" && error.message.contains("did you mean Bærum")
        }
    }

    @Test("a misspelt indicator is NOT_FOUND with the right id suggested")
    func unknownIndicator() throws {
        #expect {
            try self.series("grunnskole.grupestorrelse_2", ["Bærum"])
        } throws: { error in
            let error = try #require(error as? RPCError)
            return error.code == .notFound && error.details.first?.suggestions.first == "grunnskole.gruppestorrelse_2"
        }
    }

    @Test("an empty indicator id and a reversed year range are INVALID_ARGUMENT naming the field")
    func invalid() throws {
        #expect(throws: RPCError.invalidArgument(field: "indicator_id", "indicator_id is empty; ListIndicators gives the ids")) {
            try self.series("", ["Bærum"])
        }
        #expect {
            try self.series("grunnskole.gruppestorrelse_2", ["Bærum"], from: 2024, to: 2021)
        } throws: { error in
            (error as? RPCError)?.code == .invalidArgument && (error as? RPCError)?.details.first?.field == "from_year"
        }
    }

    @Test("years without figures are NOT_FOUND listing the years there are")
    func yearsWithoutData() throws {
        #expect {
            try self.series("grunnskole.gruppestorrelse_2", ["Bærum"], from: 2030)
        } throws: { error in
            let error = try #require(error as? RPCError)
            return error.code == .notFound && error.details.first?.available == ["2021", "2022", "2023", "2024"]
        }
    }

    @Test("regions by kind: twelve ASSS municipalities, Bærum with its former number")
    func regions() {
        let municipalities = self.methods.listRegions(KostraV1.ListRegionsRequest(kind: .municipality)).regions
        #expect(municipalities.count == 12)
        let bærum = municipalities.first { $0.code == "3201" }
        #expect(bærum?.formerCodes == [KostraV1.FormerCode(code: "3024", lastYear: 2023)])
        let groups = self.methods.listRegions(KostraV1.ListRegionsRequest(kind: .groupAverage)).regions
        #expect(groups.first { $0.code == "ASSS" }?.memberCodes.count == 12)
    }

    @Test("indicators carry unit, direction and aggregation; a service filter narrows them")
    func indicators() {
        let all = self.methods.listIndicators(.init()).indicators
        #expect(all.count == 44)
        let gs2 = all.first { $0.id == "grunnskole.gruppestorrelse_2" }
        #expect(gs2?.unit == .number)
        #expect(gs2?.direction == .higherCostsLess)
        #expect(self.methods.listIndicators(KostraV1.ListIndicatorsRequest(service: "sfo-only")).indicators.isEmpty)
    }

    @Test("health reports SERVING, the data and its years; an unknown service is NOT_FOUND")
    func health() throws {
        let response = try self.methods.check(.init())
        #expect(response.status == .serving)
        #expect(response.dataVersion == "built-in")
        #expect(response.years == [2021, 2022, 2023, 2024])
        #expect(throws: RPCError.self) { try self.methods.check(KostraV1.HealthCheckRequest(service: "nope")) }
    }

    @Test("the schema method returns the embedded FileDescriptorSet of all seven files")
    func schema() {
        let response = self.methods.schema()
        #expect(response.fileDescriptorSet == KostraSchema.fileDescriptorSet)
        #expect(response.files.last == "kostra/v1/kostra.proto")
        #expect(response.files.count == 7)
    }
}
