import KostraAnalysis
import KostraData
import Testing

/// The service profile (tjenesteprofil) of Bærum against ASSS med Oslo in 2024, from the
/// built-in data: every indicator the chapter tables for both. The expected indices are
/// written out by hand from the chapter's tables (100 × Bærum / ASSS), the arithmetic
/// beside each, compared to 1e-9 relative.
@Suite("Service profile: Bærum against ASSS med Oslo, 2024 (the chapter)")
struct ChapterProfileTests {
    let profile: ServiceProfile

    init() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        self.profile = try analysis.serviceProfile(region: "Bærum", year: 2024)
    }

    /// The index of an indicator, its raw values, and the formula as written.
    func expectIndex(
        _ id: String,
        _ expected: Double,
        value: Double,
        reference: Double,
        formula: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let row = self.profile.row("grunnskole.\(id)") else {
            Issue.record("no row for \(id)", sourceLocation: sourceLocation)
            return
        }
        #expect(row.value == value, sourceLocation: sourceLocation)
        #expect(row.referenceValue == reference, sourceLocation: sourceLocation)
        expectClose(row.index.value, expected, sourceLocation: sourceLocation)
        #expect(row.index.unit == .index, sourceLocation: sourceLocation)
        #expect(row.index.provenance.method == .serviceProfile, sourceLocation: sourceLocation)
        #expect(row.index.provenance.formula == formula, sourceLocation: sourceLocation)
        #expect(row.index.provenance.inputs.map(\.regionCode) == ["3201", "ASSS"], sourceLocation: sourceLocation)
        #expect(row.index.provenance.inputs.map(\.value) == [value, reference], sourceLocation: sourceLocation)
        #expect(row.index.provenance.inputs.allSatisfy { $0.year == 2024 && $0.indicatorId == "grunnskole.\(id)" }, sourceLocation: sourceLocation)
    }

    @Test("The profile is Bærum's, relative to ASSS med Oslo, in 2024")
    func header() {
        #expect(self.profile.region.code == "3201")
        #expect(self.profile.reference.code == "ASSS")
        #expect(self.profile.year == 2024)
    }

    @Test("Expenditure: net per inhabitant 6-15, corrected gross per pupil, SFO per user")
    func expenditure() {
        // Netto driftsutgifter til grunnskolesektor, per innbygger 6-15 år:
        // 100 × 136,8 / 154,1 = 88,7735236859...
        // Bærum bruker 11,2 % mindre per innbygger 6-15 år enn ASSS-snittet.
        expectIndex("netto_driftsutgifter_sektor_per_innbygger_6_15", 88.7735236859182349, value: 136.8, reference: 154.1, formula: "100 × 136.8 / 154.1")
        // Korrigerte brutto driftsutgifter til grunnskole (202), per elev:
        // 100 × 111 234 / 126 171 = 88,1613048957...
        // Bærum bruker 11,8 % mindre per elev enn ASSS-snittet.
        expectIndex("korrigerte_brutto_driftsutgifter_per_elev", 88.1613048957367382, value: 111234, reference: 126171, formula: "100 × 111234 / 126171")
        // Korrigerte brutto driftsutgifter til SFO (215), per bruker:
        // 100 × 38 057 / 42 709 = 89,1076822215...
        // Bærums SFO koster 10,9 % mindre per bruker enn ASSS-snittet.
        expectIndex("korrigerte_brutto_driftsutgifter_sfo_per_bruker", 89.1076822215458100, value: 38057, reference: 42709, formula: "100 × 38057 / 42709")
    }

    @Test("Group sizes, pupils per school, leadership")
    func structure() {
        // Gruppestørrelse 1: 100 × 13,9 / 13,5 = 102,962962962...
        // Bærums gruppestørrelse 1 ligger 3,0 % over ASSS-snittet.
        expectIndex("gruppestorrelse_1", 102.962962962962963, value: 13.9, reference: 13.5, formula: "100 × 13.9 / 13.5")
        // Gruppestørrelse 2 (lærernorm): 100 × 16,9 / 16,4 = 103,048780487...
        // Bærums gruppestørrelse 2 ligger 3,0 % over ASSS-snittet.
        expectIndex("gruppestorrelse_2", 103.048780487804878, value: 16.9, reference: 16.4, formula: "100 × 16.9 / 16.4")
        // Elever per kommunal grunnskole: 100 × 379 / 359 = 105,571030640...
        // Bærums skoler er 5,6 % større enn ASSS-snittet.
        expectIndex("elever_per_kommunal_grunnskole", 105.571030640668524, value: 379, reference: 359, formula: "100 × 379 / 359")
        // Elever per lederårsverk (trykt som «Elever per lærerårsverk»): 100 × 133 / 121 = 109,917355371...
        // Bærum har 9,9 % flere elever per lederårsverk enn ASSS-snittet.
        expectIndex("elever_per_lederarsverk", 109.917355371900826, value: 133, reference: 121, formula: "100 × 133 / 121")
        // Alle årsverk per lederårsverk: 100 × 13,3 / 13,4 = 99,253731343...
        // Bærum har 0,7 % færre årsverk per lederårsverk enn ASSS-snittet («omtrent på gjennomsnittet»).
        expectIndex("arsverk_per_lederarsverk", 99.2537313432835821, value: 13.3, reference: 13.4, formula: "100 × 13.3 / 13.4")
    }

    @Test("Special education")
    func specialEducation() {
        // Andel spesialundervisning 1.-4. trinn: 100 × 5,3 / 4,5 = 117,777777777...
        // Bærums andel ligger 17,8 % over ASSS-snittet.
        expectIndex("andel_spesialundervisning_1_4", 117.777777777777778, value: 5.3, reference: 4.5, formula: "100 × 5.3 / 4.5")
        // 5.-7. trinn: 100 × 8,5 / 8,6 = 98,837209302...
        // Bærums andel ligger 1,2 % under ASSS-snittet.
        expectIndex("andel_spesialundervisning_5_7", 98.8372093023255814, value: 8.5, reference: 8.6, formula: "100 × 8.5 / 8.6")
        // 8.-10. trinn: 100 × 9,7 / 9,3 = 104,301075268...
        // Bærums andel ligger 4,3 % over ASSS-snittet.
        expectIndex("andel_spesialundervisning_8_10", 104.301075268817204, value: 9.7, reference: 9.3, formula: "100 × 9.7 / 9.3")
        // Årstimer per elev med spesialundervisning: 100 × 127 / 145 = 87,586206896...
        // Bærum gir 12,4 % færre timer per elev enn ASSS-snittet.
        expectIndex("arstimer_spesialundervisning_per_elev", 87.5862068965517241, value: 127, reference: 145, formula: "100 × 127 / 145")
    }

    @Test("Quality: national tests and qualified teachers")
    func quality() {
        // Nasjonale prøver 5. trinn: 100 × 81,3 / 75,3 = 107,968127490...
        // Bærum ligger 8,0 % over ASSS-snittet.
        expectIndex("nasjonale_prover_5_trinn", 107.968127490039841, value: 81.3, reference: 75.3, formula: "100 × 81.3 / 75.3")
        // 8. trinn: 100 × 76,8 / 70,5 = 108,936170212...
        // Bærum ligger 8,9 % over ASSS-snittet.
        expectIndex("nasjonale_prover_8_trinn", 108.936170212765957, value: 76.8, reference: 70.5, formula: "100 × 76.8 / 70.5")
        // 9. trinn: 100 × 87,1 / 80,0 = 108,875 (exactly)
        // Bærum ligger 8,9 % over ASSS-snittet.
        expectIndex("nasjonale_prover_9_trinn", 108.875, value: 87.1, reference: 80.0, formula: "100 × 87.1 / 80")
        // Andel undervisning gitt av personale med godkjent utdanning: 100 × 93,3 / 95,9 = 97,288842544...
        // Bærum ligger 2,7 % under ASSS-snittet.
        expectIndex("andel_undervisning_godkjent_utdanning", 97.2888425443169969, value: 93.3, reference: 95.9, formula: "100 × 93.3 / 95.9")
    }

    @Test("Every indicator with both figures is indexed; that is the chapter's sixteen")
    func sixteen() {
        let indexed = self.profile.rows.filter { $0.index.value != nil }.map { $0.indicator.id.replacing("grunnskole.", with: "") }
        #expect(indexed == [
            "netto_driftsutgifter_sektor_per_innbygger_6_15",
            "gruppestorrelse_1",
            "andel_spesialundervisning_1_4",
            "andel_spesialundervisning_5_7",
            "andel_spesialundervisning_8_10",
            "arstimer_spesialundervisning_per_elev",
            "nasjonale_prover_5_trinn",
            "nasjonale_prover_8_trinn",
            "nasjonale_prover_9_trinn",
            "korrigerte_brutto_driftsutgifter_per_elev",
            "gruppestorrelse_2",
            "andel_undervisning_godkjent_utdanning",
            "elever_per_lederarsverk",
            "arsverk_per_lederarsverk",
            "elever_per_kommunal_grunnskole",
            "korrigerte_brutto_driftsutgifter_sfo_per_bruker",
        ])
    }

    @Test("Without an ASSS figure the index is missing with the reason, never 0")
    func missingReference() throws {
        // The assistant table has no ASSS row: Bærum 13, ASSS nothing.
        let assistants = try #require(self.profile.row("grunnskole.assistentarsverk_per_100_laererarsverk"))
        #expect(assistants.value == 13)
        #expect(assistants.referenceValue == nil)
        #expect(assistants.index.value == nil)
        #expect(assistants.index.missingReason == "the data has no figure for ASSS med Oslo (ASSS), grunnskole.assistentarsverk_per_100_laererarsverk, 2024")
        #expect(assistants.index.provenance.formula == "100 × 13 / missing")
        // Bærum's own tables (vedtak, age, group size per stage) and the SFO count have no ASSS figure either.
        for id in ["vedtak_1_75_timer", "alder_undervisningspersonale_41_49", "gruppestorrelse_2_8_10", "antall_barn_i_sfo"] {
            let row = try #require(self.profile.row("grunnskole.\(id)"))
            #expect(row.value != nil)
            #expect(row.index.value == nil)
            #expect(row.index.missingReason != nil)
        }
    }

    @Test("A negative reference gives no index: change in production, Bærum −0.9 against ASSS −0.7")
    func negativeReference() throws {
        // 100 × (−0,9) / (−0,7) would be 128,6: "better" for a larger fall. Not formed.
        let change = try #require(self.profile.row("grunnskole.endring_produksjon"))
        #expect(change.value == -0.9)
        #expect(change.referenceValue == -0.7)
        #expect(change.index.value == nil)
        #expect(change.index.missingReason?.contains("is negative") == true)
        #expect(change.index.provenance.formula == "100 × (−0.9) / (−0.7)")
    }

    @Test("A figure of the region's that is stated missing gives a row with the reason: skolebidrag 8-10, 2023")
    func statedMissing() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let profile = try analysis.serviceProfile(region: "Bærum", year: 2023)
        let row = try #require(profile.row("grunnskole.skolebidrag_8_10"))
        #expect(row.value == nil)
        #expect(row.referenceValue == nil)
        #expect(row.index.value == nil)
        #expect(row.index.missingReason == "Bærum's figure for grunnskole.skolebidrag_8_10 in 2023 is not applicable (.)")
        #expect(row.index.provenance.formula == "100 × missing / missing")
        // Both stated-missing figures are the inputs.
        #expect(row.index.provenance.inputs.map(\.regionCode) == ["3201", "ASSS"])
    }

    @Test("Index indicators (ASSS = 100 already) are left out")
    func indexIndicatorsLeftOut() throws {
        let data = try Dataset.builtIn()
        // Bærum has the production index, efficiency, resource use and others for 2024.
        #expect(data.observation(indicatorId: "grunnskole.produksjonsindeks", regionCode: "3201", year: 2024)?.value == 100.7)
        #expect(self.profile.rows.allSatisfy { $0.indicator.unit != .index })
        #expect(self.profile.row("grunnskole.ressursbruksindikator") == nil)
        #expect(self.profile.row("grunnskole.effektivitetsindeks") == nil)
        // 17 indexed (net expenditure per pupil among them: Bærum's 108 173 is implied by the
        // text), 4 vedtak, 4 age, 3 group size per stage, assistants, SFO count, change in
        // production: 31 rows.
        #expect(self.profile.rows.count == 31)
    }

    @Test("Against Asker, and by former code and service")
    func againstAsker() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let profile = try analysis.serviceProfile(region: "3024", year: 2023, reference: "asker", service: "grunnskole")
        #expect(profile.region.code == "3201")
        #expect(profile.reference.code == "3203")
        // Gruppestørrelse 2, 2023: 100 × 17,1 / 16,8 = 101,785714285...
        // Bærums gruppestørrelse 2 lå 1,8 % over Askers i 2023.
        let row = try #require(profile.row("grunnskole.gruppestorrelse_2"))
        expectClose(row.index.value, 101.785714285714286)
        #expect(row.index.provenance.formula == "100 × 17.1 / 16.8")
    }
}
