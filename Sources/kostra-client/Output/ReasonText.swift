/// Puts the server's words for people into the client's language: why a figure
/// is missing, why a region is not ranked, and the message of an error. The
/// server phrases them in English (the protocol's `missing_reason`, `rank_note`
/// and status message are English); with `--lang nb` each known phrase is
/// rewritten in Norwegian, rule by rule. A text with a phrase no rule knows is
/// not printed half-translated: it is given whole, quoted, after a Norwegian
/// note saying that the server gave it in English.
enum ReasonText {
    /// `text` in `language`: unchanged in English; in Norwegian as the rules
    /// rewrite it.
    static func text(_ text: String, _ language: NumberStyle.Language) -> String {
        guard language == .nb, !text.isEmpty else { return text }
        var rewritten = text
        for (pattern, template) in Self.rules {
            rewritten = Self.replace(pattern, template, in: rewritten)
        }
        if Self.looksEnglish(rewritten) {
            return "tjenesten forklarer på engelsk: «\(text)»"
        }
        return rewritten
    }

    /// Phrase by phrase, most specific first: a regular expression and its
    /// Norwegian, `$1`… for the captures. A region name is anything up to a
    /// parenthesis, colon or semicolon; an indicator id has no spaces.
    static let rules: [(String, String)] = [
        // Figures the data lacks.
        (#"the data has no figure for ([^;:()]+?) \(([^)]+)\), ([a-z0-9_.]+), (\d{4})"#, "dataene har ikke tall for $1 ($2), $3, $4"),
        (#"the data has no figures for (\d{4}); it has "#, "dataene har ikke tall for $1; de har tall for "),
        (#"the data has no indicator ([a-z0-9_.]+)"#, "dataene har ikke nøkkeltallet $1"),
        (#"the data has no group size 2 for ([^;:()]+?) in (\d{4})"#, "dataene har ikke gruppestørrelse 2 for $1 i $2"),
        (#"the data has no production-index weights for (\d{4})"#, "dataene har ikke produksjonsindeksens vekter for $1"),
        (#"the data has no region ([A-Za-z0-9]+) for the national average"#, "dataene har ikke regionen $1 for landsgjennomsnittet"),
        (#"the data has no reference group ([A-Za-z0-9]+) \(([^)]+)\) to score against"#, "dataene har ikke sammenligningsgruppen $1 ($2) å regne skår mot"),
        (#"the data has nothing to say about ([^;:()]+?) in (\d{4})"#, "dataene har ingenting om $1 i $2"),
        (#"([^;:()]+?)'s figure for ([a-z0-9_.]+) in (\d{4}) is negative \(\(?([^()]+)\)?\), so an index would not read as a share of it"#,
         "tallet til $1 for $2 i $3 er negativt ($4), så en indeks kan ikke leses som en andel av det"),
        (#"([^;:()]+?)'s figure for ([a-z0-9_.]+) in (\d{4}) is missing \(([^()]+)\)"#, "tallet til $1 for $2 i $3 mangler ($4)"),
        (#"([^;:()]+?)'s figure for ([a-z0-9_.]+) in (\d{4}) is "#, "tallet til $1 for $2 i $3 er "),
        (#"([^;:()]+?) has no figure for ([a-z0-9_.]+) in (\d{4}), and none of its members has one to average"#,
         "$1 har ikke tall for $2 i $3, og ingen av medlemmene har et å regne snitt av"),
        (#"([^;:()]+?) has no figure for ([a-z0-9_.]+) in (\d{4})"#, "$1 har ikke tall for $2 i $3"),
        (#"([^;:()]+?) has no figure for (\d{4})"#, "$1 har ikke tall for $2"),
        (#"([^;:()]+?) has no value in (\d{4}), so it is not ranked"#, "$1 har ingen verdi i $2, og er derfor ikke rangert"),
        (#"([^;:()]+?)'s level is 0, so no score relative to it exists"#, "nivået til $1 er 0, så ingen skår kan regnes mot det"),
        // Members and averages.
        (#"no member of ([^;:()]+?) has a resource-use ratio for (\d{4})"#, "ingen medlem av $1 har et ressursbruksforhold for $2"),
        (#"no member of ([^;:()]+?) with a value of ([a-z0-9_.]+) in (\d{4}) has a weight \(([a-z0-9_.]+)\)"#,
         "ingen medlem av $1 med verdi for $2 i $3 har en vekt ($4)"),
        (#"no member of ([^;:()]+?) has a value of ([a-z0-9_.]+) in (\d{4})"#, "ingen medlem av $1 har verdi for $2 i $3"),
        (#"no weights \(weight_indicator\) for ([a-z0-9_.]+)"#, "ingen vekter (weight_indicator) for $1"),
        (#": a weighted average needs each member's denominator, and the data names no indicator that holds it"#,
         ": et veid snitt trenger hvert medlems nevner, og dataene oppgir ikke noe nøkkeltall som har den"),
        // Production, efficiency, resource use.
        (#"the learning environment cannot be formed: "#, "læringsmiljøet kan ikke settes sammen: "),
        (#"no weighted indicator has a change from (\d{4}) to (\d{4}) for ([^;:()]+?), and the report publishes none"#,
         "ingen vektet indikator har en endring fra $1 til $2 for $3, og rapporten publiserer ingen"),
        (#", and the report publishes no change for ([^;:()]+)"#, ", og rapporten publiserer ingen endring for $1"),
        (#", nor a published change in production; it has weights for "#, ", og heller ingen publisert endring i produksjon; de har vekter for "),
        (#", nor a published index; it has weights for "#, ", og heller ingen publisert indeks; de har vekter for "),
        (#"; the level is national average \+ contribution, and a missing national average is not taken as 0"#,
         "; nivået er landsgjennomsnitt + bidrag, og et manglende landsgjennomsnitt regnes ikke som 0"),
        (#" in (\d{4}), and the report publishes no index"#, " i $1, og rapporten publiserer ingen indeks"),
        (#"; the report's own figure is served beside it, as published"#, "; rapportens eget tall står ved siden av, som publisert"),
        (#"no change from (\d{4}) to (\d{4}): "#, "ingen endring fra $1 til $2: "),
        (#"; left out, not counted as 0"#, "; utelatt, ikke regnet som 0"),
        (#"; left out"#, "; utelatt"),
        (#"the (\d{4}) figure is 0"#, "tallet for $1 er 0"),
        (#"no weighted indicator has a change from (\d{4}) to (\d{4}) for ([^;:()]+)"#, "ingen vektet indikator har en endring fra $1 til $2 for $3"),
        (#"the index needs every weighted indicator's score; ([^;:()]+?) has none for ([^;]+) in (\d{4})"#, "indeksen trenger skåren til hver vektet indikator; $1 har ingen for $2 i $3"),
        (#"the expenditure index is 0"#, "utgiftsindeksen er 0"),
        (#"; and the report publishes no score for it"#, "; og rapporten publiserer ingen skår for den"),
        (#"; and the report publishes no indicator"#, "; og rapporten publiserer ingen indikator"),
        (#"; and the report publishes no figure in kroner"#, "; og rapporten publiserer ikke noe tall i kroner"),
        (#"; and no published efficiency"#, "; og ingen publisert effektivitet"),
        (#"; and no figure of the composite itself \("#, "; og ikke noe tall for det sammensatte nøkkeltallet selv ("),
        (#"no efficiency for (\d{4}) \("#, "ingen effektivitet for $1 ("),
        (#"the data's (\d{4}) efficiency is implied by the published change itself, so it cannot give the change back"#,
         "dataenes effektivitet for $1 er avledet av den publiserte endringen selv, og kan ikke gi endringen tilbake"),
        (#"\) and no published change"#, ") og ingen publisert endring"),
        (#"production index: "#, "produksjonsindeks: "),
        (#"expenditure index: "#, "utgiftsindeks: "),
        (#"no computed average: "#, "ikke noe beregnet snitt: "),
        (#"no published average: "#, "ikke noe publisert snitt: "),
        (#"no score: "#, "ingen skår: "),
        (#"no weight: "#, "ingen vekt: "),
        (#", so it cannot be the base of a ratio"#, ", og kan derfor ikke være grunnlaget for et forhold"),
        // Requests the server refuses (status messages).
        (#"no region matches '([^']*)'; did you mean ([^?]+)\?"#, "ingen region passer til «$1»; mente du $2?"),
        (#"no region matches '([^']*)'"#, "ingen region passer til «$1»"),
        (#"no indicator has the id '([^']*)'; did you mean '([^']*)'\?"#, "ingen nøkkeltall har id-en «$1»; mente du «$2»?"),
        (#"no indicator has the id '([^']*)'"#, "ingen nøkkeltall har id-en «$1»"),
        (#"([a-z0-9_.]+) has no figures from (the start|\d+) to (the end|\d+); it has "#, "$1 har ingen tall fra $2 til $3; det har "),
        (#"from_year (\d+) is after to_year (\d+)"#, "from_year $1 er etter to_year $2"),
        (#"no figures in ([^;]+); "#, "ingen tall i $1; "),
        (#"\(([^)]*)\) has no figures to profile in (\d{4})"#, "($1) har ingen tall å lage tjenesteprofil av i $2"),
        (#"\(([^)]*)\) has no values in "#, "($1) har ingen verdier i "),
        (#" is empty; ListIndicators gives the ids"#, " er tom; ListIndicators gir id-ene"),
        // The connection (the client's own messages).
        (#"cannot connect to ([^ ]+?):(\d+)(?: \(connection (\d+) of (\d+)\))?: "#, "får ikke kontakt med $1:$2: "),
        (#"cannot resolve the host name \(([^)]*)\)"#, "kan ikke slå opp vertsnavnet ($1)"),
        (#"\bconnection refused\b"#, "forbindelsen ble avvist"),
        (#"\btimed out\b"#, "tidsavbrudd"),
        (#"cannot send to ([^:]+(?::\d+)?): "#, "kan ikke sende til $1: "),
        (#"^server answers ([A-Z_]+)$"#, "tjenesten svarer $1"),
        (#"^([^ ]+) closed the connection$"#, "$1 lukket forbindelsen"),
        (#"^connection to ([^ ]+) closed by the client$"#, "klienten lukket forbindelsen til $1"),
        (#"^no answer for ([^ ]+)$"#, "intet svar for $1"),
        // Single words and short reasons.
        (#"\(not yet available\)|\bnot yet available\b"#, "ikke tilgjengelig ennå"),
        (#"\bsuppressed for privacy\b"#, "skjult av personvernhensyn"),
        (#"\bnot applicable\b"#, "finnes ikke"),
        (#"\bnot published\b"#, "ikke publisert"),
        (#"\bthe start\b"#, "starten"),
        (#"\bthe end\b"#, "slutten"),
        (#"\bno figures\b"#, "ingen tall"),
        (#"\bno years\b"#, "ingen år"),
        (#"; did you mean "#, "; mente du "),
        (#"\bavailable: "#, "finnes: "),
        // A number alone in parentheses, "(−0.7)", with a decimal comma.
        (#"\(([−-]?\d+)\.(\d+)\)"#, "($1,$2)"),
    ]

    /// English words that no Norwegian text of these rules has: their
    /// presence means a phrase went untranslated.
    static let englishWords: Set<String> = [
        "the", "has", "have", "no", "not", "is", "of", "and", "figure", "figures", "missing", "none",
        "with", "value", "values", "cannot", "it", "its", "report", "data", "publishes", "published",
        "so", "in", "from", "to", "mean", "did", "which", "there", "are", "was", "be", "or", "nor",
        "could", "server", "connection", "refused", "timed", "out", "reset", "closed",
    ]

    /// Whether `text` has a word of ``englishWords`` outside «quotes».
    static func looksEnglish(_ text: String) -> Bool {
        var outside = ""
        var depth = 0
        for character in text {
            if character == "«" { depth += 1 } else if character == "»" { depth = max(0, depth - 1) } else if depth == 0 { outside.append(character) }
        }
        let words = outside.lowercased().split { !$0.isLetter }
        return words.contains { Self.englishWords.contains(String($0)) }
    }

    /// `text` with every match of `pattern` replaced by `template`.
    private static func replace(_ pattern: String, _ template: String, in text: String) -> String {
        guard let regex = try? Regex(pattern) else { return text }
        return text.replacing(regex) { match in
            var out = ""
            var characters = template[...]
            while let first = characters.first {
                characters = characters.dropFirst()
                if first == "$", let digit = characters.first?.wholeNumberValue, digit < match.output.count {
                    characters = characters.dropFirst()
                    out += match.output[digit].substring.map(String.init) ?? ""
                } else {
                    out.append(first)
                }
            }
            return out
        }
    }
}
