/// A number a municipality had before a renumbering, and the last reporting year it was used.
///
/// The 2024 county reform renumbered many municipalities (Bærum 3024 -> 3201); a series that
/// spans the reform joins across the old and the new number.
public struct FormerCode: Sendable, Hashable {
    /// The old number, as the source used it ("3024").
    public var code: String
    /// The last reporting year the old number was used (2023 for the 2024 reform).
    public var lastYear: Int

    /// Creates a former code.
    public init(code: String, lastYear: Int) {
        self.code = code
        self.lastYear = lastYear
    }
}
