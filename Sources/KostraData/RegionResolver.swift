/// Finds a region from what a person types: a code, a former code, a name in any case, with
/// or without Norwegian letters, an English name or an alias.
///
/// Codes match exactly ("0301" is Oslo, "301" is nothing); names match after folding case,
/// white space and the letters æ, ø, å (typed as "ae", "o" or "oe", "a" or "aa").
struct RegionResolver: Sendable {
    private let regions: [Region]
    /// Every accepted spelling, folded, to the region's position.
    private let lookup: [String: Int]
    /// Each region's folded spellings, for suggestions.
    private let spellings: [[String]]

    /// At most this many suggestions.
    static let maximumSuggestions = 3

    init(regions items: [DatasetContents.Item<Region>]) throws(DatasetError) {
        var lookup: [String: Int] = [:]
        var spellings: [[String]] = []
        for (position, item) in items.enumerated() {
            let region = item.value
            var keys = [region.code.lowercased()] + region.formerCodes.map { $0.code.lowercased() }
            for name in [region.name] + (region.nameEn.map { [$0] } ?? []) + region.aliases {
                keys += Self.variants(of: name)
            }
            for key in keys where !key.isEmpty {
                if let other = lookup[key], other != position {
                    throw DatasetError(code: .duplicate, path: item.path, message: "\"\(key)\" would name both \(items[other].value.code) and \(region.code)")
                }
                lookup[key] = position
            }
            spellings.append(Array(Set(keys)).sorted())
        }
        self.regions = items.map(\.value)
        self.lookup = lookup
        self.spellings = spellings
    }

    func resolve(_ query: String) -> RegionMatch {
        // A code or a name typed as it is kept ("3201", "asker") is found without folding:
        // folding is idempotent, so a query that is a key already is its own folded form.
        if let position = lookup[query] { return .found(regions[position]) }
        let key = Self.fold(query)
        if let position = lookup[key] { return .found(regions[position]) }
        guard !key.isEmpty else { return .notFound(suggestions: []) }
        let limit = min(3, max(1, key.count / 3))
        let typed = Array(key)
        // A municipality number typed without its leading zero ("301") most likely means the
        // padded one ("0301"): rank that first.
        let padded = key.count < 4 && key.allSatisfy(\.isASCII) && key.allSatisfy(\.isNumber)
            ? String(repeating: "0", count: 4 - key.count) + key : nil
        var scored: [(distance: Int, position: Int)] = []
        for (position, keys) in spellings.enumerated() {
            if let padded, regions[position].code == padded {
                scored.append((-1, position))
                continue
            }
            let best = keys.map { EditDistance.between(typed, Array($0)) }.min() ?? .max
            if best <= limit { scored.append((best, position)) }
        }
        scored.sort { ($0.distance, $0.position) < ($1.distance, $1.position) }
        return .notFound(suggestions: scored.prefix(Self.maximumSuggestions).map { regions[$0.position] })
    }

    // MARK: Folding

    /// The canonical form of typed text: trimmed, lower-case, single spaces, and æ ø å (and
    /// their foreign look-alikes) written as "ae", "o", "a".
    static func fold(_ text: String) -> String {
        var result = ""
        for character in normalizeSpace(text.lowercased()) {
            switch character {
            case "æ", "ä": result += "ae"
            case "ø", "ö": result += "o"
            case "å": result += "a"
            case "é", "è", "ê": result += "e"
            case "ü": result += "u"
            default: result.append(character)
            }
        }
        return result
    }

    /// Every spelling of a name that `fold` can produce from a common way of typing it:
    /// "Tromsø" gives "tromso" and "tromsoe", "Bærum" gives "baerum" and "barum".
    static func variants(of name: String) -> [String] {
        var results = [""]
        for character in normalizeSpace(name.lowercased()) {
            let options: [String]
            switch character {
            case "æ", "ä": options = ["ae", "a"]
            case "ø", "ö": options = ["o", "oe"]
            case "å": options = ["a", "aa"]
            case "é", "è", "ê": options = ["e"]
            case "ü": options = ["u", "ue"]
            default: options = [String(character)]
            }
            if options.count > 1, results.count >= 64 {
                results = results.map { $0 + options[0] }  // enough spellings; keep the first
            } else {
                results = results.flatMap { prefix in options.map { prefix + $0 } }
            }
        }
        return results
    }

    private static func normalizeSpace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
