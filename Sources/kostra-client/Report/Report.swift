import KostraCodec
import KostraProtocol

/// The grunnskole chapter for one municipality and year, put together from
/// the server's answers in the chapter's order: per section its tables and
/// analyses, then the chapter-style sentences about what they show.
struct Report: Sendable {
    /// What a section shows, in order.
    enum Block: Sendable {
        case table(ReportTable)
        case profile(KostraV1.GetProfileResponse)
        case resourceUse(KostraV1.ResourceUseResponse)
        case teacherNorm(KostraV1.TeacherNormResponse)
        case production(KostraV1.ProductionIndexResponse, KostraV1.ProductionChangeResponse)
        case efficiency(KostraV1.EfficiencyResponse)
        /// A part the server had no figures for, with its answer.
        case unavailable(id: String, error: RPCError)
    }

    /// A sentence in the chapter's manner, from the server's statements.
    struct Sentence: Sendable {
        var id: String
        var kind: String
        var indicatorId: String
        var text: String
        var published: Bool
    }

    /// A section of the chapter.
    struct Section: Sendable {
        var id: String
        var title: String
        var blocks: [Block]
        var sentences: [Sentence]
    }

    var region: KostraV1.Region
    var year: Int32
    /// The regions compared with, as the tables name them.
    var compared: [String]
    var title: String
    var subtitle: String
    var sections: [Section]

    /// Puts the answers in the layout's order, in the output's language.
    init(answers: ReportAnswers, layout: ReportLayout, output: OutputOptions) {
        let region = answers.region
        self.region = region
        self.year = answers.year
        var statements = (try? answers.statements.get().statements) ?? []
        var sections: [Section] = []
        for section in layout.sections {
            var blocks: [Block] = []
            for block in section.blocks {
                blocks.append(Self.block(block, answers: answers, output: output))
            }
            let about = Set(section.indicators)
            let mine = statements.filter { about.contains($0.indicatorId) || (section.id == "profile" && $0.indicatorId.isEmpty) }
            statements.removeAll { about.contains($0.indicatorId) || (section.id == "profile" && $0.indicatorId.isEmpty) }
            sections.append(
                Section(id: section.id, title: output.nb ? section.titleNb : section.titleEn, blocks: blocks, sentences: mine.map { Self.sentence($0, output) })
            )
        }
        if !statements.isEmpty {
            sections.append(
                Section(
                    id: "other", title: output.text("Andre utsagn", "Other statements"), blocks: [],
                    sentences: statements.map { Self.sentence($0, output) }
                )
            )
        }
        if case .failure(let error) = answers.statements {
            sections[sections.count - 1].blocks.append(.unavailable(id: "statements", error: error))
        }
        self.sections = sections
        let compared = Self.comparedNames(answers, output: output)
        self.compared = compared
        self.title = output.text("Grunnskoleopplæring: \(region.name) \(answers.year)", "Primary education: \(region.name) \(answers.year)")
        self.subtitle = output.text(
            "KOSTRA-analyse, \(region.name) sammenlignet med \(Self.list(compared, and: "og")); år \(answers.year - 3)–\(answers.year)",
            "KOSTRA analysis, \(region.name) compared with \(Self.list(compared, and: "and")); years \(answers.year - 3)–\(answers.year)"
        )
    }

    private static func block(_ block: ReportLayout.Block, answers: ReportAnswers, output: OutputOptions) -> Block {
        switch block {
        case .analysis(.profile):
            return .profile(answers.profile)
        case .analysis(.resourceUse):
            return Self.either(answers.resourceUse, id: "resource_use", Block.resourceUse)
        case .analysis(.teacherNorm):
            return Self.either(answers.teacherNorm, id: "teacher_norm", Block.teacherNorm)
        case .analysis(.efficiency):
            return Self.either(answers.efficiency, id: "efficiency", Block.efficiency)
        case .analysis(.production):
            switch (answers.productionIndex, answers.productionChange) {
            case (.success(let index), .success(let change)): return .production(index, change)
            case (.failure(let error), _), (_, .failure(let error)): return .unavailable(id: "production", error: error)
            }
        case .table(let table):
            return Self.table(table, answers: answers, output: output)
        }
    }

    private static func either<Response>(_ result: Result<Response, RPCError>, id: String, _ make: (Response) -> Block) -> Block {
        switch result {
        case .success(let response): make(response)
        case .failure(let error): .unavailable(id: id, error: error)
        }
    }

    private static func table(_ table: ReportLayout.Table, answers: ReportAnswers, output: OutputOptions) -> Block {
        var responses: [(label: String, response: KostraV1.GetSeriesResponse)] = []
        let rows: [(id: String, nb: String, en: String)]
        switch table {
        case .regions(let indicator): rows = [(indicator, "", "")]
        case .indicators(_, _, _, let layoutRows), .yearPairs(_, _, _, let layoutRows): rows = layoutRows
        }
        for row in rows {
            switch answers.series[row.id] {
            case .success(let response)?: responses.append((output.nb ? row.nb : row.en, response))
            case .failure(let error)?: return .unavailable(id: table.id, error: error)
            case nil: return .unavailable(id: table.id, error: RPCError(.notFound, "no answer for \(row.id)"))
            }
        }
        switch table {
        case .regions:
            return .table(ReportTable(regions: responses[0].response, output: output))
        case .indicators(let id, let nb, let en, _):
            return .table(ReportTable(id: id, title: output.nb ? nb : en, rows: responses, output: output))
        case .yearPairs(let id, let nb, let en, _):
            return .table(ReportTable(id: id, title: output.nb ? nb : en, pairs: responses, output: output))
        }
    }

    private static func sentence(_ statement: KostraV1.Statement, _ output: OutputOptions) -> Sentence {
        Sentence(
            id: statement.id, kind: statement.kind, indicatorId: statement.indicatorId,
            text: output.nb ? statement.textNb : statement.textEn, published: statement.published
        )
    }

    /// The compared regions' names, from the first table that has them.
    private static func comparedNames(_ answers: ReportAnswers, output: OutputOptions) -> [String] {
        for (_, answer) in answers.series.sorted(by: { $0.key < $1.key }) {
            if case .success(let response) = answer, response.regions.count > 1 {
                return response.regions.dropFirst().map { output.nb || $0.nameEn.isEmpty ? $0.name : $0.nameEn }
            }
        }
        return answers.others
    }

    /// "A, B og C".
    static func list(_ items: [String], and word: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + items.last!
    }
}
