public import KostraData

/// A region's service profile (tjenesteprofil) for one year: each indicator as an index where
/// the reference (by default the ASSS average) is 100, with the raw values beside it.
///
/// Index indicators (unit `.index`, already relative to ASSS = 100) are left out: indexing
/// them again would give an index of an index. See METHODS.md.
public struct ServiceProfile: Sendable, Hashable {
    /// The region profiled.
    public var region: Region
    /// The region (a group average, the country or another municipality) that is 100.
    public var reference: Region
    /// The year profiled.
    public var year: Int
    /// One row per indicator the region has a figure for in `year`, in the data's indicator
    /// order.
    public var rows: [ProfileRow]

    /// A profile.
    public init(region: Region, reference: Region, year: Int, rows: [ProfileRow]) {
        self.region = region
        self.reference = reference
        self.year = year
        self.rows = rows
    }

    /// The row of an indicator, or `nil` when the profile has none.
    public func row(_ indicatorId: String) -> ProfileRow? {
        self.rows.first { $0.indicator.id == indicatorId }
    }
}
