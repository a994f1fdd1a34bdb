import KostraAnalysis
import KostraData
import Testing

@Suite("Teacher norm (lærernorm): group size 2 against the legal maximum")
struct TeacherNormTests {
    @Test("Ten grades of equal size: (4 × 15 + 6 × 20) / 10 = 18, the chapter's; 10 / (4/15 + 6/20) = 17.647 harmonic")
    func equalGrades() throws {
        let mix = try Analysis.norm(pupilsByGrade: Dictionary(uniqueKeysWithValues: (1...10).map { ($0, 1.0) }))
        #expect(mix.arithmetic.value == 18)
        #expect(mix.arithmetic.provenance.formula == "(4 × 15 + 6 × 20) / 10")
        #expect(abs((mix.harmonic.value ?? 0) - 17.647059) < 1e-6)
        #expect(mix.harmonic.provenance.formula == "10 / (4 / 15 + 6 / 20)")
        #expect(mix.chapterForm == mix.arithmetic)
        #expect(mix.arithmetic.provenance.method == .teacherNorm)
    }

    @Test("Other mixes: only grades 1-4 gives 15; 60 pupils in grade 1 and 40 in grade 8: (60 × 15 + 40 × 20) / 100 = 17")
    func otherMixes() throws {
        let small = try Analysis.norm(pupilsByGrade: [1: 25, 2: 25, 3: 25, 4: 25])
        #expect(small.arithmetic.value == 15)
        #expect(small.harmonic.value == 15)
        let mixed = try Analysis.norm(pupilsByGrade: [1: 60, 8: 40])
        #expect(mixed.arithmetic.value == 17)
        // 100 / (60 / 15 + 40 / 20) = 100 / 6 = 16.666667
        #expect(abs((mixed.harmonic.value ?? 0) - 16.666667) < 1e-6)
    }

    @Test("A grade outside 1-10, a negative count or no pupils is refused", arguments: [
        [11: 1.0], [0: 1.0], [3: -1.0], [:], [1: 0.0],
    ])
    func refused(_ pupils: [Int: Double]) {
        do {
            _ = try Analysis.norm(pupilsByGrade: pupils)
            Issue.record("expected an error for \(pupils)")
        } catch {
            #expect(error.kind == .invalidArgument)
            #expect(error.field == "pupils_by_grade")
        }
    }

    @Test("Bærum 2024 per band against 15 / 20 / 20 from the data's legal_norm facts")
    func baerum() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.teacherNorm(region: "Bærum", year: 2024)
        #expect(result.bands.map(\.grades) == [1...4, 5...7, 8...10])
        // 1-4: 15 − 14.3 = 0.7 below the maximum; 5-7: 20 − 18.6 = 1.4; 8-10: 20 − 19.1 = 0.9.
        let expected: [(Double, Double, Double)] = [(14.3, 15, 0.7), (18.6, 20, 1.4), (19.1, 20, 0.9)]
        for (band, (size, maximum, margin)) in zip(result.bands, expected) {
            #expect(band.groupSize.value == size)
            #expect(band.legalMaximum.value == maximum)
            #expect(abs((band.margin.value ?? 0) - margin) < 1e-9)
            #expect(band.isWithinNorm == true)
            #expect(band.margin.provenance.formula == "\(Int(maximum)) − \(size)")
            #expect(band.legalMaximum.provenance.inputs.first?.source.contains("Lærernormen er maks 15") == true)
        }
        // Overall 16.9 against 18 (ten equal grades): 18 − 16.9 = 1.1; harmonic 17.647 − 16.9 = 0.747.
        #expect(result.overallGroupSize.value == 16.9)
        #expect(result.assumesEqualGrades)
        #expect(result.overallNorm.arithmetic.value == 18)
        #expect(abs((result.overallMargin.value ?? 0) - 1.1) < 1e-9)
        #expect(abs((result.overallMarginHarmonic.value ?? 0) - 0.747059) < 1e-6)
        // «Det vil si et gjennomsnitt på 18 elever per lærertime ...»: the published 18 agrees.
        #expect(result.publishedNormAverage?.value == 18)
        #expect(result.publishedNormAverage?.provenance.isPublished == true)
    }

    @Test("Bærum's bands 2021-2023 are all within the norm too")
    func earlierYears() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        // 2021: 14.7 / 19.2 / 19.7; 2022: 14.6 / 18.9 / 19.7; 2023: 14.6 / 18.3 / 19.7
        for year in 2021...2023 {
            let result = try analysis.teacherNorm(region: "3024", year: year)
            #expect(result.bands.allSatisfy { $0.isWithinNorm == true })
        }
    }

    @Test("Without legal_norm facts the maxima are the documented constants (SYNTHETIC)")
    func constants() throws {
        let data = try Dataset(
            regions: [Region(code: "3201", name: "Bærum", kind: .municipality)],
            indicators: [
                Indicator(id: "grunnskole.gruppestorrelse_2_1_4", nameNb: "gs2 1-4", nameEn: "gs2 1-4", unit: .number,
                          direction: .higherCostsLess, aggregation: .weighted, service: "grunnskole", decimals: 1),
            ],
            observations: [Observation(indicatorId: "grunnskole.gruppestorrelse_2_1_4", regionCode: "3201", year: 2024, value: 15.5, source: "SYNTHETIC")],
            name: "SYNTHETIC"
        )
        let result = try Analysis(dataset: data).teacherNorm(region: "Bærum", year: 2024)
        let band = try #require(result.bands.first)
        #expect(band.legalMaximum.value == 15)
        #expect(band.legalMaximum.provenance.inputs.first?.source.hasPrefix("constant") == true)
        // 15 − 15.5 = −0.5: above the maximum, not within the norm.
        #expect(abs((band.margin.value ?? 0) - -0.5) < 1e-9)
        #expect(band.isWithinNorm == false)
        // The bands and the overall figure the data lacks are missing, never 0.
        #expect(result.bands[1].groupSize.value == nil)
        #expect(result.bands[1].margin.value == nil)
        #expect(result.bands[1].isWithinNorm == nil)
        #expect(result.overallGroupSize.value == nil)
        #expect(result.overallMargin.value == nil)
    }

    @Test("Asker has the overall figure but no bands; Bergen has none; a group is refused")
    func coverage() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let asker = try analysis.teacherNorm(region: "Asker", year: 2024)
        #expect(asker.overallGroupSize.value == 16.7)
        #expect(asker.bands.allSatisfy { $0.groupSize.value == nil && $0.isWithinNorm == nil })
        do {
            _ = try analysis.teacherNorm(region: "Bergen", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.available == ["Asker", "Bærum"])
        }
        do {
            _ = try analysis.teacherNorm(region: "ASSS", year: 2024)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .invalidArgument)
        }
    }
}
