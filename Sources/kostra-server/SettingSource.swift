/// Where an effective setting came from, in the order of precedence:
/// a flag beats the environment, which beats the configuration file, which
/// beats the default.
enum SettingSource: Equatable, Sendable, CustomStringConvertible {
    /// A command-line flag, such as `--port`.
    case flag(String)
    /// An environment variable, such as `KOSTRA_PORT`.
    case environment(String)
    /// A line of the configuration file.
    case file(path: String, line: Int)
    /// The built-in default.
    case `default`

    /// "--port", "KOSTRA_PORT", "kostra.conf:3" or "default".
    var description: String {
        switch self {
        case .flag(let name): name
        case .environment(let name): name
        case .file(let path, let line): "\(path):\(line)"
        case .default: "default"
        }
    }
}
