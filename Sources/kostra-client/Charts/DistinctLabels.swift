/// Fits a chart's labels into a width so that labels that differ stay
/// different. A label that fits is kept whole; a longer one keeps its start and
/// its distinguishing end (where it parts from the label most like it: the
/// grade band, the hours), with "…" for the middle: "Andel elever med
/// spesialundervisning med vedtak 1-75 timer" becomes "Andel elever med
/// spesialu…vedtak 1-75 timer" beside "…vedtak 76-190 timer".
enum DistinctLabels {
    /// `labels`, each at most `width` characters, distinct where the labels are.
    static func fit(_ labels: [String], width: Int) -> [String] {
        guard width > 2 else { return labels.map { String($0.prefix(width)) } }
        var fitted = labels.map { Self.fit($0, among: labels, width: width) }
        // Two labels that still read the same (an end shared past the width):
        // number them, so that no two rows can be mistaken for each other.
        for (index, label) in fitted.enumerated() {
            let same = fitted.indices.filter { fitted[$0] == label && labels[$0] != labels[index] }
            guard !same.isEmpty else { continue }
            for (number, other) in ([index] + same).enumerated() {
                let mark = " (\(number + 1))"
                fitted[other] = String(fitted[other].prefix(width - mark.count)) + mark
            }
        }
        return fitted
    }

    /// One label fitted, keeping what tells it from the others.
    static func fit(_ label: String, among labels: [String], width: Int) -> String {
        guard label.count > width else { return label }
        let characters = Array(label)
        // Where the label parts from the label most like it.
        var common = 0
        for other in labels where other != label {
            common = max(common, zip(characters, other).prefix { $0 == $1 }.count)
        }
        common = min(common, characters.count - 1)
        // The word it parts in: when a plain cut keeps that word, cut plainly.
        let wordEnd = characters[common...].firstIndex(of: " ") ?? characters.count
        if wordEnd <= width - 1 {
            return Self.cut(characters, width - 1) + "…"
        }
        var start = common
        while start > 0, characters[start - 1] != " " { start -= 1 }
        // The distinguishing end, from that word on: at most two thirds of the width.
        let budget = max(width * 2 / 3, 1)
        var end = Array(characters[start...])
        if end.count > budget {
            end = Array(Self.cut(end, budget - 1) + "…")
        }
        return Self.cut(characters, max(width - 1 - end.count, 0)) + "…" + String(end)
    }

    /// The first `length` characters, back to the end of a word when that
    /// loses fewer than 10, without trailing spaces or commas.
    static func cut(_ characters: [Character], _ length: Int) -> String {
        var head = Array(characters.prefix(length))
        if length < characters.count, characters[length] != " ",
            let space = head.lastIndex(of: " "), head.count - space < 10
        {
            head = Array(head[..<space])
        }
        while let last = head.last, last == " " || last == "," { head.removeLast() }
        return String(head)
    }
}
