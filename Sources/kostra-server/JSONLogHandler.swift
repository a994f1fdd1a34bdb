#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Logging
import Synchronization

/// A swift-log handler that writes one JSON object per line (`--log-format
/// json`), for log collectors that read JSON lines.
///
/// Each line has `timestamp` (ISO 8601, UTC, milliseconds), `level`,
/// `label`, `message`, and `error` when the event carries one, then every
/// metadata entry as a field of its own, sorted by key: nested dictionaries
/// flattened with dotted keys (`"tls.version"`), lists as JSON arrays of
/// strings. A metadata key that would overwrite one of the fixed fields is
/// written as `"metadata.<key>"`. Strings are escaped as JSON requires
/// (quotes, backslashes and every control character), so a message can
/// never break a line in two.
struct JSONLogHandler: LogHandler {
    /// The fields every line starts with.
    static let fixedFields: Set<String> = ["timestamp", "level", "label", "message", "error"]

    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let write: @Sendable (String) -> Void
    private let now: @Sendable () -> timespec

    /// A handler writing each line with `write` (standard error by default).
    init(
        label: String,
        metadataProvider: Logger.MetadataProvider? = nil,
        write: @escaping @Sendable (String) -> Void = JSONLogHandler.writeToStandardError,
        now: @escaping @Sendable () -> timespec = JSONLogHandler.realtime
    ) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
        self.now = now
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = self.metadata
        if let provided = self.metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let explicit = event.metadata {
            merged.merge(explicit) { _, new in new }
        }
        self.write(
            Self.line(
                timestamp: Self.timestamp(self.now()),
                level: event.level,
                label: self.label,
                message: event.message.description,
                error: event.error.map { "\($0)" },
                metadata: merged
            )
        )
    }

    /// One JSON object and a newline.
    static func line(
        timestamp: String,
        level: Logger.Level,
        label: String,
        message: String,
        error: String? = nil,
        metadata: Logger.Metadata
    ) -> String {
        var out = "{\"timestamp\":\(Self.quoted(timestamp)),\"level\":\(Self.quoted(level.rawValue))"
        out += ",\"label\":\(Self.quoted(label)),\"message\":\(Self.quoted(message))"
        if let error {
            out += ",\"error\":\(Self.quoted(error))"
        }
        var fields: [(String, String)] = []
        Self.flatten(metadata, prefix: "", into: &fields)
        for (key, value) in fields.sorted(by: { $0.0 < $1.0 }) {
            let name = Self.fixedFields.contains(key) ? "metadata.\(key)" : key
            out += ",\(Self.quoted(name)):\(value)"
        }
        out += "}\n"
        return out
    }

    /// Metadata as (dotted key, JSON value) pairs.
    private static func flatten(_ metadata: Logger.Metadata, prefix: String, into fields: inout [(String, String)]) {
        for (key, value) in metadata {
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            switch value {
            case .string(let string):
                fields.append((name, Self.quoted(string)))
            case .stringConvertible(let convertible):
                fields.append((name, Self.quoted(convertible.description)))
            case .array(let values):
                fields.append((name, "[" + values.map { Self.quoted($0.description) }.joined(separator: ",") + "]"))
            case .dictionary(let nested):
                Self.flatten(nested, prefix: name, into: &fields)
            }
        }
    }

    /// `string` as a JSON string literal.
    static func quoted(_ string: String) -> String {
        var out = "\""
        out.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// `2026-11-29T09:00:04.123Z`.
    static func timestamp(_ time: timespec) -> String {
        var seconds = time_t(time.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
            + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
            + ".\(pad(Int(time.tv_nsec) / 1_000_000, 3))Z"
    }

    /// The wall clock.
    @Sendable static func realtime() -> timespec {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return time
    }

    /// Writes `line` to standard error in one `write` where it can, so that
    /// lines from several threads never interleave.
    @Sendable static func writeToStandardError(_ line: String) {
        outputLock.withLock { _ in
            var line = line
            line.withUTF8 { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = writeStandardError(bytes.baseAddress! + offset, bytes.count - offset)
                    if written <= 0 {
                        if written < 0, errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }

    private static let outputLock = Mutex(())
}

/// write(2) on file descriptor 2, outside the handler whose `write` property
/// would shadow it.
private func writeStandardError(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(2, bytes, count)
}
