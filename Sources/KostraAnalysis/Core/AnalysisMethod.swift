/// The methods of the analysis, named as provenance records them. Each is
/// described, with its formula and source, in METHODS.md.
public enum AnalysisMethod: String, Sendable, Hashable, CaseIterable {
    /// 100 × value / reference value (tjenesteprofil).
    case serviceProfile = "service_profile"
    /// Differences, index, changes and rank of a region against others.
    case comparison
    /// A group average formed from its members' values.
    case groupAverage = "group_average"
    /// The weighted sum of production indicators relative to ASSS.
    case productionIndex = "production_index"
    /// The weighted percentage change of production from one year to the next.
    case productionChange = "production_change"
    /// Production index over gross expenditure index.
    case relativeEfficiency = "relative_efficiency"
    /// Need-corrected spending relative to the plain ASSS mean (ressursbruksindikator).
    case resourceUse = "resource_use"
    /// Group size 2 against the legal teacher norm (lærernorm).
    case teacherNorm = "teacher_norm"
    /// Not computed: the report's own figure, served as published.
    case published
}
