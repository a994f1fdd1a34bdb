/// Which municipality numbers became which: the renumberings of 2020 and 2024, kept as data
/// (Resources/code-history.json) so that a new reform is an edit of a file, not of code.
///
/// A chain is followed to its end: Bærum's 0219 became 3024 in 2020 and 3201 in 2024, so 0219
/// and 3024 both lead to 3201.
public struct CodeHistory: Sendable {
    /// One change of number.
    public struct Change: Sendable, Hashable {
        /// The number before.
        public var from: String
        /// The number after.
        public var to: String
        /// The first reporting year under the new number; the old was used last the year before.
        public var year: Int
        /// The municipality's name.
        public var name: String
    }

    /// Every change, in file order.
    public let changes: [Change]
    private let next: [String: Change]

    /// A history of `changes`. A number changed twice, or a cycle, is refused.
    public init(changes: [Change]) throws(DatasetError) {
        var next: [String: Change] = [:]
        for (offset, change) in changes.enumerated() {
            guard next[change.from] == nil else {
                throw DatasetError(code: .duplicate, path: "changes[\(offset)].from", message: "\(change.from) changes twice")
            }
            next[change.from] = change
        }
        for change in changes {
            var seen: Set<String> = [change.from]
            var code = change.to
            while let step = next[code] {
                guard seen.insert(code).inserted else {
                    throw DatasetError(code: .invalidValue, path: "changes", message: "the numbers \(seen.sorted().joined(separator: ", ")) form a cycle")
                }
                code = step.to
            }
        }
        self.changes = changes
        self.next = next
    }

    /// Reads a code history file (the format of Resources/code-history.json).
    public init(jsonBytes: [UInt8]) throws(DatasetError) {
        let root = try JSONNode(JSONParser.parse(jsonBytes), path: "").object()
        let format = try root.required("format")
        guard try format.int() == 1 else { throw DatasetError(code: .unsupportedFormat, path: format.path, message: "format must be 1") }
        var changes: [Change] = []
        for node in try root.required("changes").array() {
            let object = try node.object()
            try object.finish(allowing: ["from", "to", "year", "name", "kind", "note"])
            changes.append(
                Change(
                    from: try object.required("from").nonEmptyString(),
                    to: try object.required("to").nonEmptyString(),
                    year: try object.required("year").int(),
                    name: try object.required("name").nonEmptyString()
                )
            )
        }
        try self.init(changes: changes)
    }

    /// The history built into the module.
    public static func builtIn() throws(DatasetError) -> CodeHistory {
        try builtInResult.get()
    }

    private static let builtInResult = Result<CodeHistory, DatasetError> { () throws(DatasetError) in
        try CodeHistory(jsonBytes: PackageResources.code_history_json)
    }

    /// The number `code` has today: itself when it never changed.
    public func current(_ code: String) -> String {
        var code = code
        while let change = next[code] { code = change.to }
        return code
    }

    /// Every number that leads to `code`, with the last year each was used, oldest first.
    public func formerCodes(of code: String) -> [FormerCode] {
        changes.filter { current($0.to) == code }
            .map { FormerCode(code: $0.from, lastYear: $0.year - 1) }
            .sorted { $0.lastYear < $1.lastYear }
    }
}
