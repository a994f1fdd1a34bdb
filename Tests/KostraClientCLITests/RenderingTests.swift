import Foundation
import KostraCodec
import Testing

@testable import kostra_client

/// The client's output for a series, built from a hand-made answer holding
/// the chapter's table «Andel elever i grunnskolen som får
/// spesialundervisning, 1.-4. trinn» with one cell made missing.
@Suite("Rendering a series")
struct RenderingTests {
    static let response: KostraV1.GetSeriesResponse = {
        func row(_ code: String, _ values: [Double?]) -> KostraV1.Series {
            KostraV1.Series(
                indicatorId: "grunnskole.andel_spesialundervisning_1_4",
                regionCode: code,
                observations: zip(2021..., values).map { year, value in
                    KostraV1.Observation(
                        regionCode: code,
                        year: Int32(year),
                        value: value,
                        missing: value == nil ? .suppressed : .none,
                        status: .asPublished,
                        source: "Tabell «Andel elever i grunnskolen som får spesialundervisning, 1.-4. trinn»"
                    )
                }
            )
        }
        return KostraV1.GetSeriesResponse(
            indicator: KostraV1.Indicator(
                id: "grunnskole.andel_spesialundervisning_1_4",
                nameNb: "Andel elever i grunnskolen som får spesialundervisning, 1.-4. trinn",
                nameEn: "Share of pupils receiving special education, grades 1-4",
                unit: .percent,
                decimals: 1
            ),
            series: [row("3201", [4.9, 4.5, 5.2, 5.3]), row("3203", [3.5, 2.8, nil, 2.6])],
            regions: [
                KostraV1.Region(code: "3201", name: "Bærum", kind: .municipality),
                KostraV1.Region(code: "3203", name: "Asker", kind: .municipality),
            ],
            years: [2021, 2022, 2023, 2024]
        )
    }()

    func options(_ arguments: [String]) throws -> OutputOptions {
        try OutputOptions.parse(arguments)
    }

    @Test("a table laid out as the chapter's: title with unit, years as columns, Norwegian numbers, a footnote")
    func tableNorwegian() throws {
        let text = SeriesCommand.render(Self.response, output: try self.options([]))
        #expect(
            text == """
                Andel elever i grunnskolen som får spesialundervisning, 1.-4. trinn (prosent)

                         2021    2022    2023    2024
                Bærum   4,9 %   4,5 %   5,2 %   5,3 %
                Asker   3,5 %   2,8 %       :   2,6 %

                :   Vernet for å hindre identifisering (SSB).
                Kilde: Tabell «Andel elever i grunnskolen som får spesialundervisning, 1.-4. trinn»
                """
        )
    }

    @Test("--lang en writes English names and numbers")
    func tableEnglish() throws {
        let text = SeriesCommand.render(Self.response, output: try self.options(["--lang", "en"]))
        #expect(text.hasPrefix("Share of pupils receiving special education, grades 1-4 (per cent)"))
        #expect(text.contains("Bærum   4.9%   4.5%   5.2%   5.3%"))
        #expect(text.contains(":   Suppressed to protect privacy (SSB)."))
    }

    @Test("JSON: one document, the indicator's id under «id», a missing value as null with its reason")
    func json() throws {
        let text = SeriesCommand.render(Self.response, output: try self.options(["--format", "json"]))
        // JSONSerialization refuses trailing content, so this also proves there is one document.
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let indicator = try #require(document["indicator"] as? [String: Any])
        #expect(indicator["id"] as? String == "grunnskole.andel_spesialundervisning_1_4")
        #expect(indicator["unit"] as? String == "percent")
        #expect(document["years"] as? [Int] == [2021, 2022, 2023, 2024])
        let series = try #require(document["series"] as? [[String: Any]])
        let asker = try #require(series.last?["observations"] as? [[String: Any]])
        #expect(asker[1]["value"] as? Double == 2.8)
        #expect(asker[2]["value"] is NSNull)
        #expect(asker[2]["missing"] as? String == "suppressed")
        #expect(asker[2]["symbol"] as? String == ":")
        #expect((series.first?["region"] as? [String: Any])?["name"] as? String == "Bærum")
    }

    @Test("CSV: one row per cell, RFC 4180 quoting, empty value and the reason for a missing cell")
    func csv() throws {
        let text = SeriesCommand.render(Self.response, output: try self.options(["--format", "csv"]))
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.first == "indicator_id,region_code,region_name,year,value,unit,missing,status,source")
        #expect(lines.count == 1 + 8)
        #expect(lines[1].hasPrefix("grunnskole.andel_spesialundervisning_1_4,3201,Bærum,2021,4.9,percent,,as_published,"))
        #expect(lines[7].hasPrefix("grunnskole.andel_spesialundervisning_1_4,3203,Asker,2023,,percent,suppressed,as_published,"))
        var writer = CSVWriter(header: ["a"])
        writer.append(["say \"hei\", Bærum"])
        #expect(writer.text == "a\r\n\"say \"\"hei\"\", Bærum\"\r\n")
    }
}
