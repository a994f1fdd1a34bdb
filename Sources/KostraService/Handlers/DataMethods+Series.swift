public import KostraCodec
import KostraData
public import KostraProtocol

extension DataMethods {
    /// One indicator for the regions asked, over the years asked: a table with
    /// regions as rows and years as columns. Every row has a cell for every
    /// year asked; a cell the source lacks is missing with its reason, never
    /// zero, and a year outside the years the data has for the indicator is
    /// missing as `outsideData`. With `include_history`, each series also
    /// carries the figures later ones replaced.
    public func series(
        _ request: KostraV1.GetSeriesRequest,
        context: RequestContext
    ) throws(RPCError) -> KostraV1.GetSeriesResponse {
        let indicator = try self.resolveIndicator(request.indicatorId, field: "indicator_id")
        let regions = try self.resolveRegions(request.regions, field: "regions", indicator: indicator)
        let years = try self.resolveYears(from: request.fromYear, to: request.toYear, indicator: indicator)
        let available = self.dataset.years(of: indicator.id)
        let span = available.first.map { "\($0)–\(available.last!)" } ?? ""
        try context.checkDeadline()

        let series = regions.map { region in
            let found = self.dataset.observations(indicatorId: indicator.id, regionCode: region.code, eachOf: years)
            return KostraV1.Series(
                indicatorId: indicator.id,
                regionCode: region.code,
                observations: zip(years, found).map { year, observation in
                    if let observation {
                        return KostraV1.Observation(observation)
                    }
                    if let first = available.first, let last = available.last, !(first...last).contains(year) {
                        return KostraV1.Observation.outsideData(regionCode: region.code, year: year, span: span)
                    }
                    return KostraV1.Observation.notPublished(regionCode: region.code, year: year)
                },
                history: request.includeHistory
                    ? self.dataset.revisions(indicatorId: indicator.id, regionCode: region.code, years: years.first!...years.last!)
                        .map(KostraV1.Observation.init)
                    : []
            )
        }
        return KostraV1.GetSeriesResponse(
            indicator: KostraV1.Indicator(indicator),
            series: series,
            regions: regions.map(KostraV1.Region.init),
            years: years.map { Int32($0) }
        )
    }

    /// The indicator with `id`, or NOT_FOUND with close matches.
    func resolveIndicator(_ id: String, field: String) throws(RPCError) -> Indicator {
        guard !id.isEmpty else {
            throw RPCError.invalidArgument(field: field, "\(field) is empty; ListIndicators gives the ids")
        }
        if let indicator = self.dataset.indicator(id: id) {
            return indicator
        }
        let suggestions = self.dataset.suggestIndicators(for: id).map(\.id)
        var message = "no indicator has the id '\(id)'"
        if let first = suggestions.first {
            message += "; did you mean '\(first)'?"
        }
        throw RPCError.notFound(field: field, message, suggestions: suggestions)
    }

    /// Each query resolved to a region, in order, without repeats; an empty
    /// list means every region that has the indicator.
    func resolveRegions(_ queries: [String], field: String, indicator: Indicator) throws(RPCError) -> [Region] {
        guard !queries.isEmpty else {
            return self.dataset.regionCodes(withDataFor: indicator.id).compactMap { self.dataset.region(code: $0) }
        }
        var regions: [Region] = []
        for (index, query) in queries.enumerated() {
            switch self.dataset.resolveRegion(query) {
            case .found(let region):
                if !regions.contains(region) {
                    regions.append(region)
                }
            case .notFound(let suggestions):
                var message = "no region matches '\(query)'"
                if let first = suggestions.first {
                    message += "; did you mean \(first.name) (\(first.code))?"
                }
                throw RPCError.notFound(
                    field: "\(field)[\(index)]",
                    message,
                    suggestions: suggestions.map(\.name)
                )
            }
        }
        return regions
    }

    /// The most years one `GetSeries` may ask for: every year asked is
    /// answered, so a longer range would only multiply missing cells.
    static let maxSeriesYears = 100

    /// Every year from `from` to `to` (PROTOCOL.md section 8: one observation
    /// per year asked for); 0 leaves a side open, at the indicator's earliest
    /// or latest year. NOT_FOUND when no year of the range has figures (the
    /// range is wholly outside the data); INVALID_ARGUMENT for a reversed range
    /// or one longer than `maxSeriesYears`.
    func resolveYears(from: Int32, to: Int32, indicator: Indicator) throws(RPCError) -> [Int] {
        if from != 0, to != 0, from > to {
            throw RPCError.invalidArgument(field: "from_year", "from_year \(from) is after to_year \(to)")
        }
        let available = self.dataset.years(of: indicator.id)
        let inRange = available.filter { (from == 0 || $0 >= from) && (to == 0 || $0 <= to) }
        guard let earliest = inRange.first, let latest = inRange.last else {
            let span = available.isEmpty ? "no years" : "\(available.first!)–\(available.last!)"
            throw RPCError.notFound(
                field: from != 0 ? "from_year" : "to_year",
                "\(indicator.id) has no figures from \(from == 0 ? "the start" : "\(from)") to \(to == 0 ? "the end" : "\(to)"); it has \(span)",
                available: available.map(String.init)
            )
        }
        let first = from == 0 ? earliest : Int(from)
        let last = to == 0 ? latest : Int(to)
        guard last - first + 1 <= Self.maxSeriesYears else {
            throw RPCError.invalidArgument(
                field: "to_year",
                "from_year \(first) to to_year \(last) is \(last - first + 1) years; at most \(Self.maxSeriesYears) can be asked at once"
            )
        }
        return Array(first...last)
    }
}
