import KTOModel
import KTOStats

extension Analyzer {
    /// Adjusts the p-values within each family of tests over the whole report (every item, coded
    /// question and domain), then decides each test's direction on the adjusted p.
    /// - Returns: per family (in order of first appearance) the number of tests and of significant
    ///   ones before and after adjustment.
    static func adjust(
        _ variables: inout [VariableResult], _ questions: inout [CodedQuestionResult], method: PValueAdjustment, alpha: Double
    ) -> [FamilySummary] {
        struct Place { var question: Bool; var item: Int; var domain: Int; var test: Int }
        var order: [TestFamily] = []
        var places: [TestFamily: [Place]] = [:]
        // By index: enumerating copies every result and contrast (their arrays retained and released).
        func collect(_ meting: borrowing MetingResult, question: Bool, item: Int) {
            for d in meting.domains.indices {
                for t in meting.domains[d].contrasts.indices {
                    let family = meting.domains[d].contrasts[t].family
                    if places[family] == nil { order.append(family) }
                    places[family, default: []].append(Place(question: question, item: item, domain: d, test: t))
                }
            }
        }
        for i in variables.indices where !variables[i].metingen.isEmpty { collect(variables[i].metingen[0], question: false, item: i) }
        for i in questions.indices where !questions[i].metingen.isEmpty { collect(questions[i].metingen[0], question: true, item: i) }

        let stats: MultipleTesting.Method
        switch method {
        case .benjaminiHochberg: stats = .benjaminiHochberg
        case .holm: stats = .holm
        case .bonferroni: stats = .bonferroni
        case .none: stats = .none
        }
        var summaries: [FamilySummary] = []
        for family in order {
            let list = places[family] ?? []
            func contrast(_ p: Place) -> ContrastResult {
                p.question ? questions[p.item].metingen[0].domains[p.domain].contrasts[p.test]
                    : variables[p.item].metingen[0].domains[p.domain].contrasts[p.test]
            }
            let raw = list.map { contrast($0).test.pValue }
            let adjusted = MultipleTesting.adjust(raw, method: stats)
            var significant = 0
            for (k, place) in list.enumerated() {
                var c = contrast(place)
                c.pAdjusted = adjusted[k]
                c.direction = adjusted[k] < alpha ? (c.test.difference > 0 ? .higher : .lower) : .none
                if c.direction != .none { significant += 1 }
                if place.question {
                    questions[place.item].metingen[0].domains[place.domain].contrasts[place.test] = c
                } else {
                    variables[place.item].metingen[0].domains[place.domain].contrasts[place.test] = c
                }
            }
            summaries.append(FamilySummary(
                family: family, tests: list.count, significantUnadjusted: raw.filter { $0 < alpha }.count, significant: significant))
        }
        return summaries
    }
}
