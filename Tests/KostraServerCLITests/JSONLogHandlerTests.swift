import Foundation
import Logging
import Synchronization
import Testing

@testable import kostra_server

/// `--log-format json`: one JSON object per line, readable by any JSON parser.
@Suite("JSON log lines")
struct JSONLogHandlerTests {
    /// Collects the lines a handler writes.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { self.lines.withLock { $0.append(line) } }
        var all: [String] { self.lines.withLock { $0 } }
    }

    func object(_ line: String) throws -> [String: Any] {
        let data = Data(line.utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("fields, flattened metadata and escapes survive a JSON parser; one line per event")
    func parses() throws {
        let lines = Lines()
        var handler = JSONLogHandler(
            label: "kostra-server",
            write: { lines.append($0) },
            now: { timespec(tv_sec: 1_795_424_404, tv_nsec: 123_456_789) }
        )
        handler.logLevel = .debug
        handler[metadataKey: "peer"] = "[IPv4]127.0.0.1/127.0.0.1:50000"
        var logger = Logger(label: "kostra-server", factory: { _ in handler })
        logger.logLevel = .debug
        let message = "quote \" backslash \\ newline \n tab \t bell \u{07} æøå 🚀"
        logger.warning(
            "\(message)",
            metadata: [
                "request_id": "42",
                "tls": ["version": "1.3", "cipher": "AES"],
                "regions": ["3201", "3025"],
                "level": "not the level",
            ]
        )
        #expect(lines.all.count == 1)
        let line = try #require(lines.all.first)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        let object = try self.object(line)
        #expect(object["timestamp"] as? String == "2026-11-23T09:00:04.123Z")
        #expect(object["level"] as? String == "warning")
        #expect(object["label"] as? String == "kostra-server")
        #expect(object["message"] as? String == message)
        #expect(object["peer"] as? String == "[IPv4]127.0.0.1/127.0.0.1:50000")
        #expect(object["request_id"] as? String == "42")
        #expect(object["tls.version"] as? String == "1.3")
        #expect(object["tls.cipher"] as? String == "AES")
        #expect(object["regions"] as? [String] == ["3201", "3025"])
        #expect(object["metadata.level"] as? String == "not the level")
    }

    @Test("every control character is escaped", arguments: [0x00, 0x01, 0x08, 0x0C, 0x1F, 0x7F])
    func controlCharacters(value: UInt32) throws {
        let string = "a\(Character(Unicode.Scalar(value)!))b"
        let quoted = JSONLogHandler.quoted(string)
        #expect(quoted.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
        #expect(decoded == [string])
    }

    @Test("timestamps are ISO 8601 in UTC with milliseconds")
    func timestamps() {
        #expect(JSONLogHandler.timestamp(timespec(tv_sec: 0, tv_nsec: 0)) == "1970-01-01T00:00:00.000Z")
        #expect(JSONLogHandler.timestamp(timespec(tv_sec: 951_782_400, tv_nsec: 999_999_999)) == "2000-02-29T00:00:00.999Z")
    }
}
