/// How a production indicator enters the production index and its change over time.
public enum ProductionComponentKind: String, Sendable, Hashable, CaseIterable {
    /// A school-contribution indicator (skolebidrag): enters as the national average result
    /// plus the region's contribution; its change has the change in pupil numbers folded in.
    case schoolContribution = "school_contribution"
    /// The learning environment: 60 % vurdering for læring + 40 % motivasjon, averaged over
    /// grades 7 and 10; its change has the change in pupil numbers folded in.
    case learningEnvironment = "learning_environment"
    /// A share or other plain value (the share of 6-9 year olds with an SFO place): enters as
    /// it is; its change is that of the count behind it where one is named.
    case share
}
