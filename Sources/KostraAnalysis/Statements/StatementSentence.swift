import KostraData

/// One statement phrased in one language; `StatementRenderer`'s worker.
struct StatementSentence {
    let statement: Statement
    let norwegian: Bool

    func render() -> String {
        let sentence: String?
        switch statement.kind {
        case .relativeToAverage: sentence = relativeToAverage()
        case .impliedValue: sentence = impliedValue()
        case .difference: sentence = difference()
        case .rank, .tie: sentence = rank()
        case .higherThan, .lowerThan: sentence = comparison()
        case .range: sentence = range()
        case .change: sentence = change()
        case .productionChange: sentence = productionChange()
        case .normMargin: sentence = normMargin()
        case .legalNorm: sentence = legalNorm()
        default: sentence = nil
        }
        let text = sentence ?? fallback()
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    // MARK: The kinds

    private func relativeToAverage() -> String? {
        guard let topic, let value = figure("value"), let percent = figure("percent")?.figure.value,
            let group = statement.group ?? statement.regions.first
        else { return nil }
        let subject = statement.subject
        if value.figure.unit == .index {
            let side = percent < 0 ? pick("below", "under") : pick("above", "over")
            let how = percent == 0 ? pick("equal to the average", "lik gjennomsnittet") : "\(amount(figure("percent"), absolute: true)) \(side) \(pick("the average", "gjennomsnittet"))"
            return norwegian
                ? "\(yearPrefix)var \(topic) for \(subject.name) \(amount(value)) (\(group.name) = 100), \(how)."
                : "\(yearPrefix)\(possessive(subject)) \(topic) was \(amount(value)) (\(name(group)) = 100): \(how)."
        }
        let reference = figure("reference")
        var points = ""
        if value.figure.unit == .percent, let difference = figure("difference") {
            points = "; " + amount(difference, absolute: true)
        }
        let side = percent < 0 ? pick("below", "lavere enn") : pick("above", "høyere enn")
        if norwegian {
            return "\(yearPrefix)var \(topic) i \(subject.name) \(amount(value)), \(amount(figure("percent"), absolute: true)) \(side) \(group.name) (\(amount(reference))\(points))."
        }
        return "\(yearPrefix)\(possessive(subject)) \(topic) was \(amount(value)), \(amount(figure("percent"), absolute: true)) \(side) \(article(group)) (\(amount(reference))\(points))."
    }

    private func impliedValue() -> String? {
        guard let topic, let value = figure("value"), let known = figure("known"), let gap = figure("difference")?.figure.value,
            let other = statement.regions.first
        else { return nil }
        let side = gap < 0 ? pick("less", "mindre") : pick("more", "mer")
        if norwegian {
            return "\(yearPrefix)var \(topic) i \(statement.subject.name) \(amount(value)), \(amount(figure("difference"), absolute: true)) \(side) enn i \(other.name) (\(amount(known))); tallet er utledet av tallet for \(other.name) og differansen."
        }
        return "\(yearPrefix)\(possessive(statement.subject)) \(topic) was \(amount(value)), \(amount(figure("difference"), absolute: true)) \(side) than \(possessive(other)) \(amount(known)) (implied: the report gives only \(possessive(other)) figure and the difference)."
    }

    private func difference() -> String? {
        guard let value = figure("value"), let amountValue = value.figure.value, let other = statement.regions.first else { return nil }
        let subject = statement.subject
        if value.figure.unit == .nok, statement.indicator?.unit == .index {
            // Resource use in kroner per inhabitant against spending as the average does.
            let side = amountValue < 0 ? pick("less", "mindre") : pick("more", "mer")
            return norwegian
                ? "\(yearPrefix)brukte \(subject.name) \(amount(value, absolute: true)) \(side) per innbygger enn kommunen ville brukt med samme ressursbruk i forhold til behovet som \(other.name)."
                : "\(yearPrefix)\(subject.name) spent \(amount(value, absolute: true)) \(side) per inhabitant than it would have spent using resources relative to its needs as \(article(other)) does."
        }
        guard let topic, statement.indicator.map({ $0.unit == value.figure.unit }) ?? false else { return nil }
        let side = amountValue < 0 ? pick("lower", "lavere") : pick("higher", "høyere")
        return norwegian
            ? "\(yearPrefix)var \(topic) \(amount(value, absolute: true)) \(side) i \(subject.name) enn i \(other.name)."
            : "\(yearPrefix)\(topic) was \(amount(value, absolute: true)) \(side) in \(subject.name) than in \(article(other))."
    }

    private func rank() -> String? {
        guard let topic else { return nil }
        let lowest = figure("rank_from_lowest")?.figure.value.map { Int($0) }
        let highest = figure("rank_from_highest")?.figure.value.map { Int($0) }
        let fromLowest: Bool
        let place: Int
        switch (lowest, highest) {
        case (let l?, let h?): (fromLowest, place) = l <= h ? (true, l) : (false, h)
        case (let l?, nil): (fromLowest, place) = (true, l)
        case (nil, let h?): (fromLowest, place) = (false, h)
        case (nil, nil): return nil
        }
        let end = fromLowest ? pick("lowest", "laveste") : pick("highest", "høyeste")
        let ordinal: String
        switch place {
        case 1: ordinal = ""
        case 2: ordinal = pick("second ", "nest ")
        case 3: ordinal = pick("third ", "3. ")
        default: ordinal = norwegian ? "\(place). " : "\(place)th "
        }
        var among = ""
        if let group = statement.group {
            let isASSS = group.code.hasPrefix("ASSS")
            among = " " + (isASSS ? pick("among the ASSS municipalities", "blant ASSS-kommunene") : pick("among the members of \(name(group))", "blant kommunene i \(group.name)"))
        }
        if let count = figure("count")?.figure.value {
            among += norwegian ? " (av \(Int(count)))" : " (of \(Int(count)))"
        }
        let subject = statement.subject.name
        if statement.kind == .tie {
            let others = list(statement.regions.map(name))
            let shared = figure("value").map { " (\(amount($0)))" } ?? ""
            return norwegian
                ? "\(yearPrefix)delte \(subject) den \(ordinal)\(end) \(topic)\(among) med \(others)\(shared)."
                : "\(yearPrefix)\(subject) shared the \(ordinal)\(end) \(topic)\(among) with \(others)\(shared)."
        }
        let after = place > 1 && !statement.regions.isEmpty ? pick(", after ", ", etter ") + list(statement.regions.map(name)) : ""
        return norwegian
            ? "\(yearPrefix)hadde \(subject) den \(ordinal)\(end) \(topic)\(among)\(after)."
            : "\(yearPrefix)\(subject) had the \(ordinal)\(end) \(topic)\(among)\(after)."
    }

    private func comparison() -> String? {
        guard let topic, !statement.regions.isEmpty else { return nil }
        let higher = statement.kind == .higherThan
        let side = higher ? pick("higher", "høyere") : pick("lower", "lavere")
        let own = figure("value", region: statement.subject.code).map { " (\(amount($0)))" } ?? ""
        let others = list(statement.regions.map { region in
            let value = figure("value", region: region.code).map { " (\(amount($0)))" } ?? ""
            return (norwegian ? region.name : article(region)) + value
        })
        return norwegian
            ? "\(yearPrefix)var \(topic) \(side) i \(statement.subject.name)\(own) enn i \(others)."
            : "\(yearPrefix)\(topic) was \(side) in \(statement.subject.name)\(own) than in \(others)."
    }

    private func range() -> String? {
        guard let topic, let low = figure("min"), let high = figure("max") else { return nil }
        let subject = statement.subject
        if statement.regions.count == 2 {
            let scope = subject.kind == .municipality
                ? pick("in \(subject.name)", "i \(subject.name)")
                : subject.code.hasPrefix("ASSS") ? pick("among the ASSS municipalities", "blant ASSS-kommunene") : pick("in \(name(subject))", "i \(subject.name)")
            let from = "\(amount(low)) (\(name(statement.regions[0])))"
            let to = "\(amount(high)) (\(name(statement.regions[1])))"
            return norwegian
                ? "\(yearPrefix)varierte \(topic) fra \(from) til \(to) \(scope)."
                : "\(yearPrefix)\(topic) ranged from \(from) to \(to) \(scope)."
        }
        return norwegian
            ? "\(yearPrefix)varierte \(topic) i \(subject.name) fra \(amount(low)) til \(amount(high))."
            : "\(yearPrefix)\(topic) in \(subject.name) ranged from \(amount(low)) to \(amount(high))."
    }

    private func change() -> String? {
        guard let topic, let value = figure("value"), let moved = value.figure.value else { return nil }
        let span = span()
        let subject = statement.subject.name
        if norwegian {
            if moved == 0 { return "\(span)var \(topic) i \(subject) uendret." }
            return moved < 0
                ? "\(span)gikk \(topic) i \(subject) ned med \(amount(value, absolute: true))."
                : "\(span)økte \(topic) i \(subject) med \(amount(value, absolute: true))."
        }
        if moved == 0 { return "\(span)\(possessive(statement.subject)) \(topic) did not change." }
        return "\(span)\(possessive(statement.subject)) \(topic) \(moved < 0 ? "fell" : "rose") by \(amount(value, absolute: true))."
    }

    private func productionChange() -> String? {
        guard let value = figure("value"), let moved = value.figure.value else { return nil }
        let service = statement.indicator?.service ?? "grunnskole"
        let area = norwegian ? service : (service == "grunnskole" ? "primary and lower secondary school" : service)
        var against = ""
        if let reference = figure("reference"), let code = reference.regionCode, let region = statement.regions.first(where: { $0.code == code }) {
            against = norwegian ? ", mot \(amount(reference)) for \(region.name)" : ", against \(amount(reference)) for \(article(region))"
        }
        let subject = statement.subject.name
        if norwegian {
            let verb = moved < 0 ? "gikk produksjonen i \(area) i \(subject) ned med" : moved > 0 ? "økte produksjonen i \(area) i \(subject) med" : "var produksjonen i \(area) i \(subject) uendret,"
            return moved == 0 ? "\(span())\(verb)\(against)." : "\(span())\(verb) \(amount(value, absolute: true))\(against)."
        }
        if moved == 0 { return "\(span())production in \(area) in \(subject) did not change\(against)." }
        return "\(span())production in \(area) in \(subject) \(moved < 0 ? "fell" : "rose") by \(amount(value, absolute: true))\(against)."
    }

    private func normMargin() -> String? {
        guard let topic, let value = figure("value"), let margin = figure("margin"), let room = margin.figure.value else { return nil }
        let subject = statement.subject.name
        let side = room < 0 ? pick("above", "over") : pick("below", "under")
        if let maximum = figure("maximum") {
            if room == 0 {
                return norwegian
                    ? "\(yearPrefix)var \(topic) i \(subject) \(amount(value)), lik lovens maksimum på \(amount(maximum))."
                    : "\(yearPrefix)\(topic) in \(subject) was \(amount(value)), exactly the legal maximum of \(amount(maximum))."
            }
            return norwegian
                ? "\(yearPrefix)var \(topic) i \(subject) \(amount(value)), \(amount(margin, absolute: true)) \(side) lovens maksimum på \(amount(maximum))."
                : "\(yearPrefix)\(topic) in \(subject) was \(amount(value)), \(amount(margin, absolute: true)) \(side) the legal maximum of \(amount(maximum))."
        }
        let equalGrades = figure("norm") != nil
        guard let norm = figure("norm") ?? figure("norm_mix") else { return nil }
        let harmonic = figure("norm_harmonic").map { h in
            norwegian ? " (\(amount(h, decimals: 2)) regnet konsistent med lærertimer)" : " (\(amount(h, decimals: 2)) in the teacher-hour-consistent form)"
        } ?? ""
        let mix = equalGrades
            ? pick("for a school with ten grades of equal size", "for en skole med ti like store trinn")
            : pick("for its mix of grades", "for kommunens fordeling på trinn")
        return norwegian
            ? "\(yearPrefix)var \(topic) i \(subject) \(amount(value)), \(amount(margin, absolute: true)) \(side) normen på \(amount(norm)) \(mix)\(harmonic)."
            : "\(yearPrefix)\(topic) in \(subject) was \(amount(value)), \(amount(margin, absolute: true)) \(side) the norm of \(amount(norm)) \(mix)\(harmonic)."
    }

    private func legalNorm() -> String? {
        guard let topic, let maximum = figure("max") else { return nil }
        return norwegian ? "Lovens maksimum for \(topic) er \(amount(maximum))." : "The legal maximum of \(topic) is \(amount(maximum))."
    }

    private func fallback() -> String {
        if !norwegian { return statement.text ?? "\(statement.kind.rawValue): \(statement.subject.name)" }
        let quote = statement.source.filter { $0 != "«" && $0 != "»" }
        return statement.source.hasPrefix("«") ? quote : (statement.text ?? statement.source)
    }

    // MARK: Pieces

    private func pick(_ english: String, _ norwegianText: String) -> String {
        norwegian ? norwegianText : english
    }

    private func figure(_ role: String, region: String? = nil) -> StatementFigure? {
        statement.figure(role, region: region)
    }

    /// "I 2024 " / "In 2024, " (empty without a year).
    private var yearPrefix: String {
        guard let year = statement.year else { return "" }
        return norwegian ? "I \(year) " : "In \(year), "
    }

    /// "Fra 2023 til 2024 " / "From 2023 to 2024, ".
    private func span() -> String {
        guard let year = statement.year else { return "" }
        guard let base = statement.baseYear else { return yearPrefix }
        return norwegian ? "Fra \(base) til \(year) " : "From \(base) to \(year), "
    }

    /// The indicator's name for use inside a sentence: first letter small, "(ASSS-snitt = 100)" dropped.
    private var topic: String? {
        guard let indicator = statement.indicator else { return nil }
        var text = norwegian ? indicator.nameNb : indicator.nameEn
        if text.hasSuffix(")"), let open = text.lastIndex(of: "("), text[open...].contains("= 100") {
            text = String(text[..<open]).trimmingTrailingSpaces()
        }
        guard let first = text.first else { return nil }
        let second = text.dropFirst().first
        if first.isUppercase, !(second?.isUppercase ?? false) {
            text = first.lowercased() + text.dropFirst()
        }
        return text
    }

    private func name(_ region: Region) -> String {
        norwegian ? region.name : (region.nameEn ?? region.name)
    }

    /// "the ASSS average incl. Oslo" for a group, the name for a municipality or the country.
    private func article(_ region: Region) -> String {
        region.kind == .groupAverage ? "the " + name(region) : name(region)
    }

    private func possessive(_ region: Region) -> String {
        let text = article(region)
        return text.hasSuffix("s") ? text + "'" : text + "'s"
    }

    private func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + pick(" and ", " og ") + (items.last ?? "")
    }

    /// A figure's value with its unit, as the language writes it.
    private func amount(_ figure: StatementFigure?, absolute: Bool = false, decimals: Int? = nil) -> String {
        guard let figure, let raw = figure.figure.value else { return pick("(missing)", "(mangler)") }
        let value = absolute ? abs(raw) : raw
        let places = decimals ?? figure.decimals
        let number = norwegian ? NumberText.norwegian(value, decimals: places) : NumberText.english(value, decimals: places)
        switch figure.figure.unit {
        case .nok: return norwegian ? "\(number) kr" : "NOK \(number)"
        case .thousandNok: return norwegian ? "\(number) tusen kr" : "NOK \(number) thousand"
        case .percent: return norwegian ? "\(number) %" : "\(number)%"
        case .percentagePoints: return norwegian ? "\(number) prosentpoeng" : "\(number) percentage points"
        case .hours: return norwegian ? "\(number) timer" : "\(number) hours"
        default: return number
        }
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " || text.last == "," { text = text.dropLast() }
        return String(text)
    }
}
