public import KostraData

/// The analysis methods of a KOSTRA chapter over one dataset: plain Swift
/// over plain values, knowing neither the network nor the wire format.
///
/// Each method lives in an extension in its own folder; METHODS.md gives
/// each formula, its source, and the choices made where sources are silent.
public struct Analysis: Sendable {
    /// The data analysed.
    public let dataset: Dataset

    /// The analysis of `dataset`.
    public init(dataset: Dataset) {
        self.dataset = dataset
    }

    /// The region a request names, or NOT_FOUND naming close matches.
    public func region(_ query: String, field: String) throws(AnalysisError) -> Region {
        switch self.dataset.resolveRegion(query) {
        case .found(let region):
            return region
        case .notFound(let suggestions):
            var message = "no region matches '\(query)'"
            if let first = suggestions.first {
                message += "; did you mean \(first.name) (\(first.code))?"
            }
            throw AnalysisError(.notFound, field: field, message, suggestions: suggestions.map(\.name))
        }
    }

    /// The region a request names, which must be a municipality.
    public func municipality(_ query: String, field: String) throws(AnalysisError) -> Region {
        let region = try self.region(query, field: field)
        guard region.kind == .municipality else {
            throw AnalysisError(
                .invalidArgument,
                field: field,
                "\(field) must be a municipality, but \(region.name) (\(region.code)) is a \(region.kind == .groupAverage ? "group average" : "country aggregate")"
            )
        }
        return region
    }

    /// Checks that the data has `year`, or NOT_FOUND listing the years it has.
    public func requireYear(_ year: Int, field: String = "year") throws(AnalysisError) {
        guard self.dataset.years.contains(year) else {
            throw AnalysisError(
                .notFound,
                field: field,
                "the data has no figures for \(year); it has \(self.dataset.years.map(String.init).joined(separator: ", "))",
                available: self.dataset.years.map(String.init)
            )
        }
    }
}
