import Foundation
import Testing

@testable import kostra_client

/// Every command's output in every format and language, from a live
/// in-process server holding the built-in chapter, against golden files.
///
/// Why a live server rather than rendering functions fed with hand-made
/// answers: a snapshot should be what an operator sees, so it goes through
/// parsing, the wire, the server's analysis and the rendering; the
/// rendering functions are also tested alone, with the chapter's figures, in
/// RenderingTests and ChartTests.
@Suite("Snapshots of every command")
struct SnapshotTests {
    static let commands: [(name: String, arguments: [String])] = [
        ("health", ["health"]),
        ("indicators", ["indicators"]),
        ("regions", ["regions"]),
        // The chapter's table without an ASSS row: missing values and their footnote.
        (
            "series",
            ["series", "--indicator", "grunnskole.assistentarsverk_per_100_laererarsverk", "--region", "Bærum", "--region", "Asker", "--region", "ASSS"]
        ),
        ("profile", ["profile", "--region", "Bærum", "--year", "2024"]),
        ("compare", ["compare", "--region", "Bærum", "--with", "Asker", "--with", "ASSS", "--indicator", "grunnskole.gruppestorrelse_2"]),
        ("production", ["production", "--region", "Bærum", "--year", "2024"]),
        ("efficiency", ["efficiency", "--region", "Bærum", "--year", "2024"]),
        ("resource-use", ["resource-use", "--region", "Bærum", "--year", "2024"]),
        ("norm", ["norm", "--region", "Bærum", "--year", "2024"]),
        ("report", ["report", "--region", "Bærum", "--year", "2024"]),
    ]

    @Test("each command in table, markdown, json and csv, Norwegian and English", arguments: Self.commands.map(\.name))
    func command(name: String) async throws {
        let arguments = try #require(Self.commands.first { $0.name == name }?.arguments)
        try await withLiveServer { port in
            for format in OutputFormat.allCases {
                for language in NumberStyle.Language.allCases {
                    let text = try await answer(arguments + ["--format", format.rawValue, "--lang", language.rawValue], port: port)
                    let ending = format == .markdown ? "md" : format == .table ? "txt" : format.rawValue
                    Snapshot.check(text, named: "\(name).\(language.rawValue).\(ending)")
                }
            }
        }
    }

    @Test("charts in the terminal, without colour, in both languages")
    func terminalCharts() async throws {
        try await withLiveServer { port in
            for language in NumberStyle.Language.allCases {
                let lang = ["--lang", language.rawValue, "--color", "never"]
                let profile = try await answer(["profile", "--region", "Bærum", "--year", "2024", "--chart"] + lang, port: port)
                Snapshot.check(profile, named: "profile-chart.\(language.rawValue).txt")
                let series = try await answer(
                    ["series", "--indicator", "grunnskole.gruppestorrelse_1", "--region", "Bærum", "--region", "Asker", "--region", "ASSS", "--chart"]
                        + lang,
                    port: port
                )
                Snapshot.check(series, named: "series-chart.\(language.rawValue).txt")
                #expect(!profile.contains("\u{1B}["))
                #expect(!series.contains("\u{1B}["))
            }
        }
    }

    @Test("the report with every chart, and as Markdown linking the SVG files it wrote")
    func reportWithCharts() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kostra-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withLiveServer { port in
            let text = try await answer(["report", "--region", "Bærum", "--year", "2024", "--chart", "--color", "never"], port: port)
            Snapshot.check(text, named: "report-charts.nb.txt")
            let markdown = try await answer(
                ["report", "--region", "Bærum", "--year", "2024", "--format", "markdown", "--svg", directory.path], port: port
            )
            let folder = directory.lastPathComponent
            #expect(markdown.contains("](\(folder)/profil-3201-2024-nb.svg)"))
            #expect(markdown.contains("](\(folder)/grunnskole.gruppestorrelse_2-3201-2024-nb.svg)"))
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            // The profile and one chart per table of regions over years: 14 in the chapter.
            #expect(files.count == 1 + 14)
            #expect(files.allSatisfy { $0.hasSuffix(".svg") })
        }
    }

    @Test("SVG files: the profile's bars and a series' lines, in both languages")
    func svgFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kostra-svg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withLiveServer { port in
            for language in NumberStyle.Language.allCases {
                let lang = ["--lang", language.rawValue, "--svg", directory.path]
                _ = try await answer(["profile", "--region", "Bærum", "--year", "2024"] + lang, port: port)
                _ = try await answer(
                    ["series", "--indicator", "grunnskole.assistentarsverk_per_100_laererarsverk", "--region", "Bærum", "--region", "Asker", "--region", "ASSS"]
                        + lang,
                    port: port
                )
                for name in [
                    "profil-3201-2024-\(language.rawValue).svg",
                    "grunnskole.assistentarsverk_per_100_laererarsverk-2021-2024-\(language.rawValue).svg",
                ] {
                    let svg = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                    Snapshot.check(svg, named: name)
                }
            }
        }
    }
}
