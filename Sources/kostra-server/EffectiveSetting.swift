/// A setting as the server will use it, and where it came from: a line of
/// `kostra-server --print-config`.
struct EffectiveSetting: Equatable, Sendable {
    /// The setting's name (`max-frame-size`).
    var key: String
    /// The value as text, nil when unset (off).
    var value: String?
    /// Where the value came from.
    var source: SettingSource
    /// Whether the value is a secret, never printed.
    var secret: Bool

    /// The value as printed: secrets masked, unset as a comment.
    var printedValue: String {
        guard let value else { return "(not set)" }
        return self.secret ? "\"********\"" : value
    }
}
