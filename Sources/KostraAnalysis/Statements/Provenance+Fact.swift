import KostraData

extension Provenance {
    /// Provenance of one figure of a report's fact (a difference, a change, a rank), served
    /// as published: the fact's figure is the one input, named `fact:<id>` (the
    /// sentence, not the indicator it speaks of: 1 959 kr is no value of the
    /// resource-use index), its quoted sentence the source.
    static func published(fact: Fact, role: String) -> Provenance {
        var provenance = Provenance(
            method: .published,
            formula: "as published",
            inputs: [
                AnalysisInput(
                    indicatorId: "fact:\(fact.id)",
                    regionCode: fact.subject,
                    year: fact.year ?? 0,
                    value: fact.figures[role],
                    status: fact.status,
                    source: fact.source
                )
            ]
        )
        provenance.isPublished = true
        provenance.source = fact.source
        return provenance
    }
}
