import KostraCodec

/// Collects why figures in a table are missing: a missing figure's cell is
/// "–" with a superscript number, and each distinct reason becomes one
/// numbered footnote under the table, so that no gap goes unexplained. The
/// server's reasons are put into the table's language (``ReasonText``).
struct Footnotes: Sendable {
    private(set) var reasons: [String] = []

    /// The figure's text, or "–" with the number of its footnote.
    mutating func cell(_ figure: KostraV1.Figure?, _ style: NumberStyle, decimals: Int = 1) -> String {
        if let figure, figure.value != nil {
            return figure.text(style, decimals: decimals)
        }
        let reason = figure?.missingReason ?? ""
        return "–" + self.mark(reason.isEmpty ? Self.noFigure(style.language) : ReasonText.text(reason, style.language))
    }

    /// The superscript number of `reason`'s footnote, adding it if new.
    mutating func mark(_ reason: String) -> String {
        if let index = self.reasons.firstIndex(of: reason) {
            return Self.superscript(index + 1)
        }
        self.reasons.append(reason)
        return Self.superscript(self.reasons.count)
    }

    /// The footnotes, one line each: "¹ Mangler: <why>".
    func notes(_ language: NumberStyle.Language) -> [String] {
        self.reasons.enumerated().map { index, reason in
            Self.superscript(index + 1) + (language == .nb ? " Mangler: " : " Missing: ") + reason
        }
    }

    /// What a figure the server did not send at all is missing for.
    static func noFigure(_ language: NumberStyle.Language) -> String {
        language == .nb ? "tjenesten ga ikke dette tallet." : "the server gave no such figure."
    }

    /// 1 → "¹", 12 → "¹²".
    static func superscript(_ number: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return String(String(number).compactMap { $0.wholeNumberValue.map { digits[$0] } })
    }
}
