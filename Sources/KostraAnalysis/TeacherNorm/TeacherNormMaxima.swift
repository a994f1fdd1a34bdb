import KostraData

/// The legal maxima of group size 2 (pupils per teacher hour in ordinary teaching) per grade
/// band: the teacher norm (lærernorm), at most 15 in grades 1-4 and 20 in grades 5-10.
public struct TeacherNormMaxima: Sendable, Hashable {
    /// The maximum in grades 1-4.
    public var grades1to4: Double
    /// The maximum in grades 5-7.
    public var grades5to7: Double
    /// The maximum in grades 8-10.
    public var grades8to10: Double
    /// Where each maximum comes from, in band order (1-4, 5-7, 8-10): a `legal_norm` fact of
    /// the data, or a constant (indicator ids "legal_norm_1_4" etc., region EAK, year 0: the
    /// constant is not tied to a year).
    public var inputs: [AnalysisInput]

    /// Maxima with their sources.
    public init(grades1to4: Double, grades5to7: Double, grades8to10: Double, inputs: [AnalysisInput]) {
        self.grades1to4 = grades1to4
        self.grades5to7 = grades5to7
        self.grades8to10 = grades8to10
        self.inputs = inputs
    }

    /// The law's maxima as constants, 15 / 20 / 20, used where the data has no `legal_norm`
    /// facts: «Lærernormen er maks 15 elever per lærertime i 1-4.trinn og 20 elever per
    /// lærertime i 5-10.trinn» (the chapter; DOMAIN.md).
    public static let statutory = TeacherNormMaxima(
        grades1to4: 15,
        grades5to7: 20,
        grades8to10: 20,
        inputs: [
            constant("legal_norm_1_4", 15, "grades 1-4"),
            constant("legal_norm_5_7", 20, "grades 5-7"),
            constant("legal_norm_8_10", 20, "grades 8-10"),
        ]
    )

    /// The grade bands, in order, with the group-size indicator of each.
    public static let bands: [(grades: ClosedRange<Int>, indicatorId: String)] = [
        (1...4, "grunnskole.gruppestorrelse_2_1_4"),
        (5...7, "grunnskole.gruppestorrelse_2_5_7"),
        (8...10, "grunnskole.gruppestorrelse_2_8_10"),
    ]

    /// The maximum for a grade (1-10), or nil for any other.
    public func maximum(grade: Int) -> Double? {
        switch grade {
        case 1...4: grades1to4
        case 5...7: grades5to7
        case 8...10: grades8to10
        default: nil
        }
    }

    /// The maximum for a band (0: 1-4, 1: 5-7, 2: 8-10).
    func maximum(band: Int) -> Double {
        [grades1to4, grades5to7, grades8to10][band]
    }

    private static func constant(_ id: String, _ value: Double, _ grades: String) -> AnalysisInput {
        AnalysisInput(
            indicatorId: id,
            regionCode: "EAK",
            year: 0,
            value: value,
            status: .final,
            source: "constant: the legal teacher norm, at most \(Int(value)) pupils per teacher hour in ordinary teaching in \(grades) (no legal_norm fact in the data)"
        )
    }
}
