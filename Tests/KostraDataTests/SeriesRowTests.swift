@testable import KostraData
import Testing

@Suite("The store's series rows: numbers written short and read back exactly")
struct SeriesRowTests {
    @Test(
        "A value written as text reads back as the same double",
        arguments: [16.9, 139.2, 0.05, -2.5, 133_800, 108_173, 0.1 + 0.2, 1.0 / 3.0, 1e20, -1e-7, 4.9, 99.95, 2_147_483_648.5]
    )
    func roundTrip(value: Double) throws {
        var row = SeriesRow(years: 2024...2024)
        row.values[0] = value
        row.states[0] = FigureCellState(missing: nil, status: .final)
        row.sources[0] = 7
        let text = row.encodedValues()
        let back = try #require(SeriesRow.decode(firstYear: 2024, values: text, states: row.encodedStates(), sources: row.encodedSources(), reportedCodes: nil))
        #expect(back.values[0] == value, "\(String(decoding: text, as: UTF8.self))")
    }

    @Test("Published figures are written as printed: 16.9, 0.05, 133800, -2.5; a missing one as null")
    func shortForms() {
        var row = SeriesRow(years: 2021...2025)
        for (offset, value) in [16.9, 0.05, 133_800, -2.5].enumerated() {
            row.values[offset] = value
            row.states[offset] = FigureCellState(missing: nil, status: .final)
        }
        row.states[4] = FigureCellState(missing: .suppressed, status: .final)
        #expect(String(decoding: row.encodedValues(), as: UTF8.self) == "[16.9,0.05,133800,-2.5,null]")
        // "0" no figure; 1 + 2 × 8 = 17 a final value ("A"); 3 + 16 = 19 suppressed, final ("C").
        #expect(String(decoding: row.encodedStates(), as: UTF8.self) == "AAAAC")
        row.sources[2] = 9
        #expect(String(decoding: row.encodedSources(), as: UTF8.self) == "[0,0,9,0,0]")
    }
}
