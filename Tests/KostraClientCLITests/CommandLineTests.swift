import ArgumentParser
import Foundation
import KostraProtocol
import Testing

@testable import kostra_client

/// What an operator gets when something is wrong: one line, "did you mean",
/// the documented exit code; and help with an example for every command.
@Suite("Command line: errors, did you mean, help")
struct CommandLineTests {
    @Test("a misspelt region in report is NOT_FOUND, exit code 2, one line naming Bærum")
    func misspeltRegion() async throws {
        try await withLiveServer { port in
            for arguments in [
                ["report", "--region", "Baerun", "--year", "2024"],
                ["report", "--region", "Bærum", "--year", "2024", "--with", "Askr"],
                ["profile", "--region", "Baerun", "--year", "2024"],
            ] {
                do {
                    _ = try await answer(arguments, port: port)
                    Issue.record("\(arguments) should fail")
                } catch let error as RPCError {
                    #expect(error.code == .notFound)
                    #expect(Failure.exitCode(for: error.code) == 2)
                    let line = Failure.line(for: error)
                    #expect(line.hasPrefix("NOT_FOUND: "))
                    #expect(line.contains("did you mean"))
                    #expect(line.contains(arguments.contains("Askr") ? "Asker" : "Bærum"))
                    #expect(!line.contains("\n"))
                }
            }
        }
    }

    @Test("a misspelt indicator is answered with the closest id")
    func misspeltIndicator() async throws {
        try await withLiveServer { port in
            do {
                _ = try await answer(["series", "--indicator", "grunnskole.gruppestorelse_2", "--region", "Bærum"], port: port)
                Issue.record("should fail")
            } catch let error as RPCError {
                #expect(Failure.line(for: error).contains("did you mean 'grunnskole.gruppestorrelse_2'?"))
            }
        }
    }

    @Test("a year without figures lists the years there are; the report for it fails with exit code 2")
    func yearWithoutFigures() async throws {
        try await withLiveServer { port in
            do {
                _ = try await answer(["report", "--region", "Bærum", "--year", "2019"], port: port)
                Issue.record("should fail")
            } catch let error as RPCError {
                #expect(Failure.exitCode(for: error.code) == 2)
                #expect(Failure.line(for: error).contains("2024"))
            }
        }
    }

    @Test("the server's suggestions are added when its message lacks them, on one line")
    func errorLine() {
        let error = RPCError(
            .notFound, "no region 'Baerun'\nat all",
            details: [.init(field: "region", reason: "", available: [], suggestions: ["Bærum", "Asker"])]
        )
        #expect(Failure.line(for: error) == "NOT_FOUND: no region 'Baerun' at all; did you mean 'Bærum' or 'Asker'?")
        let years = RPCError(.notFound, "no figures for 2019", details: [.init(field: "year", reason: "", available: ["2023", "2024"])])
        #expect(Failure.line(for: years) == "NOT_FOUND: no figures for 2019 (available: 2023, 2024)")
    }

    @Test("a wrong command line is one line, with the parser's own did-you-mean", arguments: [
        (["report", "--regoin", "Bærum", "--year", "2024"], "--region"),
        (["report", "--region", "Bærum"], "--year"),
        (["profile", "--region", "Bærum", "--year", "2024", "--chart", "--format", "csv"], "--chart"),
        (["series", "--indicator", "x", "--color", "sometimes"], "sometimes"),
    ])
    func usageLine(arguments: [String], mention: String) {
        do {
            _ = try KostraClientCommand.parseAsRoot(arguments)
            Issue.record("\(arguments) should not parse")
        } catch {
            let line = KostraClientCommand.usageLine(for: error)
            #expect(!line.contains("\n"))
            #expect(line.contains(mention))
            #expect(line.hasSuffix("See 'kostra-client --help'."))
            #expect(KostraClientCommand.exitCode(for: error) == .validationFailure)
        }
    }

    @Test("every example of every help, printed at 80 columns, reads back as one whole command")
    func helpExamplesAt80Columns() throws {
        let commands: [any ParsableCommand.Type] = [KostraClientCommand.self] + KostraClientCommand.configuration.subcommands
        var commandsRead = 0
        for command in commands {
            let name = command.configuration.commandName ?? ""
            let help = command == KostraClientCommand.self
                ? KostraClientCommand.helpMessage(columns: 80)
                : KostraClientCommand.helpMessage(for: command, columns: 80)
            // The discussion: what comes before USAGE (argument-parser lays out the rest).
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                .prefix { !$0.hasPrefix("USAGE:") }
            for line in lines {
                #expect(line.count <= 80, "\(name): wider than 80 columns: \(line)")
            }
            // Every line of the discussion is printed as written: none was broken at 80 columns.
            for line in command.configuration.discussion.split(separator: "\n") {
                let written = line.trimmingCharacters(in: .whitespaces)
                #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == written }, "\(name): broken: \(written)")
            }
            // The example blocks: each line starts a command or continues one that ends in " \".
            var inExamples = false
            var pending: String?
            var examples: [String] = []
            for whole in lines.map({ $0.trimmingCharacters(in: .whitespaces) }) {
                // A command may begin with environment settings: KOSTRA_TOKEN=... kostra-client ...
                var line = whole
                while pending == nil, let first = line.split(separator: " ").first, first.contains("="), !first.hasPrefix("-") {
                    line = String(line.dropFirst(first.count).drop { $0 == " " })
                }
                if line == "Examples:" || line == "Example:" || line == "Shell completion:" {
                    inExamples = true
                    continue
                }
                guard inExamples else { continue }
                if line.isEmpty {
                    #expect(pending == nil, "\(name): an example ends in a backslash before a blank line")
                    inExamples = false
                    continue
                }
                if let start = pending {
                    #expect(!line.hasPrefix("kostra-client"), "\(name): a continuation starts a new command: \(line)")
                    pending = start + " " + line
                } else {
                    #expect(line.hasPrefix("kostra-client"), "\(name): a line of the examples is no command: \(line)")
                    pending = line
                }
                if pending!.hasSuffix(" \\") {
                    pending = String(pending!.dropLast(2))
                } else {
                    examples.append(pending!)
                    pending = nil
                }
            }
            #expect(!examples.isEmpty, "\(name) has no example")
            for example in examples {
                // Everything before a comment or a redirection, split at spaces as a shell would here.
                let command = example.split(separator: "#").first!.split(separator: ">").first!
                let words = command.split(separator: " ").map(String.init)
                #expect(words.first == "kostra-client")
                if name != "kostra-client" {
                    #expect(words.dropFirst().first == name, "\(name): an example of another command: \(example)")
                }
                if words.dropFirst().first == "--generate-completion-script" {
                    // argument-parser answers this by printing the script, not by parsing a command.
                    #expect(words.count == 3 && ["bash", "zsh", "fish"].contains(words[2]), "\(example)")
                } else {
                    #expect(throws: Never.self, "\(example)") { _ = try KostraClientCommand.parseAsRoot(Array(words.dropFirst())) }
                }
                commandsRead += 1
            }
        }
        // The root's 13 examples and 3 completion lines, and each command's own.
        #expect(commandsRead >= 16 + 13)
    }

    @Test("the root help documents every exit code and the completion scripts")
    func rootHelp() {
        let help = KostraClientCommand.helpMessage(columns: 200)
        for code in ["0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "64", "69", "73"] {
            #expect(help.contains("\n  \(code)"), "exit code \(code) not documented")
        }
        #expect(help.contains("--generate-completion-script bash"))
        #expect(help.contains("NO_COLOR"))
    }

    @Test("completion scripts name the report command and its options")
    func completion() {
        let bash = KostraClientCommand.completionScript(for: .bash)
        #expect(bash.contains("report"))
        #expect(bash.contains("--svg"))
        let zsh = KostraClientCommand.completionScript(for: .zsh)
        #expect(zsh.contains("--lang"))
    }

    @Test("report --with defaults to the chapter's Asker and ASSS")
    func reportDefaults() throws {
        let report = try #require(try KostraClientCommand.parseAsRoot(["report", "--region", "3024", "--year", "2024"]) as? ReportCommand)
        #expect(report.compared == ["Asker", "ASSS"])
        let other = try #require(
            try KostraClientCommand.parseAsRoot(["report", "--region", "Oslo", "--year", "2024", "--with", "Bergen"]) as? ReportCommand
        )
        #expect(other.compared == ["Bergen"])
    }
}
