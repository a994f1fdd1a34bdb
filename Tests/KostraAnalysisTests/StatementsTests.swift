import KostraAnalysis
import KostraData
import Testing

@Suite("The chapter's prose as data: statements, and their English and Norwegian sentences")
struct StatementsTests {
    let analysis: Analysis
    let statements: [Statement]

    init() throws {
        analysis = Analysis(dataset: try Dataset.builtIn())
        statements = try analysis.statements(region: "Bærum", year: 2024)
    }

    func statement(_ id: String) throws -> Statement {
        try #require(statements.first { $0.id == id }, "no statement \(id)")
    }

    @Test("Bærum's 108 173 kr per pupil, implied by Oslo's 136 522 kr and the 28 349 kr difference")
    func impliedPerPupil() throws {
        let implied = try statement("implied_value.grunnskole.netto_driftsutgifter_per_elev.3201.2024")
        #expect(implied.kind == .impliedValue)
        #expect(implied.regions.map(\.code) == ["0301"])
        #expect(implied.factId == "oslo_minus_baerum_netto_per_elev_2024")
        // 136 522 − 28 349 = 108 173
        let value = try #require(implied.figure("value"))
        #expect(value.figure.value == 108_173)
        #expect(value.figure.unit == .nok)
        #expect(value.figure.provenance.formula == "136522 − 28349")
        #expect(!value.figure.provenance.isPublished)
        #expect(value.figure.provenance.inputs.map(\.value) == [136_522, 28_349])
        #expect(value.figure.provenance.inputs.allSatisfy { $0.status == .asPublished })
        #expect(implied.figure("known")?.figure.value == 136_522)
        #expect(implied.figure("difference")?.figure.value == -28_349)

        #expect(StatementRenderer.norwegian(implied)
            == "I 2024 var netto driftsutgifter per elev i Bærum 108 173 kr, 28 349 kr mindre enn i Oslo (136 522 kr); tallet er utledet av tallet for Oslo og differansen.")
        #expect(StatementRenderer.english(implied).contains("NOK 108,173"))
    }

    @Test("The published results, marked published: production 100,7, efficiency, resource use 6,9 % below")
    func publishedResults() throws {
        let production = try statement("production_index.3201.2024")
        #expect(production.figure("value")?.figure.value == 100.7)
        #expect(production.figure("value")?.figure.provenance.isPublished == true)
        #expect(abs((production.figure("percent")?.figure.value ?? 0) - 0.7) < 1e-9)
        #expect(StatementRenderer.norwegian(production).contains("0,7 % over gjennomsnittet"))

        let resource = try statement("resource_use.3201.2024")
        #expect(resource.figure("value")?.figure.value == 93.1)
        #expect(resource.figure("value")?.figure.provenance.isPublished == true)
        #expect(StatementRenderer.norwegian(resource).contains("6,9 % under gjennomsnittet"))
        #expect(StatementRenderer.english(resource).contains("6.9% below the average"))

        // The efficiency is computed (100 × 100.7 / 92.1 = 109.34), shown as 109,3; +9,3 %.
        let efficiency = try statement("efficiency.3201.2024")
        #expect(efficiency.figure("value")?.figure.provenance.isPublished == false)
        #expect(StatementRenderer.norwegian(efficiency).contains("109,3"))
        #expect(StatementRenderer.norwegian(efficiency).contains("9,3 % over"))
        let expenditure = try statement("expenditure_index.3201.2024")
        #expect(StatementRenderer.norwegian(expenditure).contains("7,9 % under"))

        let change = try statement("production_change.3201.2024")
        #expect(change.figure("value")?.figure.value == -0.9)
        #expect(change.figure("reference")?.figure.value == -0.7)
        #expect(StatementRenderer.norwegian(change)
            == "Fra 2023 til 2024 gikk produksjonen i grunnskole i Bærum ned med 0,9 %, mot \u{2212}0,7 % for ASSS med Oslo.")
    }

    @Test("Percent below the ASSS average from the tables: 100 × (136,8 − 154,1) / 154,1 = −11,2 %")
    func percentBelow() throws {
        let relative = try statement("relative_to_average.grunnskole.netto_driftsutgifter_sektor_per_innbygger_6_15.3201.2024")
        #expect(relative.kind == .relativeToAverage)
        #expect(relative.group?.code == "ASSS")
        #expect(abs((relative.figure("percent")?.figure.value ?? 0) - -11.226476) < 1e-6)
        #expect(relative.figure("percent")?.figure.provenance.formula == "100 × (136.8 − 154.1) / 154.1")
        #expect(StatementRenderer.norwegian(relative).contains("11,2 % lavere enn ASSS med Oslo (154,1 tusen kr)"))
        // «... ligger også høyere enn Asker som har 13,5 elever per lærer»: higher than Asker and ASSS.
        let higher = try statement("higher_than.grunnskole.gruppestorrelse_1.3201.2024")
        #expect(higher.regions.map(\.code) == ["3203", "ASSS"])
        #expect(StatementRenderer.norwegian(higher).contains("høyere i Bærum (13,9) enn i Asker (13,5) og ASSS med Oslo (13,5)"))
    }

    @Test("Group size 2 against the norm: 14,3 is 0,7 below the maximum of 15")
    func teacherNorm() throws {
        let band = try statement("teacher_norm.grunnskole.gruppestorrelse_2_1_4.3201.2024")
        #expect(StatementRenderer.norwegian(band) == "I 2024 var gruppestørrelse 2, 1.-4. trinn i Bærum 14,3, 0,7 under lovens maksimum på 15.")
        let overall = try statement("teacher_norm.grunnskole.gruppestorrelse_2.3201.2024")
        #expect(StatementRenderer.english(overall).contains("1.1 below the norm of 18 for a school with ten grades of equal size"))
    }

    @Test("Every fact about Bærum for 2024 is included, as published")
    func facts() throws {
        let data = try Dataset.builtIn()
        let expected = data.facts(about: "3201").filter { $0.year == nil || $0.year == 2024 }.map(\.id)
        let included = statements.filter { $0.id.hasPrefix("fact.") }.compactMap(\.factId)
        #expect(included == expected)
        #expect(expected.count == 14)
        for statement in statements where statement.id.hasPrefix("fact.") {
            #expect(statement.isPublished)
            #expect(!StatementRenderer.english(statement).isEmpty)
            #expect(!StatementRenderer.norwegian(statement).isEmpty)
        }
        let lowest = try statement("fact.baerum_lavest_netto_per_elev_asss_2024")
        #expect(lowest.kind == .rank)
        #expect(StatementRenderer.english(lowest) == "In 2024, Bærum had the lowest net operating expenditure per pupil among the ASSS municipalities.")
        // The efficiency's fall is left to its fact, not said twice.
        #expect(!statements.contains { $0.id == "efficiency_change.3201.2024" })
        let fall = try statement("fact.effektivitet_endring_2023_2024")
        #expect(StatementRenderer.norwegian(fall) == "Fra 2023 til 2024 gikk relativ effektivitet, grunnskole i Bærum ned med 5,1 prosentpoeng.")
        let kroner = try statement("fact.baerum_ressursbruk_kroner_per_innbygger_2024")
        #expect(StatementRenderer.norwegian(kroner).contains("1 959 kr mindre per innbygger"))
    }

    @Test("A rank is derived where every ASSS member has a value (SYNTHETIC)")
    func derivedRank() throws {
        let analysis = Analysis(dataset: try ProductionSyntheticData.dataset())
        let statements = try analysis.statements(region: "Bærum", year: 2024)
        // Vurdering for læring, grade 7: Bærum 4.0, ten members 4.1, one 4.2: the lowest of 12.
        let rank = try #require(statements.first { $0.id == "rank.grunnskole.vurdering_for_laering_7.3201.2024" })
        #expect(rank.figure("rank_from_lowest")?.figure.value == 1)
        #expect(rank.figure("rank_from_highest")?.figure.value == 12)
        #expect(rank.figure("count")?.figure.value == 12)
        #expect(StatementRenderer.english(rank) == "In 2024, Bærum had the lowest SYNTHETIC vurdering_for_laering_7 among the ASSS municipalities (of 12).")
    }

    @Test("A group is refused; a municipality without anything to say is not found")
    func errors() throws {
        do {
            _ = try analysis.statements(region: "ASSS", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidArgument)
        }
        do {
            _ = try analysis.statements(region: "Bergen", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
        }
    }
}
