import KostraData

extension Analysis {
    /// The service profile (tjenesteprofil) of `region` in `year`: every indicator the region
    /// has a figure for that year, as `index = 100 × value / reference value`, the reference
    /// being 100.
    ///
    /// - Parameters:
    ///   - region: the region profiled (code, former code or name).
    ///   - year: the year.
    ///   - reference: the region that is 100: a group average (default "ASSS", ASSS med Oslo),
    ///     the country or another municipality; not the region itself.
    ///   - service: only indicators of this service area ("grunnskole"); `nil` or empty for all.
    ///
    /// Indicators in unit `.index` are already relative to ASSS = 100 and are left out. A
    /// region's figure that is stated missing gives a row whose index is missing with the
    /// reason; an indicator where the reference has no figure, or 0, gives a row whose index is
    /// missing with the reason, never 0.
    ///
    /// - Throws: NOT_FOUND on "region" for an unknown region (with suggestions);
    ///   INVALID_ARGUMENT on "reference" for an unknown reference or the region itself;
    ///   NOT_FOUND on "year" for a year the data lacks, or in which the region has no figure
    ///   (listing the years it has); NOT_FOUND on "service" for a service without indicators.
    public func serviceProfile(
        region: String,
        year: Int,
        reference: String = "ASSS",
        service: String? = nil
    ) throws(AnalysisError) -> ServiceProfile {
        let subject = try self.region(region, field: "region")
        let referenceRegion = try self.profileReference(reference, for: subject)
        try self.requireYear(year)
        let indicators = try self.profileIndicators(service: service)

        var rows: [ProfileRow] = []
        for indicator in indicators where indicator.unit != .index {
            guard let observation = self.dataset.observation(indicatorId: indicator.id, regionCode: subject.code, year: year) else {
                continue
            }
            let referenceObservation = self.dataset.observation(indicatorId: indicator.id, regionCode: referenceRegion.code, year: year)
            rows.append(ProfileRow(
                indicator: indicator,
                value: observation.value,
                referenceValue: referenceObservation?.value,
                index: Self.profileIndex(
                    indicator: indicator,
                    year: year,
                    subject: (subject, observation),
                    reference: (referenceRegion, referenceObservation)
                )
            ))
        }
        guard !rows.isEmpty else {
            let years = indicators.filter { $0.unit != .index }.reduce(into: Set<Int>()) { years, indicator in
                for observation in self.dataset.observations(indicatorId: indicator.id, regionCode: subject.code) {
                    years.insert(observation.year)
                }
            }.sorted()
            let has = years.isEmpty ? "none in any year" : "figures in \(years.map(String.init).joined(separator: ", "))"
            throw AnalysisError(
                .notFound,
                field: "year",
                "\(subject.name) (\(subject.code)) has no figures to profile in \(year)\(service.map { " for the service '\($0)'" } ?? ""); it has \(has)",
                available: years.map(String.init)
            )
        }
        return ServiceProfile(region: subject, reference: referenceRegion, year: year, rows: rows)
    }

    /// The reference a profile is relative to: any known region but the profiled one, or the
    /// subject's own KOSTRA group or county by a word ("kostragruppe", "fylke"). An
    /// unknown reference is INVALID_ARGUMENT on "reference" (with suggestions).
    private func profileReference(_ query: String, for subject: Region) throws(AnalysisError) -> Region {
        if let own = try self.ownGroup(query, of: subject, field: "reference") { return own }
        switch self.dataset.resolveRegion(query) {
        case .found(let found):
            guard found.code != subject.code else {
                throw AnalysisError(
                    .invalidArgument,
                    field: "reference",
                    "reference: \(found.name) (\(found.code)) is the region profiled; choose a group average, the country or another municipality"
                )
            }
            return found
        case .notFound(let suggestions):
            var message = "reference: no region matches '\(query)'"
            if let first = suggestions.first {
                message += "; did you mean \(first.name) (\(first.code))?"
            }
            throw AnalysisError(.invalidArgument, field: "reference", message, suggestions: suggestions.map(\.name))
        }
    }

    /// The indicators of a service, or all; NOT_FOUND on "service" for a service without any.
    private func profileIndicators(service: String?) throws(AnalysisError) -> [Indicator] {
        guard let service, !service.allSatisfy(\.isWhitespace) else {
            return self.dataset.indicators
        }
        let indicators = self.dataset.indicators(service: service)
        guard !indicators.isEmpty else {
            var services: [String] = []
            for indicator in self.dataset.indicators where !services.contains(indicator.service) {
                services.append(indicator.service)
            }
            throw AnalysisError(
                .notFound,
                field: "service",
                "no indicator belongs to the service '\(service)'; the data has \(services.joined(separator: ", "))",
                available: services
            )
        }
        return indicators
    }

    /// `100 × value / reference value`, or a missing figure saying why not.
    private static func profileIndex(
        indicator: Indicator,
        year: Int,
        subject: (region: Region, observation: Observation),
        reference: (region: Region, observation: Observation?)
    ) -> Figure {
        let inputs = [subject.observation, reference.observation].compactMap { $0 }.map(AnalysisInput.init)
        let value = subject.observation.value
        let referenceValue = reference.observation?.value
        let provenance = Provenance(
            method: .serviceProfile,
            formula: "100 × \(ComparisonWording.number(value)) / \(ComparisonWording.number(referenceValue))",
            inputs: inputs
        )
        guard let value else {
            return Figure(
                missing: ComparisonWording.noValue(subject.observation, region: subject.region, indicator: indicator, year: year),
                unit: .index,
                provenance: provenance
            )
        }
        guard let referenceValue else {
            return Figure(
                missing: ComparisonWording.noValue(reference.observation, region: reference.region, indicator: indicator, year: year),
                unit: .index,
                provenance: provenance
            )
        }
        guard referenceValue > 0 else {
            let why = referenceValue == 0
                ? "is 0, so no index can be formed"
                : "is negative (\(ComparisonWording.number(referenceValue))), so an index would not read as a share of it"
            return Figure(
                missing: "\(reference.region.name)'s figure for \(indicator.id) in \(year) \(why)",
                unit: .index,
                provenance: provenance
            )
        }
        return Figure(value: 100 * value / referenceValue, unit: .index, provenance: provenance)
    }
}
