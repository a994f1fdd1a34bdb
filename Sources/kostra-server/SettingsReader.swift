/// Reads settings in the one order of precedence: a flag, else the
/// environment variable `KOSTRA_<SETTING>` (an empty value counts as
/// unset), else the configuration file, else the default; and records each
/// effective value with its source for `--print-config`.
struct SettingsReader {
    /// The values given as flags, by setting name.
    let flags: [String: String]
    /// The process environment.
    let environment: [String: String]
    /// The configuration file, if one was given.
    let file: ConfigFile?
    /// Every setting read so far, in order.
    private(set) var effective: [EffectiveSetting] = []

    /// `KOSTRA_MAX_FRAME_SIZE` for `max-frame-size`.
    static func environmentName(_ key: String) -> String {
        "KOSTRA_" + String(key.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// The raw value of `key` from the strongest source that has one.
    func raw(_ key: String) -> (value: String, source: SettingSource)? {
        if let value = self.flags[key] {
            return (value, .flag("--\(key)"))
        }
        let name = Self.environmentName(key)
        if let value = self.environment[name], !value.isEmpty {
            return (value, .environment(name))
        }
        if let file = self.file, let entry = file.entries[key] {
            return (entry.value, .file(path: file.path, line: entry.line))
        }
        return nil
    }

    /// The value of `key`, parsed, or `defaultValue` when no source sets it.
    ///
    /// - Parameters:
    ///   - allowed: the values allowed, for the error message.
    ///   - show: the value as `--print-config` prints it.
    ///   - parse: the value, or nil when the text is not allowed.
    mutating func read<Value>(
        _ key: String,
        default defaultValue: Value,
        allowed: String,
        secret: Bool = false,
        show: (Value) -> String?,
        parse: (String) -> Value?
    ) throws(ConfigurationError) -> Value {
        guard let raw = self.raw(key) else {
            self.effective.append(EffectiveSetting(key: key, value: show(defaultValue), source: .default, secret: secret))
            return defaultValue
        }
        let (text, source) = raw
        guard let value = parse(text) else {
            let shown = secret ? "the value" : "'\(text)'"
            throw ConfigurationError(setting: key, source: source, problem: "\(shown) is not allowed; allowed: \(allowed)")
        }
        self.effective.append(EffectiveSetting(key: key, value: show(value), source: source, secret: secret))
        return value
    }

    /// The source `key` was read from, once read.
    func source(of key: String) -> SettingSource? {
        self.effective.last(where: { $0.key == key })?.source
    }

    /// Records a setting that is not read through ``read(_:default:allowed:secret:show:parse:)``.
    mutating func record(_ setting: EffectiveSetting) {
        self.effective.append(setting)
    }
}
