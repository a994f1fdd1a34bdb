import KostraData

/// The indicator ids the production methods read beyond the weighted indicators themselves.
///
/// The built-in data names the production indicators (the keys of `ProductionWeights`) but has
/// no values for them; a dataset that has values names the extra figures the methods need by
/// these ids (METHODS.md). Every id is `service.snake_case`, the service being
/// the weighted indicator's ("grunnskole").
public enum ProductionConventions {
    /// The region whose average every score is relative to: ASSS med Oslo.
    public static let referenceRegionCode = "ASSS"

    /// The region whose figures are national averages: the whole country.
    public static let nationalRegionCode = "EAK"

    /// The suffix of the indicator that holds, for region EAK, the national average result on
    /// the scale a school-contribution indicator is measured in: `grunnskole.skolebidrag_5_7`
    /// has its national average in `grunnskole.skolebidrag_5_7_landsgjennomsnitt` (EAK).
    public static let nationalAverageSuffix = "_landsgjennomsnitt"

    /// The id of the national average result for a school-contribution indicator.
    public static func nationalAverageId(for indicatorId: String) -> String {
        indicatorId + nationalAverageSuffix
    }

    /// The learning environment's parts, each with its share: «vurdering for læring teller 60
    /// prosent og motivasjon 40 prosent» (the chapter). Fixed by the method, not data.
    public static let learningEnvironmentParts: [(name: String, share: Double)] = [
        ("vurdering_for_laering", 0.6),
        ("motivasjon", 0.4),
    ]

    /// The grades the learning environment is averaged over (plain mean of the grades).
    public static let learningEnvironmentGrades = [7, 10]

    /// The id of one part of the learning environment for one grade:
    /// `grunnskole.vurdering_for_laering_7`, `grunnskole.motivasjon_10`.
    public static func learningEnvironmentPartId(service: String, part: String, grade: Int) -> String {
        "\(service).\(part)_\(grade)"
    }

    /// The number of pupils (grades 1-10) whose change is folded into the change of the
    /// school-contribution and learning-environment indicators: `grunnskole.antall_elever`.
    public static func pupilsId(service: String) -> String {
        "\(service).antall_elever"
    }

    /// The counts whose growth stands for a share indicator in the production change:
    /// the number of 6-9 year olds with an SFO place for the share of them.
    public static let volumeIds: [String: String] = [
        "grunnskole.andel_6_9_med_sfo_plass": "grunnskole.antall_6_9_med_sfo_plass",
    ]

    /// The published production index: `grunnskole.produksjonsindeks`.
    public static func publishedIndexId(service: String) -> String {
        "\(service).produksjonsindeks"
    }

    /// What a result that cannot be computed adds to its reason when the
    /// report publishes it: the report's number is in the `published…` field
    /// beside it, never in the result's place.
    public static let servedAsPublished = "; the report's own figure is served beside it, as published"

    /// The published change in production: `grunnskole.endring_produksjon`.
    public static func publishedChangeId(service: String) -> String {
        "\(service).endring_produksjon"
    }

    /// Published component scores whose id does not follow the rule of
    /// `publishedComponentId(for:)`.
    public static let publishedComponentIds: [String: String] = [
        "grunnskole.andel_6_9_med_sfo_plass": "grunnskole.produksjonsindeks_sfo",
    ]

    /// The published score (ASSS = 100) of one component: from `publishedComponentIds`, else
    /// `service.produksjonsindeks_<name>` (`grunnskole.produksjonsindeks_skolebidrag_5_7`).
    public static func publishedComponentId(for indicatorId: String) -> String {
        if let id = publishedComponentIds[indicatorId] { return id }
        let (service, name) = split(indicatorId)
        return "\(service).produksjonsindeks_\(name)"
    }

    /// The kind of a weighted indicator, by its name: `skolebidrag_*` is a school
    /// contribution, `laeringsmiljo` the learning environment, anything else a share.
    public static func kind(of indicatorId: String) -> ProductionComponentKind {
        let name = split(indicatorId).name
        if name.hasPrefix("skolebidrag") { return .schoolContribution }
        if name == "laeringsmiljo" { return .learningEnvironment }
        return .share
    }

    /// The service of an id ("grunnskole" of "grunnskole.motivasjon").
    public static func service(of indicatorId: String) -> String {
        split(indicatorId).service
    }

    static func split(_ indicatorId: String) -> (service: String, name: String) {
        guard let dot = indicatorId.firstIndex(of: ".") else { return ("", indicatorId) }
        return (String(indicatorId[..<dot]), String(indicatorId[indicatorId.index(after: dot)...]))
    }
}

extension ProductionConventions {
    /// The reference group (ASSS med Oslo), or NOT_FOUND when the data lacks it.
    static func reference(in dataset: Dataset) throws(AnalysisError) -> Region {
        guard let region = dataset.region(code: referenceRegionCode) else {
            throw AnalysisError(
                .notFound,
                field: "region",
                "the data has no reference group \(referenceRegionCode) (ASSS med Oslo) to score against",
                available: dataset.regions(kind: .groupAverage).map(\.name)
            )
        }
        return region
    }

    /// The weighted indicators of a year's weights in the data's indicator order (ids the
    /// data does not know last, alphabetically).
    static func orderedIds(_ weights: ProductionWeights, in dataset: Dataset) -> [String] {
        let known = dataset.indicators.map(\.id).filter { weights.weights[$0] != nil }
        let unknown = weights.weights.keys.filter { dataset.indicator(id: $0) == nil }.sorted()
        return known + unknown
    }

    /// The service the weights belong to ("grunnskole"), from their indicators' ids.
    static func service(of weights: ProductionWeights) -> String {
        weights.weights.keys.sorted().first.map(service(of:)) ?? "grunnskole"
    }

    /// The input a published weight is.
    static func weightInput(_ indicatorId: String, weights: ProductionWeights) -> AnalysisInput {
        AnalysisInput(
            indicatorId: "production_weight:\(indicatorId)",
            regionCode: referenceRegionCode,
            year: weights.year,
            value: weights.weights[indicatorId],
            status: .asPublished,
            source: weights.source
        )
    }

    /// The inputs without repeats, in first-seen order.
    static func unique(_ inputs: [AnalysisInput]) -> [AnalysisInput] {
        var seen: Set<AnalysisInput> = []
        return inputs.filter { seen.insert($0).inserted }
    }
}
