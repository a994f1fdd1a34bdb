import KostraData

extension Analysis {
    /// The norm that applies to a mix of pupils by grade (1-10), with the law's maxima as
    /// constants (15 in grades 1-4, 20 in 5-10): the pupil-weighted arithmetic mean, which the
    /// chapter uses (18 for ten grades of equal size), and the harmonic, teacher-hour-consistent
    /// form (17.647... for the same). See `TeacherNormMix`.
    ///
    /// - Throws: `.invalidArgument` for a grade outside 1-10, a negative or non-finite count,
    ///   or no pupils at all.
    public static func norm(pupilsByGrade: [Int: Double]) throws(AnalysisError) -> TeacherNormMix {
        try norm(pupilsByGrade: pupilsByGrade, maxima: .statutory)
    }

    /// The norm that applies to a mix of pupils by grade, with the given maxima.
    ///
    /// arithmetic = Σ p_g·max_g / Σ p_g; harmonic = Σ p_g / Σ (p_g / max_g). Pure.
    ///
    /// - Throws: `.invalidArgument` for a grade outside 1-10, a negative or non-finite count,
    ///   no pupils at all, or a maximum that is not positive.
    public static func norm(pupilsByGrade: [Int: Double], maxima: TeacherNormMaxima) throws(AnalysisError) -> TeacherNormMix {
        let field = "pupils_by_grade"
        for (grade, pupils) in pupilsByGrade.sorted(by: { $0.key < $1.key }) {
            guard (1...10).contains(grade) else {
                throw AnalysisError(.invalidArgument, field: field, "grade \(grade) is not a grunnskole grade (1-10)", available: (1...10).map(String.init))
            }
            guard pupils.isFinite, pupils >= 0 else {
                throw AnalysisError(.invalidArgument, field: field, "grade \(grade) has \(pupils) pupils; a count must be a finite number, 0 or more")
            }
        }
        let total = pupilsByGrade.values.reduce(0, +)
        guard total > 0 else {
            throw AnalysisError(.invalidArgument, field: field, "no pupils in any grade: a norm for no pupils does not exist")
        }
        // Pupils by maximum, merging bands with the same maximum: (4 × 15 + 6 × 20) / 10.
        var pupilsByMaximum: [Double: Double] = [:]
        var inputs: [AnalysisInput] = []
        for (band, entry) in TeacherNormMaxima.bands.enumerated() {
            let pupils = entry.grades.reduce(0.0) { $0 + (pupilsByGrade[$1] ?? 0) }
            guard pupils > 0 else { continue }
            let maximum = maxima.maximum(band: band)
            guard maximum > 0, maximum.isFinite else {
                throw AnalysisError(.invalidArgument, field: "maxima", "the maximum for grades \(entry.grades.lowerBound)-\(entry.grades.upperBound) is \(maximum); it must be positive")
            }
            pupilsByMaximum[maximum, default: 0] += pupils
            if band < maxima.inputs.count { inputs.append(maxima.inputs[band]) }
        }
        let groups = pupilsByMaximum.sorted { $0.key < $1.key }
        let weighted = groups.reduce(0.0) { $0 + $1.value * $1.key }
        let hours = groups.reduce(0.0) { $0 + $1.value / $1.key }
        let count = NumberText.formula(total)
        let arithmetic = Figure(
            value: weighted / total,
            unit: .number,
            provenance: Provenance(
                method: .teacherNorm,
                formula: "(" + groups.map { "\(NumberText.formula($0.value)) × \(NumberText.formula($0.key))" }.joined(separator: " + ") + ") / \(count)",
                inputs: inputs
            )
        )
        let harmonic = Figure(
            value: total / hours,
            unit: .number,
            provenance: Provenance(
                method: .teacherNorm,
                formula: "\(count) / (" + groups.map { "\(NumberText.formula($0.value)) / \(NumberText.formula($0.key))" }.joined(separator: " + ") + ")",
                inputs: inputs
            )
        )
        return TeacherNormMix(pupilsByGrade: pupilsByGrade, arithmetic: arithmetic, harmonic: harmonic)
    }

    /// A municipality's group size 2 against the teacher norm for a year: each band (1-4, 5-7,
    /// 8-10) against its legal maximum, with the margin maximum − group size; and the overall
    /// group size against the norm for its mix of grades (ten grades of equal size unless the
    /// data has pupils per band), in the chapter's arithmetic form and the harmonic form.
    ///
    /// The maxima are the data's `legal_norm` facts where present, else
    /// `TeacherNormMaxima.statutory`. Bærum 2024: 1-4 14.3 against 15 (0.7 below), 5-7 18.6
    /// against 20 (1.4 below), 8-10 19.1 against 20 (0.9 below), overall 16.9 against 18.
    ///
    /// - Throws: `.invalidArgument` for a group; `.notFound` for an unknown region, a year
    ///   without data, or a municipality without any group size 2 in the year.
    public func teacherNorm(region: String, year: Int) throws(AnalysisError) -> TeacherNormResult {
        let municipality = try self.municipality(region, field: "region")
        try self.requireYear(year)
        let reader = FigureReader(dataset: self.dataset)
        let maxima = self.teacherNormMaxima(year: year)

        let bands = TeacherNormMaxima.bands.enumerated().map { band, entry in
            let groupSize = reader.figure(entry.indicatorId, regionCode: municipality.code, year: year, method: .teacherNorm)
            let maximum = maxima.maximum(band: band)
            let maximumInput = band < maxima.inputs.count ? [maxima.inputs[band]] : []
            let legalMaximum = Figure(
                value: maximum,
                unit: .number,
                provenance: Provenance(method: .teacherNorm, formula: NumberText.formula(maximum), inputs: maximumInput)
            )
            let margin = Self.normMargin(legalMaximum, groupSize)
            return TeacherNormBand(
                grades: entry.grades,
                indicatorId: entry.indicatorId,
                groupSize: groupSize,
                legalMaximum: legalMaximum,
                margin: margin,
                isWithinNorm: groupSize.value.map { $0 <= maximum }
            )
        }
        let overall = reader.figure(TeacherNormResult.overallId, regionCode: municipality.code, year: year, method: .teacherNorm)
        guard overall.value != nil || bands.contains(where: { $0.groupSize.value != nil }) else {
            let ids = [TeacherNormResult.overallId] + TeacherNormMaxima.bands.map(\.indicatorId)
            let available = reader.regionNames(withValueFor: ids, year: year)
            throw AnalysisError(
                .notFound,
                field: "region",
                "the data has no group size 2 for \(municipality.name) in \(year)"
                    + (available.isEmpty ? "" : "; it has for " + available.joined(separator: ", ")),
                available: available
            )
        }

        let pupils = TeacherNormResult.pupilsIds.map { reader.figure($0, regionCode: municipality.code, year: year, method: .teacherNorm) }
        var mix: [Int: Double] = [:]
        let equalGrades = pupils.contains { $0.value == nil } || pupils.allSatisfy { ($0.value ?? 0) == 0 }
        if equalGrades {
            for grade in 1...10 { mix[grade] = 1 }
        } else {
            // A band's pupils spread evenly over its grades: the norm depends only on the bands.
            for (entry, figure) in zip(TeacherNormMaxima.bands, pupils) {
                for grade in entry.grades { mix[grade] = (figure.value ?? 0) / Double(entry.grades.count) }
            }
        }
        var norm: TeacherNormMix
        do {
            norm = try Self.norm(pupilsByGrade: mix, maxima: maxima)
        } catch {
            let missing = Figure(
                missing: error.message,
                unit: .number,
                provenance: Provenance(method: .teacherNorm, formula: "norm for the mix of grades", inputs: maxima.inputs)
            )
            norm = TeacherNormMix(pupilsByGrade: mix, arithmetic: missing, harmonic: missing)
        }
        if !equalGrades {
            let pupilInputs = pupils.flatMap(\.provenance.inputs)
            norm.arithmetic.provenance.inputs += pupilInputs
            norm.harmonic.provenance.inputs += pupilInputs
        }

        let published = self.dataset.facts.first {
            $0.kind == "norm_average" && $0.indicatorId == TeacherNormResult.overallId && $0.figures["value"] != nil
        }.map { fact in
            Figure(value: fact.figures["value"] ?? 0, unit: .number, provenance: .published(fact: fact, role: "value"))
        }

        return TeacherNormResult(
            region: municipality,
            year: year,
            bands: bands,
            maxima: maxima,
            overallGroupSize: overall,
            overallNorm: norm,
            assumesEqualGrades: equalGrades,
            overallMargin: Self.normMargin(norm.arithmetic, overall),
            overallMarginHarmonic: Self.normMargin(norm.harmonic, overall),
            publishedNormAverage: published
        )
    }

    /// The maxima from the data's `legal_norm` facts, band by band, else the constants.
    func teacherNormMaxima(year: Int) -> TeacherNormMaxima {
        var values: [Double] = []
        var inputs: [AnalysisInput] = []
        for (band, entry) in TeacherNormMaxima.bands.enumerated() {
            let fact = self.dataset.facts.first {
                $0.kind == "legal_norm" && $0.indicatorId == entry.indicatorId && ($0.figures["max"] ?? 0) > 0
                    && ($0.year == nil || $0.year == year)
            }
            if let fact, let maximum = fact.figures["max"] {
                values.append(maximum)
                inputs.append(
                    AnalysisInput(indicatorId: entry.indicatorId, regionCode: fact.subject, year: fact.year ?? 0, value: maximum, status: fact.status, source: fact.source)
                )
            } else {
                values.append(TeacherNormMaxima.statutory.maximum(band: band))
                inputs.append(TeacherNormMaxima.statutory.inputs[band])
            }
        }
        return TeacherNormMaxima(grades1to4: values[0], grades5to7: values[1], grades8to10: values[2], inputs: inputs)
    }

    /// maximum − group size, or missing with the group size's reason.
    static func normMargin(_ maximum: Figure, _ groupSize: Figure) -> Figure {
        guard let m = maximum.value, let g = groupSize.value else {
            return Figure(
                missing: groupSize.missingReason ?? maximum.missingReason ?? "missing",
                unit: .number,
                provenance: Provenance(method: .teacherNorm, formula: "maximum − group size", inputs: groupSize.provenance.inputs)
            )
        }
        return Figure(
            value: m - g,
            unit: .number,
            provenance: Provenance(
                method: .teacherNorm,
                formula: "\(NumberText.formula(m)) − \(NumberText.formula(g))",
                inputs: maximum.provenance.inputs + groupSize.provenance.inputs
            )
        )
    }
}
