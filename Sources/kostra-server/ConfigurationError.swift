/// A setting that stops the server from starting: which one, where it came
/// from, and what it may be. kostra-server prints it as one line and exits
/// 64 (EX_USAGE).
struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    /// The setting's name, as in the configuration file (`max-frame-size`).
    var setting: String
    /// Where the wrong value came from; nil when no one source is at fault.
    var source: SettingSource?
    /// What is wrong, and what is allowed.
    var problem: String

    /// "invalid setting port (from KOSTRA_PORT): 'http' is not ...; allowed: ...".
    var description: String {
        if let source {
            return "invalid setting \(self.setting) (from \(source)): \(self.problem)"
        }
        return "invalid setting \(self.setting): \(self.problem)"
    }
}
