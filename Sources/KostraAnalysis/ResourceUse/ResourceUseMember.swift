public import KostraData

/// One member of the reference group and its resource-use ratio, as it enters the plain mean.
public struct ResourceUseMember: Sendable, Hashable {
    /// The member.
    public var region: Region
    /// Its ratio of net operating expenditure per inhabitant to need-corrected calculated
    /// expenditure per inhabitant; missing (and then left out of the mean) with the reason.
    public var ratio: Figure

    /// A member.
    public init(region: Region, ratio: Figure) {
        self.region = region
        self.ratio = ratio
    }
}
