/// The text of `kostra-server --print-config`: every effective setting with
/// its source, secrets masked, in the configuration file's syntax so that
/// the output can be kept as a starting configuration file.
enum ConfigPrinter {
    /// The whole text, one line per setting.
    static func text(_ settings: [EffectiveSetting], version: String) -> String {
        var lines = [
            "# \(version): effective settings",
            "# precedence: flag > environment (KOSTRA_<SETTING>) > configuration file (--config, KOSTRA_CONFIG) > default",
        ]
        let rows = settings.map { setting in
            setting.value == nil ? "# \(setting.key) = (not set)" : "\(setting.key) = \(setting.printedValue)"
        }
        let width = rows.map(\.count).max() ?? 0
        for (row, setting) in zip(rows, settings) {
            lines.append(row + String(repeating: " ", count: width - row.count) + "  # from \(setting.source)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
