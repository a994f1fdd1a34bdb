/// One figure: a region's value of an indicator in a year, or why it is missing.
public struct Observation: Sendable, Hashable {
    /// The indicator's id.
    public var indicatorId: String
    /// The region's current code. A figure reported under a former code is stored under the
    /// current one, and `reportedCode` keeps the one the source used.
    public var regionCode: String
    /// The reporting year.
    public var year: Int
    /// The value, or `nil` when it is missing. A value of 0 is a value.
    public var value: Double?
    /// Why the value is missing; `nil` exactly when there is a value.
    public var missing: MissingReason?
    /// How final the figure is.
    public var status: FigureStatus
    /// Where the figure comes from: a report's table by its printed title, a quoted sentence,
    /// or an SSB table and its publication.
    public var source: String
    /// The region code the source used, when it differs from `regionCode` ("3024" for Bærum).
    public var reportedCode: String?
    /// A remark on this one figure, such as a disagreement between a report's table and text.
    public var note: String?

    /// Creates an observation. Give either a `value` or a `missing` reason, not both.
    public init(
        indicatorId: String,
        regionCode: String,
        year: Int,
        value: Double?,
        missing: MissingReason? = nil,
        status: FigureStatus = .asPublished,
        source: String = "",
        reportedCode: String? = nil,
        note: String? = nil
    ) {
        self.indicatorId = indicatorId
        self.regionCode = regionCode
        self.year = year
        self.value = value
        self.missing = missing
        self.status = status
        self.source = source
        self.reportedCode = reportedCode
        self.note = note
    }

    /// Whether the figure has no value (and so a `missing` reason).
    public var isMissing: Bool { value == nil }
}
