import KostraAnalysis
import KostraData
import Testing

/// Group averages from members' values, on SYNTHETIC data (see `SyntheticASSS`): weighted
/// against plain, with and without Oslo, missing members, published against computed. Every
/// expected value is worked out by hand below.
@Suite("Group averages from members (SYNTHETIC data)")
struct SyntheticGroupAverageTests {
    let analysis: Analysis

    init() throws {
        self.analysis = Analysis(dataset: try SyntheticASSS.dataset())
    }

    // SYNTHETIC group size 2024 (value × pupils), Tromsø suppressed:
    //   Asker        16,0 × 10 000 =   160 000
    //   Bergen       17,0 × 30 000 =   510 000
    //   Bærum        18,0 × 15 000 =   270 000
    //   Drammen      17,5 × 12 000 =   210 000
    //   Fredrikstad  16,5 ×  8 000 =   132 000
    //   Kristiansand 17,0 × 12 000 =   204 000
    //   Lillestrøm   16,0 × 10 000 =   160 000
    //   Oslo         15,0 × 80 000 = 1 200 000
    //   Sandnes      17,0 × 10 000 =   170 000
    //   Stavanger    16,5 × 15 000 =   247 500
    //   Tromsø          –  ×  8 000   (no value: not counted, not 0)
    //   Trondheim    18,0 × 20 000 =   360 000
    //   Σ value × pupils = 3 623 500; Σ pupils of those with a value = 230 000 − 8 000 = 222 000.
    @Test("Weighted: Σ value × pupils / Σ pupils, with and without Oslo, against the published 16.3")
    func weighted() throws {
        let result = try self.analysis.groupAverage(group: "ASSS", indicatorId: "synthetic.gruppestorrelse", year: 2024)
        #expect(result.aggregation == .weighted)
        // With Oslo: 3 623 500 / 222 000 = 16,322072072...
        expectClose(result.computed.value, 16.3220720720720721)
        #expect(result.withOslo == result.computed)
        // Without Oslo: (3 623 500 − 1 200 000) / (222 000 − 80 000) = 2 423 500 / 142 000 = 17,066901408...
        expectClose(result.withoutOslo?.value, 17.0669014084507042)
        // Published 16,3: computed − published = 16,322072072... − 16,3 = 0,022072072...
        #expect(result.published.value == 16.3)
        #expect(result.published.provenance.isPublished)
        expectClose(result.difference.value, 0.0220720720720720721, relative: 1e-6)
        #expect(result.difference.provenance.formula.hasSuffix(" − 16.3"))
        // Tromsø is listed without a value, never counted as 0; 11 of 12 counted.
        #expect(result.member("5501")?.status == .noValue)
        #expect(result.member("5501")?.value == nil)
        #expect(result.member("5501")?.note == "SYNTHETIC Tromsø's figure for synthetic.gruppestorrelse in 2024 is suppressed for privacy (:)")
        #expect(result.membersWithoutValue.map(\.code) == ["5501"])
        #expect(result.membersWithValue == 11)
        #expect(result.counted == 11)
        #expect(result.coverageNote == "11 of 12 members of SYNTHETIC ASSS med Oslo have a value of synthetic.gruppestorrelse in 2024; without a value: SYNTHETIC Tromsø; 11 counted")
        #expect(result.member("0301")?.weight == 80_000)
        // The formula has every counted member's value and weight written in.
        let formula = result.computed.provenance.formula
        #expect(formula.hasPrefix("(16 × 10000 + 17 × 30000 + 18 × 15000 + 17.5 × 12000"))
        #expect(formula.hasSuffix(") / (10000 + 30000 + 15000 + 12000 + 8000 + 12000 + 10000 + 80000 + 10000 + 15000 + 20000)"))
        #expect(result.computed.provenance.method == .groupAverage)
        // 11 values and 11 weights.
        #expect(result.computed.provenance.inputs.count == 22)
    }

    @Test("Plain mean of the same values: Oslo weighs as one member, so the mean is higher")
    func plainMean() throws {
        let result = try self.analysis.groupAverage(group: "ASSS", indicatorId: "synthetic.gruppestorrelse_uvektet", year: 2024)
        #expect(result.aggregation == .plainMean)
        // (16 + 17 + 18 + 17,5 + 16,5 + 17 + 16 + 15 + 17 + 16,5 + 18) / 11 = 184,5 / 11 = 16,772727272...
        expectClose(result.computed.value, 16.7727272727272727)
        #expect(result.computed.provenance.formula == "(16 + 17 + 18 + 17.5 + 16.5 + 17 + 16 + 15 + 17 + 16.5 + 18) / 11")
        // Without Oslo: (184,5 − 15) / 10 = 169,5 / 10 = 16,95.
        expectClose(result.withoutOslo?.value, 16.95)
        // Published 16,8: 16,772727... − 16,8 = −0,027272727...
        expectClose(result.difference.value, -0.0272727272727272727, relative: 1e-6)
        // The weighted average (16,32) is below the plain mean (16,77): Oslo's 80 000 pupils
        // at 15,0 pull it down.
        let weighted = try self.analysis.groupAverage(group: "ASSS", indicatorId: "synthetic.gruppestorrelse", year: 2024)
        #expect(try #require(weighted.computed.value) < result.computed.value!)
    }

    @Test("ASSS uten Oslo: its own average, no Oslo figures, against its published 17.1")
    func withoutOsloGroup() throws {
        let result = try self.analysis.groupAverage(group: "ASSSUO", indicatorId: "synthetic.gruppestorrelse", year: 2024)
        // 2 423 500 / 142 000 = 17,066901408...; − 17,1 = −0,033098591...
        expectClose(result.computed.value, 17.0669014084507042)
        expectClose(result.difference.value, -0.0330985915492957746, relative: 1e-6)
        #expect(result.withOslo == nil)
        #expect(result.withoutOslo == nil)
        #expect(result.members.count == 11)
    }

    // SYNTHETIC 2023: Tromsø has 16,0, Lillestrøm has a value (16,0) but no pupils figure.
    //   Σ value × pupils = 3 623 500 + 16,0 × 8 000 − 16,0 × 10 000 = 3 591 500
    //   Σ pupils = 222 000 + 8 000 − 10 000 = 220 000
    @Test("A member with a value but no weight is listed and not counted")
    func noWeight() throws {
        let result = try self.analysis.groupAverage(group: "ASSS", indicatorId: "synthetic.gruppestorrelse", year: 2023)
        // 3 591 500 / 220 000 = 16,325
        expectClose(result.computed.value, 16.325)
        #expect(result.member("3205")?.status == .noWeight)
        #expect(result.member("3205")?.value == 16)
        #expect(result.member("3205")?.weight == nil)
        #expect(result.membersWithValue == 12)
        #expect(result.counted == 11)
        #expect(result.coverageNote == "12 of 12 members of SYNTHETIC ASSS med Oslo have a value of synthetic.gruppestorrelse in 2023; without a weight: SYNTHETIC Lillestrøm; 11 counted")
        // No published figure for 2023: the difference is missing, with the reason.
        #expect(result.published.value == nil)
        #expect(result.published.missingReason == "the data has no figure for SYNTHETIC ASSS med Oslo (ASSS), synthetic.gruppestorrelse, 2023")
        #expect(result.difference.value == nil)
        #expect(result.difference.missingReason?.hasPrefix("no published average: ") == true)
    }

    // SYNTHETIC absence 2024 (plain mean): 5,0 6,0 4,5 4,5 7,0 6,5 – 8,0 5,5 6,0 – 7,5
    // (Lillestrøm not yet available, Tromsø no figure).
    @Test("Plain mean with two members missing: 10 of 12, never counted as 0")
    func plainMeanMissing() throws {
        let result = try self.analysis.groupAverage(group: "ASSS", indicatorId: "synthetic.sykefravaer", year: 2024)
        // (5 + 6 + 4,5 + 4,5 + 7 + 6,5 + 8 + 5,5 + 6 + 7,5) / 10 = 60,5 / 10 = 6,05
        // (With the two missing as 0 it would be 60,5 / 12 = 5,04: wrong.)
        expectClose(result.computed.value, 6.05)
        // Without Oslo: (60,5 − 8) / 9 = 52,5 / 9 = 5,833333333...
        expectClose(result.withoutOslo?.value, 5.83333333333333333)
        // Published 6,1: 6,05 − 6,1 = −0,05 percentage points.
        expectClose(result.difference.value, -0.05, relative: 1e-9)
        #expect(result.difference.unit == .percentagePoints)
        #expect(result.membersWithoutValue.map(\.code) == ["3205", "5501"])
        #expect(result.member("3205")?.note == "SYNTHETIC Lillestrøm's figure for synthetic.sykefravaer in 2024 is not yet available (..)")
        #expect(result.member("5501")?.note == "the data has no figure for SYNTHETIC Tromsø (5501), synthetic.sykefravaer, 2024")
        #expect(result.counted == 10)
        #expect(result.coverageNote?.hasPrefix("10 of 12 members") == true)
    }

    @Test("Excluding a member: the average leaves it out, and no difference to the published is claimed")
    func excluding() throws {
        let result = try self.analysis.groupAverage(
            group: "ASSS",
            indicatorId: "synthetic.sykefravaer",
            year: 2024,
            excluding: ["SYNTHETIC Oslo"]
        )
        // = without Oslo: 52,5 / 9 = 5,833333333...
        expectClose(result.computed.value, 5.83333333333333333)
        #expect(result.excluded == ["0301"])
        #expect(result.withOslo == nil)
        expectClose(result.withoutOslo?.value, 5.83333333333333333)
        #expect(result.member("0301")?.status == .excluded)
        #expect(result.difference.value == nil)
        #expect(result.difference.missingReason == "members are excluded (SYNTHETIC Oslo), so the computed average is not the one SYNTHETIC ASSS med Oslo publishes")
    }

    @Test("Weighted without a weight indicator: missing with the reason, the published figure beside it")
    func weightedWithoutWeights() throws {
        let result = try self.analysis.groupAverage(group: "ASSS", indicatorId: "synthetic.andel_uten_vekt", year: 2024)
        #expect(result.computed.value == nil)
        #expect(result.computed.missingReason?.hasPrefix("no weights (weight_indicator) for synthetic.andel_uten_vekt") == true)
        #expect(result.withOslo?.value == nil)
        #expect(result.withoutOslo?.value == nil)
        #expect(result.published.value == 11)
        #expect(result.difference.value == nil)
        #expect(result.member("3201")?.status == .noWeight)
        #expect(result.member("3201")?.value == 10)
        #expect(result.counted == 0)
        #expect(result.membersWithValue == 2)
    }

    @Test("Published only: no average from members, only the published value")
    func publishedOnly() throws {
        let result = try self.analysis.groupAverage(group: "ASSS", indicatorId: "synthetic.elever", year: 2024)
        #expect(result.computed.value == nil)
        #expect(result.computed.missingReason?.contains("published only") == true)
        #expect(result.published.value == 19_167)
        #expect(result.published.provenance.formula == "as published")
        #expect(result.members.allSatisfy { $0.status == .notAveraged })
    }

    @Test("The built-in data has no members' weights: a weighted ASSS average is missing, the published 16.4 stands")
    func builtInWeighted() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.groupAverage(group: "ASSS", indicatorId: "grunnskole.gruppestorrelse_2", year: 2024)
        #expect(result.computed.value == nil)
        #expect(result.computed.missingReason?.hasPrefix("no weights (weight_indicator) for grunnskole.gruppestorrelse_2") == true)
        #expect(result.published.value == 16.4)
        #expect(result.difference.value == nil)
        #expect(result.membersWithValue == 2)  // Bærum 16,9 and Asker 16,7
        #expect(result.member("3201")?.value == 16.9)
        #expect(result.withOslo != nil && result.withoutOslo != nil)
    }

    @Test("The built-in data, plain mean: the resource use indicator from the one member that has it")
    func builtInPlainMean() throws {
        let analysis = Analysis(dataset: try Dataset.builtIn())
        let result = try analysis.groupAverage(group: "ASSS", indicatorId: "grunnskole.ressursbruksindikator", year: 2024)
        // Only Bærum (93,1): 93,1 / 1. One of twelve is no ASSS average, and the result says so.
        #expect(result.computed.value == 93.1)
        #expect(result.counted == 1)
        #expect(result.coverageNote?.hasPrefix("1 of 12 members of ASSS med Oslo have a value") == true)
        #expect(result.published.value == nil)
    }
}
