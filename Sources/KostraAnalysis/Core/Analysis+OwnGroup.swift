import KostraData

extension Analysis {
    /// Words that name a municipality's own KOSTRA group or county rather than a region: so that
    /// an analyst in any municipality can write `--reference kostragruppe` or `--rank-group fylke`
    /// without looking up which EKGnn or EAKAnn that is.
    static let ownGroupWords: [(words: Set<String>, codePrefix: String, what: String)] = [
        (["kostragruppe", "kostra-gruppe", "kostragruppa", "ekg", "kostra group"], "EKG", "KOSTRA group"),
        (["fylke", "fylket", "county", "eaka"], "EAKA", "county"),
    ]

    /// The group `query` names for `subject` when it is one of `ownGroupWords`: the group of
    /// that kind that has `subject` as a member. `nil` when `query` is no such word; an error when
    /// it is one but the data has no such group with `subject` among its members.
    func ownGroup(_ query: String, of subject: Region, field: String) throws(AnalysisError) -> Region? {
        let folded = String(query.lowercased().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        guard let rule = Self.ownGroupWords.first(where: { $0.words.contains(folded) }) else { return nil }
        let groups = self.dataset.regions.filter { $0.code.hasPrefix(rule.codePrefix) && !$0.memberCodes.isEmpty }
        guard let group = groups.first(where: { $0.memberCodes.contains(subject.code) }) else {
            throw AnalysisError(
                .notFound,
                field: field,
                "\(field): the data has no \(rule.what) with \(subject.name) (\(subject.code)) among its members"
                    + (groups.isEmpty ? "; import the groups with `kostra-server import --groups FILE`" : ""),
                available: groups.map(\.code)
            )
        }
        return group
    }
}
