/// The members of a JSON object, read by name. Refuses duplicate names at once and, on
/// `finish(allowing:)`, names it does not know: a misspelt field is an error, not a silent default.
struct JSONObjectReader {
    let node: JSONNode
    /// The members in file order.
    let members: [(key: String, node: JSONNode)]
    private let positions: [String: Int]

    init(members: [(key: String, value: JSONValue)], node: JSONNode) throws(DatasetError) {
        self.node = node
        var positions: [String: Int] = [:]
        var read: [(key: String, node: JSONNode)] = []
        for (offset, member) in members.enumerated() {
            let child = JSONNode(member.value, path: node.path(forKey: member.key))
            if positions[member.key] != nil {
                throw DatasetError(code: .duplicate, path: child.path, message: "the name \"\(member.key)\" appears twice in one object")
            }
            positions[member.key] = offset
            read.append((member.key, child))
        }
        self.members = read
        self.positions = positions
    }

    var path: String { node.path }

    /// The member, or `nil` when absent or null.
    func optional(_ key: String) -> JSONNode? {
        guard let position = positions[key] else { return nil }
        let member = members[position].node
        return member.isNull ? nil : member
    }

    /// The member, which may be null; `nil` only when absent.
    func present(_ key: String) -> JSONNode? {
        positions[key].map { members[$0].node }
    }

    /// The member, which must be there and not null.
    func required(_ key: String) throws(DatasetError) -> JSONNode {
        guard let member = optional(key) else {
            throw DatasetError(code: .missingField, path: path, message: "the field \"\(key)\" is missing")
        }
        return member
    }

    /// Refuses members whose names are not in `known`.
    func finish(allowing known: Set<String>) throws(DatasetError) {
        for member in members where !known.contains(member.key) {
            let allowed = known.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            throw DatasetError(code: .unexpectedField, path: member.node.path, message: "unknown field \"\(member.key)\"; expected one of \(allowed)")
        }
    }
}
