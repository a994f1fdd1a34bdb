import KostraCodec

extension KostraV1.Unit {
    /// The unit as a table title gives it ("1000 kr", "prosent").
    func label(_ language: NumberStyle.Language) -> String {
        switch (self, language) {
        case (.nok, _): "kr"
        case (.thousandNok, .nb): "1000 kr"
        case (.thousandNok, .en): "NOK 1,000"
        case (.percent, .nb): "prosent"
        case (.percent, .en): "per cent"
        case (.number, .nb): "antall"
        case (.number, .en): "number"
        case (.index, .nb): "indeks"
        case (.index, .en): "index"
        case (.hours, .nb): "timer"
        case (.hours, .en): "hours"
        case (.points, .nb): "poeng"
        case (.points, .en): "points"
        case (.fraction, .nb): "andel"
        case (.fraction, .en): "share"
        case (.percentagePoints, .nb): "prosentpoeng"
        case (.percentagePoints, .en): "percentage points"
        default: ""
        }
    }

    /// The unit as a JSON or CSV value: the schema's name, lower-case.
    var key: String {
        switch self {
        case .nok: "nok"
        case .thousandNok: "thousand_nok"
        case .percent: "percent"
        case .number: "number"
        case .index: "index"
        case .hours: "hours"
        case .points: "points"
        case .fraction: "fraction"
        case .percentagePoints: "percentage_points"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "unit_\(value)"
        }
    }
}

extension KostraV1.MissingReason {
    /// SSB's symbol for the reason: "..", ":", "." ; "–" where the source has no figure.
    var symbol: String {
        switch self {
        case .notAvailable: ".."
        case .suppressed: ":"
        case .notApplicable: "."
        default: "–"
        }
    }

    /// The reason as a JSON or CSV value.
    var key: String {
        switch self {
        case .none: "none"
        case .notAvailable: "not_available"
        case .suppressed: "suppressed"
        case .notApplicable: "not_applicable"
        case .notPublished: "not_published"
        case .outsideData: "outside_data"
        case .unrecognized(let value): "missing_\(value)"
        }
    }

    /// A footnote explaining the symbol: the symbol, then why.
    func footnote(_ language: NumberStyle.Language) -> String {
        self.symbol + String(repeating: " ", count: max(1, 4 - self.symbol.count)) + self.explanation(language)
    }

    /// Why a value with this reason is missing, in words.
    func explanation(_ language: NumberStyle.Language) -> String {
        switch (self, language) {
        case (.notAvailable, .nb): "Tall ikke tilgjengelig ennå (SSB)."
        case (.notAvailable, .en): "Figure not yet available (SSB)."
        case (.suppressed, .nb): "Vernet for å hindre identifisering (SSB)."
        case (.suppressed, .en): "Suppressed to protect privacy (SSB)."
        case (.notApplicable, .nb): "Tallet finnes ikke (SSB)."
        case (.notApplicable, .en): "Not applicable (SSB)."
        case (.outsideData, .nb): "Året ligger utenfor årene dataene har for nøkkeltallet."
        case (.outsideData, .en): "The year lies outside the years the data has for the indicator."
        case (_, .nb): "Kilden oppgir ikke tallet."
        case (_, .en): "The source gives no figure."
        }
    }
}

extension KostraV1.FigureStatus {
    /// The status as a JSON or CSV value.
    var key: String {
        switch self {
        case .preliminary: "preliminary"
        case .final: "final"
        case .asPublished: "as_published"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "status_\(value)"
        }
    }
}

extension KostraV1.RegionKind {
    /// The kind as a JSON or CSV value.
    var key: String {
        switch self {
        case .municipality: "municipality"
        case .groupAverage: "group_average"
        case .country: "country"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "kind_\(value)"
        }
    }
}

extension KostraV1.Direction {
    /// The direction as a JSON or CSV value.
    var key: String {
        switch self {
        case .higherIsBetter: "higher_is_better"
        case .lowerIsBetter: "lower_is_better"
        case .higherCostsMore: "higher_costs_more"
        case .higherCostsLess: "higher_costs_less"
        case .neutral: "neutral"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "direction_\(value)"
        }
    }
}

extension KostraV1.Aggregation {
    /// The aggregation as a JSON or CSV value.
    var key: String {
        switch self {
        case .weighted: "weighted"
        case .plainMean: "plain_mean"
        case .publishedOnly: "published_only"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "aggregation_\(value)"
        }
    }
}
