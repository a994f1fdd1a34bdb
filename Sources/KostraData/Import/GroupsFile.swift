/// A classification to import beside the figures (`kostra-server import --groups FILE`): which
/// municipalities each group average has as members — SSB's KOSTRA groups (EKGnn), the
/// municipalities of a county (EAKAnn), the country (EAK, EAKUO), a network such as ASSS — and,
/// optionally, how imported indicators are to be averaged and read.
///
/// ```json
/// {"groups": {"EKG13": {"label": "Kostragruppe 13", "members": ["3201", "0301", ...]}, ...},
///  "indicators": {"KOSgrstr20000": {"aggregation": "weighted", "weight": "KOSelever0000",
///                                  "direction": "higher_costs_less"}}}
/// ```
///
/// Other members of the file and of each group (a generator's notes, `kind`, the members
/// before a renumbering) are allowed and ignored. docs/data.md, "Groups and their members".
public struct GroupsFile: Sendable {
    /// One group: its code, label (for a group the data does not have yet) and members.
    public struct Group: Sendable, Hashable {
        /// The group's code ("EKG13", "EAKA32", "EAK").
        public var code: String
        /// Its label, if the file gives one.
        public var label: String?
        /// The members' codes, current or former, as the file gives them.
        public var members: [String]
    }

    /// How an imported content code is averaged and read.
    public struct IndicatorRule: Sendable, Hashable {
        /// SSB's content code: the rule holds for every indicator made from it (each category of a
        /// further dimension included).
        public var contentCode: String
        /// How a group average is formed.
        public var aggregation: Aggregation?
        /// For a weighted average: the content code whose figures are each member's weight.
        public var weightContentCode: String?
        /// Which way a higher value leans.
        public var direction: Direction?
    }

    /// The groups, in file order.
    public var groups: [Group]
    /// The indicator rules, in file order.
    public var indicators: [IndicatorRule]

    /// Reads the file; an error names the place.
    public init(jsonBytes: [UInt8]) throws(DatasetError) {
        let root = try JSONNode(JSONParser.parse(jsonBytes), path: "").object()
        groups = []
        if let node = root.optional("groups") {
            for member in try node.object().members {
                let object = try member.node.object()
                groups.append(
                    Group(code: member.key, label: try object.optional("label")?.string(), members: try object.required("members").strings())
                )
            }
        }
        indicators = []
        if let node = root.optional("indicators") {
            for member in try node.object().members {
                let object = try member.node.object()
                try object.finish(allowing: ["aggregation", "weight", "direction", "note"])
                indicators.append(
                    IndicatorRule(
                        contentCode: member.key,
                        aggregation: try object.optional("aggregation")?.enumeration(Aggregation.self),
                        weightContentCode: try object.optional("weight")?.string(),
                        direction: try object.optional("direction")?.enumeration(Direction.self)
                    )
                )
            }
        }
        guard !groups.isEmpty || !indicators.isEmpty else {
            throw DatasetError(code: .missingField, path: "", message: "no \"groups\" and no \"indicators\": nothing to import")
        }
    }
}
