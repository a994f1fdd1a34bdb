public import KostraData

/// A municipality's group size 2 against the teacher norm: per grade band against the legal
/// maximum, and overall against the norm for its mix of grades.
public struct TeacherNormResult: Sendable, Hashable {
    /// The overall group size 2, grades 1-10.
    public static let overallId = "grunnskole.gruppestorrelse_2"
    /// The pupils per band, if the data has them (`grunnskole.antall_elever_1_4`, `_5_7`,
    /// `_8_10`): the mix the overall norm is for. Without all three, ten grades of equal size.
    public static let pupilsIds = ["grunnskole.antall_elever_1_4", "grunnskole.antall_elever_5_7", "grunnskole.antall_elever_8_10"]

    /// The municipality.
    public var region: Region
    /// The year.
    public var year: Int
    /// The bands 1-4, 5-7 and 8-10.
    public var bands: [TeacherNormBand]
    /// The maxima used.
    public var maxima: TeacherNormMaxima
    /// The overall group size 2, grades 1-10.
    public var overallGroupSize: Figure
    /// The norm for the municipality's mix of grades (ten grades of equal size when the data
    /// has no pupils per band), in both forms.
    public var overallNorm: TeacherNormMix
    /// Whether `overallNorm` is for ten grades of equal size (true) or the data's pupils per band.
    public var assumesEqualGrades: Bool
    /// overallNorm.arithmetic − overallGroupSize (the chapter's reading).
    public var overallMargin: Figure
    /// overallNorm.harmonic − overallGroupSize (the teacher-hour-consistent reading).
    public var overallMarginHarmonic: Figure
    /// The report's average norm (18), when the data has it as a `norm_average` fact.
    public var publishedNormAverage: Figure?

    /// A result.
    public init(
        region: Region,
        year: Int,
        bands: [TeacherNormBand],
        maxima: TeacherNormMaxima,
        overallGroupSize: Figure,
        overallNorm: TeacherNormMix,
        assumesEqualGrades: Bool,
        overallMargin: Figure,
        overallMarginHarmonic: Figure,
        publishedNormAverage: Figure?
    ) {
        self.region = region
        self.year = year
        self.bands = bands
        self.maxima = maxima
        self.overallGroupSize = overallGroupSize
        self.overallNorm = overallNorm
        self.assumesEqualGrades = assumesEqualGrades
        self.overallMargin = overallMargin
        self.overallMarginHarmonic = overallMarginHarmonic
        self.publishedNormAverage = publishedNormAverage
    }
}
