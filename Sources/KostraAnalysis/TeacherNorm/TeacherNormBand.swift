/// Group size 2 in one grade band against the legal maximum.
public struct TeacherNormBand: Sendable, Hashable {
    /// The grades (1...4, 5...7, 8...10).
    public var grades: ClosedRange<Int>
    /// The group-size indicator of the band ("grunnskole.gruppestorrelse_2_1_4").
    public var indicatorId: String
    /// Pupils per teacher hour in ordinary teaching, or missing.
    public var groupSize: Figure
    /// The legal maximum (from the data's `legal_norm` fact, else the constant).
    public var legalMaximum: Figure
    /// legalMaximum − groupSize: positive is room below the maximum, negative a breach.
    public var margin: Figure
    /// Whether the group size is at most the maximum; nil when it is missing. The norm
    /// applies to each school; a municipality's mean within it does not mean every school is.
    public var isWithinNorm: Bool?

    /// A band.
    public init(grades: ClosedRange<Int>, indicatorId: String, groupSize: Figure, legalMaximum: Figure, margin: Figure, isWithinNorm: Bool?) {
        self.grades = grades
        self.indicatorId = indicatorId
        self.groupSize = groupSize
        self.legalMaximum = legalMaximum
        self.margin = margin
        self.isWithinNorm = isWithinNorm
    }
}
