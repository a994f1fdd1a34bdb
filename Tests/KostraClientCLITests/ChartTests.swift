import Foundation
import KostraCodec
import Testing

@testable import kostra_client

/// The charts from hand-made answers with the chapter's figures: where the
/// bars and points fall, colour only when asked, and the SVG's geometry.
@Suite("Charts")
struct ChartTests {
    /// Bærum 2024 against ASSS: gruppestørrelse 2 16,9 / 16,4 → 103,0 (above);
    /// korrigerte brutto driftsutgifter per elev 111 234 / 126 171 → 88,2 (below).
    static let chart = BarChart(
        title: "Tjenesteprofil for Bærum 2024",
        subtitle: "ASSS med Oslo = 100",
        axisLabel: "indeks",
        reference: 100,
        bars: [
            .init(label: "Gruppestørrelse 2", value: 100 * 16.9 / 16.4, text: "103,0"),
            .init(label: "Korrigerte brutto driftsutgifter per elev", value: 100 * 111_234 / 126_171, text: "88,2"),
            .init(label: "Mangler", value: nil, text: "–¹"),
        ],
        source: "Kilde: kapitlet"
    )

    @Test("a bar above 100 grows right of the │, one below grows left, a missing one has none")
    func terminalBars() throws {
        let text = TerminalBarChart.render(Self.chart, colour: TerminalColour(enabled: false), width: 40)
        let lines = text.split(separator: "\n").map(String.init)
        let above = try #require(lines.first { $0.hasPrefix("Gruppestørrelse 2") })
        let below = try #require(lines.first { $0.hasPrefix("Korrigerte") })
        let missing = try #require(lines.first { $0.hasPrefix("Mangler") })
        let aboveBar = try #require(above.firstIndex(of: "│"))
        let belowBar = try #require(below.firstIndex(of: "│"))
        // The reference line is in the same column on every row.
        #expect(above.distance(from: above.startIndex, to: aboveBar) == below.distance(from: below.startIndex, to: belowBar))
        #expect(above[above.index(after: aboveBar)] == "█")
        #expect(above[above.index(before: aboveBar)] == " ")
        #expect(below[below.index(before: belowBar)] == "█")
        #expect(below[below.index(after: belowBar)] == " ")
        #expect(!missing.contains("█"))
        #expect(above.hasSuffix("103,0"))
        // Axis 85..105 in steps of 5 (span 103,0 − 88,2 = 14,9 → step 2 → nice 5): 100 is a tick.
        #expect(text.contains("100"))
        #expect(text.hasSuffix("Kilde: kapitlet"))
    }

    @Test("colour: escape codes only when enabled; enabled only on a terminal without NO_COLOR")
    func colour() {
        #expect(TerminalColour.decide(isTerminal: true, environment: [:]).enabled)
        #expect(!TerminalColour.decide(isTerminal: true, environment: ["NO_COLOR": "1"]).enabled)
        #expect(TerminalColour.decide(isTerminal: true, environment: ["NO_COLOR": ""]).enabled)  // no-color.org: empty does not count
        #expect(!TerminalColour.decide(isTerminal: false, environment: [:]).enabled)
        let coloured = TerminalBarChart.render(Self.chart, colour: TerminalColour(enabled: true))
        let plain = TerminalBarChart.render(Self.chart, colour: TerminalColour(enabled: false))
        #expect(coloured.contains("\u{1B}[34m█"))  // blue for above 100
        #expect(coloured.contains("\u{1B}[33m█"))  // orange for below
        #expect(!plain.contains("\u{1B}"))
        // Without the escapes, the coloured chart is the plain one.
        #expect(Self.stripANSI(coloured) == plain)
    }

    @Test("--color always / never / auto parse, and --chart goes with the table format only")
    func options() throws {
        let always = try #require(try KostraClientCommand.parseAsRoot(["profile", "--region", "Bærum", "--year", "2024", "--chart", "--color", "always"]) as? ProfileCommand)
        #expect(always.charts.colour.enabled)
        let never = try #require(try KostraClientCommand.parseAsRoot(["profile", "--region", "Bærum", "--year", "2024", "--color", "never"]) as? ProfileCommand)
        #expect(!never.charts.colour.enabled)
        #expect(throws: (any Error).self) {
            _ = try KostraClientCommand.parseAsRoot(["profile", "--region", "Bærum", "--year", "2024", "--chart", "--format", "json"])
        }
    }

    @Test("SVG bars: the reference line at x(100), a bar above starts there and goes right, one below ends there")
    func svgBars() throws {
        let svg = SVGBarChart.render(Self.chart)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<title>Tjenesteprofil for Bærum 2024. ASSS med Oslo = 100</title>"))
        // Axis 85..105: x(v) = 370 + (v − 85) / 20 × 420. x(100) = 685.
        #expect(svg.contains("<line x1=\"685\" y1=\"74\" x2=\"685\""))
        // 103,05 → x = 370 + 18,05/20 × 420 = 749,0; the bar from 685, width 64.
        #expect(svg.contains("<rect x=\"685\" y=\"85\" width=\"64\" height=\"16\" fill=\"#1f5fa8\" class=\"bar\""))
        // 88,16 → x = 370 + 3,16/20 × 420 = 436,4; width 685 − 436,4 = 248,6.
        #expect(svg.contains("<rect x=\"436.4\" y=\"111\" width=\"248.6\" height=\"16\" fill=\"#e07b00\" class=\"bar\""))
        #expect(svg.components(separatedBy: "class=\"bar\"").count == 3)  // two bars, none for the missing value
        #expect(svg.contains(">indeks</text>"))
        #expect(svg.contains(">Kilde: kapitlet</text>"))
    }

    /// The profile's labels that share a long beginning: the chapter's table titles
    /// «Andel elever i grunnskolen som får spesialundervisning, …» by grade band and
    /// «Andel elever med spesialundervisning med vedtak på …» by hours.
    static let similarLabels = [
        "Andel elever i grunnskolen som får spesialundervisning, 1.-4. trinn",
        "Andel elever i grunnskolen som får spesialundervisning, 5.-7. trinn",
        "Andel elever i grunnskolen som får spesialundervisning, 8.-10. trinn",
        "Andel elever med spesialundervisning med vedtak på 1-75 timer, uten Haug skole og ressurssenter",
        "Andel elever med spesialundervisning med vedtak på 76-190 timer, uten Haug skole og ressurssenter",
        "Andel elever med spesialundervisning med vedtak på 191-270 timer, uten Haug skole og ressurssenter",
        "Andel elever med spesialundervisning med vedtak på 271 timer eller mer, uten Haug skole og ressurssenter",
        "Nasjonale prøver 5. trinn, andel elever på de høyeste mestringsnivåene",
        "Nasjonale prøver 8. trinn, andel elever på de høyeste mestringsnivåene",
        "Gruppestørrelse 2 - lærernorm",
    ]

    @Test("labels cut to a width keep what tells them apart: the grade band, the hours")
    func distinctLabels() throws {
        let fitted = DistinctLabels.fit(Self.similarLabels, width: 44)
        #expect(fitted.allSatisfy { $0.count <= 44 })
        #expect(Set(fitted).count == Self.similarLabels.count)
        // The common beginning is shortened, the distinguishing end kept.
        #expect(fitted[0] == "Andel elever i grunnskolen som…1.-4. trinn")
        #expect(fitted[2] == "Andel elever i grunnskolen som…8.-10. trinn")
        #expect(fitted[4].contains("76-190 timer"))
        #expect(fitted[6].contains("271 timer"))
        // Where a plain cut keeps the difference, the label is cut plainly.
        #expect(fitted[7] == "Nasjonale prøver 5. trinn, andel elever på…")
        #expect(fitted[9] == "Gruppestørrelse 2 - lærernorm")
    }

    @Test("the terminal and SVG profile charts never show two rows with the same label")
    func distinctLabelsInCharts() throws {
        // Values: indices of the hand-made chart; only the labels matter here.
        let chart = BarChart(
            title: "Tjenesteprofil for Bærum 2024",
            subtitle: "ASSS med Oslo = 100",
            axisLabel: "indeks",
            reference: 100,
            bars: Self.similarLabels.map { .init(label: $0, value: 100 * 16.9 / 16.4, text: "103,0") },
            source: "Kilde: kapitlet"
        )
        let terminal = TerminalBarChart.render(chart, colour: TerminalColour(enabled: false))
        let rows = terminal.split(separator: "\n").filter { $0.hasSuffix("103,0") }
            .map { String($0.prefix { $0 != "│" && $0 != "█" }).trimmingCharacters(in: .whitespaces) }
        #expect(rows.count == Self.similarLabels.count)
        #expect(Set(rows).count == rows.count, "\(rows)")
        let svg = SVGBarChart.render(chart)
        let texts = svg.components(separatedBy: "anchor=\"end\"").dropFirst()
            .map { $0.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init) ?? "" }
        #expect(texts.count >= Self.similarLabels.count)
        #expect(Set(texts).count == texts.count, "\(texts)")
    }

    @Test("SVG text is escaped; an axis step is 1, 2 or 5 times a power of ten")
    func escapingAndScale() {
        #expect(SVGWriter.escape("A & B < C > \"D\"") == "A &amp; B &lt; C &gt; &quot;D&quot;")
        #expect(ChartScale.niceStep(span: 17, ticks: 6) == 5)  // 2,83 → 5
        #expect(ChartScale.niceStep(span: 0.9, ticks: 5) == 0.2)  // 0,18 → 0,2
        #expect(ChartScale.niceStep(span: 20_000, ticks: 5) == 5000)  // 4 000 → 5 000
        #expect(ChartScale.ticks(80...100, step: 5) == [80, 85, 90, 95, 100])
    }

    @Test("lines: a point per value, a gap for a missing one, the last value in the legend")
    func lines() throws {
        let style = NumberStyle(language: .nb)
        // Gruppestørrelse 1, 2021–2024: Bærum 14,4 14,2 13,9 13,9; ASSS 13,7 13,5 13,5 13,5.
        let chart = LineChart(
            title: "Gjennomsnittlig gruppestørrelse 1",
            subtitle: "antall, 2021–2024",
            axisLabel: "antall",
            years: [2021, 2022, 2023, 2024],
            lines: [.init(name: "Bærum", values: [14.4, 14.2, 13.9, 13.9]), .init(name: "ASSS med Oslo", values: [13.7, nil, 13.5, 13.5])],
            source: "Kilde: kapitlet",
            format: { style.format($0, decimals: 1) }
        )
        let text = TerminalLineChart.render(chart, colour: TerminalColour(enabled: false))
        #expect(text.components(separatedBy: "●").count - 1 == 4 + 1)  // four points and the legend
        #expect(text.components(separatedBy: "■").count - 1 == 3 + 1)  // three points (2022 missing) and the legend
        #expect(text.contains("● Bærum  13,9 (2024)"))
        #expect(text.contains("2021      2022      2023      2024"))
        let svg = SVGLineChart.render(chart)
        #expect(svg.components(separatedBy: "class=\"point\"").count - 1 == 7)
        // The gap splits ASSS's line: one polyline for Bærum, one (2023–2024) for ASSS.
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("data-name=\"Bærum\" data-year=\"2021\" data-value=\"14.4\""))
    }

    static func stripANSI(_ text: String) -> String {
        var out = ""
        var skipping = false
        for character in text {
            if character == "\u{1B}" {
                skipping = true
                continue
            }
            if skipping {
                if character == "m" { skipping = false }
                continue
            }
            out.append(character)
        }
        return out
    }
}
