import KostraCodec

extension KostraV1.Figure {
    /// The figure as the JSON output gives it: value (null when missing),
    /// unit, why it is missing, and its provenance.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("value", .number(self.value)),
            ("unit", .string(self.unit.key)),
        ]
        if !self.missingReason.isEmpty {
            members.append(("missing_reason", .string(self.missingReason)))
        }
        if let provenance = self.provenance {
            members.append(("provenance", provenance.json))
        }
        return .object(members)
    }

    /// The figure for a table: its value in the style's format, with " %"
    /// for percentages, or "–" when missing.
    func text(_ style: NumberStyle, decimals: Int = 1) -> String {
        guard let value = self.value else { return "–" }
        switch self.unit {
        case .percent: return style.percent(value, decimals: decimals)
        case .nok: return style.format(value, decimals: 0) + " kr"
        default: return style.format(value, decimals: decimals)
        }
    }

    /// "publisert" / "beregnet" (published / computed).
    func origin(_ language: NumberStyle.Language) -> String {
        guard self.value != nil else { return language == .nb ? "mangler" : "missing" }
        let published = self.provenance?.published == true
        switch language {
        case .nb: return published ? "publisert" : "beregnet"
        case .en: return published ? "published" : "computed"
        }
    }
}

extension KostraV1.Provenance {
    /// Provenance as the JSON output gives it.
    var json: JSONValue {
        .object([
            ("method", .string(self.method.key)),
            ("formula", .string(self.formula)),
            ("published", .bool(self.published)),
            ("source", .string(self.source)),
            ("status", .string(self.status.key)),
            (
                "inputs",
                .array(
                    self.inputs.map { input in
                        .object([
                            ("indicator_id", .string(input.indicatorId)),
                            ("region_code", .string(input.regionCode)),
                            ("year", .number(Double(input.year))),
                            ("value", .number(input.value)),
                            ("status", .string(input.status.key)),
                            ("source", .string(input.source)),
                        ])
                    }
                )
            ),
        ])
    }
}

extension KostraV1.AnalysisMethod {
    /// The method as a JSON value.
    var key: String {
        switch self {
        case .serviceProfile: "service_profile"
        case .comparison: "comparison"
        case .groupAverage: "group_average"
        case .productionIndex: "production_index"
        case .productionChange: "production_change"
        case .relativeEfficiency: "relative_efficiency"
        case .resourceUse: "resource_use"
        case .teacherNorm: "teacher_norm"
        case .published: "published"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "method_\(value)"
        }
    }
}

extension Optional where Wrapped == KostraV1.Figure {
    /// A figure that may be absent, as JSON.
    var json: JSONValue { self.map(\.json) ?? .null }
}
