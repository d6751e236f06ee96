import KTOAnalysis
import KTOStats

extension ReportBuilder {
    /// The prioriteitenmatrix chapter: what it shows, the chart with its table, and how it is made.
    func prioritiesChapter(_ p: PriorityResult, results: StudyResults) -> Chapter {
        let regression = p.drivers == .regression
        let rows = p.aspects.map { aspect -> PriorityTable.Row in
            let quadrant: PriorityTable.Quadrant
            switch aspect.quadrant {
            case .improve: quadrant = .improve
            case .keep: quadrant = .keep
            case .later: quadrant = .later
            case .lessImportant: quadrant = .lessImportant
            }
            return PriorityTable.Row(
                variable: aspect.variable.code, item: aspect.variable.text, mean: aspect.mean, importance: aspect.importance,
                n: regression ? (p.regression?.n ?? aspect.n) : aspect.n, quadrant: quadrant)
        }
        let table = PriorityTable(
            overall: p.overall.text, importanceLabel: regression ? "bijdrage (β)" : "samenhang (r)", rows: rows,
            medianMean: p.medianMean, medianImportance: p.medianImportance)
        var blocks: [Block] = [.paragraph(DutchText.prioritiesIntro(p, results: results)), .priorities(table)]
        let improve = rows.filter { $0.quadrant == .improve }.sorted { $0.importance > $1.importance }
        if !improve.isEmpty {
            let names = improve.map { "‘\(DutchText.lowercasedFirst($0.item))’" }
            blocks.append(.paragraph("Verbeterpunten (belangrijk voor het totaaloordeel, maar met een lager cijfer dan de andere aspecten): \(DutchText.list(names))."))
        }
        return Chapter(title: "Prioriteitenmatrix", sections: [Section(title: "", blocks: blocks)])
    }
}
