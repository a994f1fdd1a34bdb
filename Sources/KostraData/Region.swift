/// A region the data knows: a municipality, a group average or the country.
public struct Region: Sendable, Hashable, Identifiable {
    /// The current code: a municipality number with its leading zero ("0301"), or a group code
    /// ("ASSS", "EAK"). Codes are matched exactly: "301" is not Oslo.
    public var code: String
    /// The name as SSB and the report write it ("Bærum", "ASSS med Oslo").
    public var name: String
    /// An English name where it differs ("ASSS average incl. Oslo"), else `nil`.
    public var nameEn: String?
    /// What the region is.
    public var kind: RegionKind
    /// The codes the region had before, oldest first; observations reported under them belong here.
    public var formerCodes: [FormerCode]
    /// For a group average, the current codes of its members, in file order; empty otherwise.
    public var memberCodes: [String]
    /// Other names a user may type for the region ("ASSS-snitt"), matched like the name.
    public var aliases: [String]

    /// The region's identity is its current code.
    public var id: String { code }

    /// Creates a region.
    public init(
        code: String,
        name: String,
        nameEn: String? = nil,
        kind: RegionKind,
        formerCodes: [FormerCode] = [],
        memberCodes: [String] = [],
        aliases: [String] = []
    ) {
        self.code = code
        self.name = name
        self.nameEn = nameEn
        self.kind = kind
        self.formerCodes = formerCodes
        self.memberCodes = memberCodes
        self.aliases = aliases
    }
}
