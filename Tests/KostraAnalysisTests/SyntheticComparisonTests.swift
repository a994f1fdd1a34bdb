import KostraAnalysis
import KostraData
import Testing

/// Ranks, ties, missing values and judgements on SYNTHETIC data (see `SyntheticASSS`).
///
/// SYNTHETIC absence 2024 (lower is better), members in order:
///   Asker 5,0  Bergen 6,0  Bærum 4,5  Drammen 4,5  Fredrikstad 7,0  Kristiansand 6,5
///   Lillestrøm – (not yet available)  Oslo 8,0  Sandnes 5,5  Stavanger 6,0  Tromsø – (none)
///   Trondheim 7,5; outside ASSS: Utenfor 5,0; published ASSS 6,1.
/// Sorted: 4,5 4,5 | 5,0 | 5,5 | 6,0 6,0 | 6,5 | 7,0 | 7,5 | 8,0 — ten ranked of twelve.
@Suite("Comparison: ranks, ties and missing values (SYNTHETIC data)")
struct SyntheticComparisonTests {
    let analysis: Analysis

    init() throws {
        self.analysis = Analysis(dataset: try SyntheticASSS.dataset())
    }

    func absence(with others: [String], years: ClosedRange<Int>? = 2024...2024) throws -> IndicatorComparison {
        let comparison = try self.analysis.compare(region: "3201", with: others, indicatorId: "synthetic.sykefravaer", years: years)
        return try #require(comparison.indicators.first)
    }

    @Test("Two members share the lowest value: both rank 1 from lowest, each naming the other")
    func tieLowest() throws {
        let table = try self.absence(with: ["3301"])
        let baerum = try #require(table.series("3201")?.year(2024)?.rank)
        #expect(baerum.fromLowest == 1)
        #expect(baerum.tiedWith == ["3301"])
        #expect(baerum.place == .lowest)
        // Eight of the ten ranked values are higher than 4,5: 1 + 8 = 9 from highest.
        #expect(baerum.fromHighest == 9)
        #expect(baerum.ranked == 10)
        #expect(baerum.members == 12)
        // Lillestrøm (stated missing) and Tromsø (no figure) are neither ranked nor counted.
        #expect(baerum.membersWithoutValue == ["3205", "5501"])
        let drammen = try #require(table.series("3301")?.year(2024)?.rank)
        #expect(drammen.fromLowest == 1)
        #expect(drammen.tiedWith == ["3201"])
        // Bærum against Drammen: 4,5 − 4,5 = 0: equal.
        let difference = try #require(table.difference(with: "3301", year: 2024))
        #expect(difference.absolute.value == 0)
        #expect(difference.assessment == .equal)
    }

    @Test("Competition ranks: after a shared first place the next is third; places from both ends")
    func places() throws {
        let table = try self.absence(with: ["3203", "4601", "1103", "5001", "0301"])
        // Asker 5,0: two lower (4,5 4,5) → 3 from lowest; seven higher → 8 from highest.
        let asker = try #require(table.series("3203")?.year(2024)?.rank)
        #expect(asker.fromLowest == 3)
        #expect(asker.fromHighest == 8)
        #expect(asker.place == .between)
        // Bergen and Stavanger 6,0: four lower → 5; four higher (6,5 7,0 7,5 8,0) → 5.
        let bergen = try #require(table.series("4601")?.year(2024)?.rank)
        #expect(bergen.fromLowest == 5)
        #expect(bergen.fromHighest == 5)
        #expect(bergen.tiedWith == ["1103"])
        #expect(table.series("1103")?.year(2024)?.rank?.tiedWith == ["4601"])
        // Trondheim 7,5: only Oslo higher → second highest. Oslo 8,0: highest.
        #expect(table.series("5001")?.year(2024)?.rank?.place == .secondHighest)
        #expect(table.series("0301")?.year(2024)?.rank?.place == .highest)
        #expect(table.series("0301")?.year(2024)?.rank?.fromHighest == 1)
    }

    @Test("A member without a value is not ranked, and the difference to it is unknown with the reason")
    func missingMember() throws {
        let table = try self.absence(with: ["Lillestrøm", "Tromsø"])
        let lillestrom = try #require(table.series("3205")?.year(2024))
        #expect(lillestrom.value == nil)
        #expect(lillestrom.missingReason == "SYNTHETIC Lillestrøm's figure for synthetic.sykefravaer in 2024 is not yet available (..)")
        #expect(lillestrom.rank == nil)
        #expect(lillestrom.rankNote == "SYNTHETIC Lillestrøm has no value in 2024, so it is not ranked")
        let difference = try #require(table.difference(with: "3205", year: 2024))
        #expect(difference.assessment == .unknown)
        #expect(difference.absolute.value == nil)
        #expect(difference.absolute.missingReason == lillestrom.missingReason)
        let tromso = try #require(table.difference(with: "5501", year: 2024))
        #expect(tromso.absolute.missingReason == "the data has no figure for SYNTHETIC Tromsø (5501), synthetic.sykefravaer, 2024")
    }

    @Test("A municipality outside the rank group is compared but not ranked; a group average neither")
    func outsideTheGroup() throws {
        let table = try self.absence(with: ["SYNTHETIC Utenfor", "ASSS"])
        // Bærum − Utenfor: 4,5 − 5,0 = −0,5 pp; 100 × −0,5 / 5 = −10 %; lower is better: favourable.
        let outside = try #require(table.difference(with: "9999", year: 2024))
        expectClose(outside.absolute.value, -0.5)
        expectClose(outside.relative.value, -10)
        expectClose(outside.index.value, 90)
        #expect(outside.assessment == .favourable)
        #expect(table.series("9999")?.year(2024)?.rank == nil)
        #expect(table.series("9999")?.year(2024)?.rankNote == "SYNTHETIC Utenfor is not a member of SYNTHETIC ASSS med Oslo")
        // Bærum − ASSS: 4,5 − 6,1 = −1,6 pp; 100 × −1,6 / 6,1 = −26,229508196...%; index 73,770491803...
        let asss = try #require(table.difference(with: "ASSS", year: 2024))
        expectClose(asss.absolute.value, -1.6)
        expectClose(asss.relative.value, -26.2295081967213115)
        expectClose(asss.index.value, 73.7704918032786885)
        #expect(asss.assessment == .favourable)
        #expect(table.series("ASSS")?.year(2024)?.rankNote == "SYNTHETIC ASSS med Oslo is a group average, not a member of SYNTHETIC ASSS med Oslo")
    }

    // SYNTHETIC Bærum absence: 2021 5,5; 2022 none; 2023 5,0; 2024 4,5.
    @Test("Changes: on the year before, and over the period across a gap")
    func changesAcrossGap() throws {
        let comparison = try self.analysis.compare(region: "Bærum", with: ["Asker"], indicatorId: "synthetic.sykefravaer", years: 2021...2024)
        let series = try #require(comparison.indicators.first?.series("3201"))
        // 2023 → 2024: 4,5 − 5,0 = −0,5 pp; 100 × −0,5 / 5 = −10 %: lower is better, favourable.
        let change = try #require(series.year(2024)?.changeFromYearBefore)
        expectClose(change.absolute.value, -0.5)
        expectClose(change.percent.value, -10)
        #expect(change.assessment == .favourable)
        // 2022 → 2023: no 2022 figure; not taken from 2021.
        let afterGap = try #require(series.year(2023)?.changeFromYearBefore)
        #expect(afterGap.fromYear == 2022)
        #expect(afterGap.absolute.value == nil)
        #expect(afterGap.assessment == .unknown)
        // Over the period, first to last year with a value: 2021 → 2024, 4,5 − 5,5 = −1,0 pp;
        // 100 × −1 / 5,5 = −18,181818181...%; 2022 named as the gap.
        #expect(series.period.fromYear == 2021)
        #expect(series.period.toYear == 2024)
        expectClose(series.period.absolute.value, -1.0)
        expectClose(series.period.percent.value, -18.1818181818181818)
        #expect(series.period.yearsWithoutValue == [2022])
        // Asker has 2024 only: no change over the period, with the reason.
        let asker = try #require(comparison.indicators.first?.series("3203"))
        #expect(asker.period.absolute.value == nil)
        #expect(asker.period.absolute.missingReason == "SYNTHETIC Asker has a value in fewer than two of the years compared (only 2024); a change over the period needs two")
        #expect(asker.period.assessment == .unknown)
    }

    @Test("Neutral indicators are not judged")
    func neutral() throws {
        let comparison = try self.analysis.compare(region: "Bærum", with: ["Asker"], indicatorId: "synthetic.andel_jenter")
        let difference = try #require(comparison.indicators.first?.difference(with: "3203", year: 2024))
        // 49 − 51 = −2 pp
        #expect(difference.absolute.value == -2)
        #expect(difference.assessment == .notJudged)
    }

    @Test("Favourability by direction")
    func favourability() {
        #expect(Favourability(difference: 1, direction: .higherIsBetter) == .favourable)
        #expect(Favourability(difference: 1, direction: .higherCostsLess) == .favourable)
        #expect(Favourability(difference: 1, direction: .lowerIsBetter) == .unfavourable)
        #expect(Favourability(difference: 1, direction: .higherCostsMore) == .unfavourable)
        #expect(Favourability(difference: -1, direction: .higherCostsMore) == .favourable)
        #expect(Favourability(difference: -1, direction: .higherIsBetter) == .unfavourable)
        #expect(Favourability(difference: 1, direction: .neutral) == .notJudged)
        #expect(Favourability(difference: 0, direction: .higherIsBetter) == .equal)
        #expect(Favourability(difference: nil, direction: .higherIsBetter) == .unknown)
    }

    @Test("Rank places from both ends, and a three-value middle read as second lowest")
    func rankPlaces() {
        #expect(RankPlace(fromLowest: 1, fromHighest: 1, count: 1) == .only)
        #expect(RankPlace(fromLowest: 1, fromHighest: 1, count: 3) == .allEqual)
        #expect(RankPlace(fromLowest: 2, fromHighest: 2, count: 3) == .secondLowest)
        #expect(RankPlace(fromLowest: 4, fromHighest: 2, count: 5) == .secondHighest)
        #expect(RankPlace(fromLowest: 3, fromHighest: 3, count: 5) == .between)
    }

    @Test("SYNTHETIC profile: a reference of 0 gives a missing index, never 0; index indicators are left out")
    func syntheticProfile() throws {
        let profile = try self.analysis.serviceProfile(region: "3201", year: 2024, service: "synthetic")
        let zero = try #require(profile.row("synthetic.nullpunkt"))
        #expect(zero.value == 3)
        #expect(zero.referenceValue == 0)
        #expect(zero.index.value == nil)
        #expect(zero.index.missingReason == "SYNTHETIC ASSS med Oslo's figure for synthetic.nullpunkt in 2024 is 0, so no index can be formed")
        #expect(profile.row("synthetic.indeks") == nil)
        // Gruppestørrelse: 100 × 18 / 16,3 = 110,429447852...
        expectClose(profile.row("synthetic.gruppestorrelse")?.index.value, 110.429447852760736)
    }
}
