/// What a data directory holds at one moment: the data it serves and the versions it was made of.
public struct StoreSnapshot: Sendable {
    /// The data: the base with every version applied; its `name` is the newest version's.
    public let dataset: Dataset
    /// The versions, oldest first; empty when nothing has been imported.
    public let versions: [StoreVersion]

    /// The newest version's number; 0 when nothing has been imported.
    public var versionNumber: Int { versions.last?.number ?? 0 }
}
