/// The norm that applies to a school, or a municipality, with a given mix of pupils by grade,
/// in two forms.
///
/// - `arithmetic`: the pupil-weighted mean of the grades' maxima, Σ p_g·max_g / Σ p_g. This
///   is the chapter's reading: «et gjennomsnitt på 18 elever per lærertime i en skole med 10
///   trinn og like mange elever per trinn» = (4 × 15 + 6 × 20) / 10 = 18.
/// - `harmonic`: the pupils over the teacher hours the norm requires at the least,
///   Σ p_g / Σ (p_g / max_g): 10 / (4/15 + 6/20) = 17.647... for ten equal grades. Group size 2
///   is pupils over teacher hours summed over grades, so this is the form consistent with it:
///   a school exactly at the maximum in every grade has an overall group size 2 of 17.65, not
///   18 (taking the teaching hours per pupil as equal across grades, as the chapter's figure does).
public struct TeacherNormMix: Sendable, Hashable {
    /// The pupils by grade the norm is for.
    public var pupilsByGrade: [Int: Double]
    /// The pupil-weighted arithmetic mean of the maxima (the chapter's form).
    public var arithmetic: Figure
    /// The harmonic, teacher-hour-consistent form.
    public var harmonic: Figure

    /// A mix.
    public init(pupilsByGrade: [Int: Double], arithmetic: Figure, harmonic: Figure) {
        self.pupilsByGrade = pupilsByGrade
        self.arithmetic = arithmetic
        self.harmonic = harmonic
    }

    /// The form the chapter uses: the arithmetic mean (18 for ten grades of equal size).
    public var chapterForm: Figure { arithmetic }
}
