extension StudyResults {
    /// The tidy rows of the coded open questions: per question (codebook order), meting (current
    /// first) and group (total first) a `count` row with category `base` (respondents with at
    /// least one valid code), then per code in code order `pct_mentioned` (category = code label,
    /// n = base, SE and Wilson interval in percentage points), then per code a `count` row (category
    /// = code label, respondents mentioning it); the small-n rules and test rows as for every
    /// other measure.
    public var openQuestionRows: [ResultRow] {
        var rows: [ResultRow] = []
        for question in openQuestions {
            for meting in question.metingen {
                for group in meting.groups {
                    let base = ResultRow(
                        meting: meting.meting, group: group.group == .total ? ResultRow.totalName : name(of: group.group),
                        variable: question.question.codes.code, measure: .count)
                    rows += Self.applySmallNAndTests(Self.figureRows(for: group, base: base), size: group.size, tests: group.tests, n: group.base, base: base)
                }
            }
        }
        return rows
    }

    static func figureRows(for group: CodedGroupResult, base: ResultRow) -> [ResultRow] {
        let n = group.base
        var rows = [with(base) { $0.category = "base"; $0.value = Double(n); $0.n = n }]
        for share in group.shares {
            let p = share.estimate
            rows.append(with(base) {
                $0.measure = .pctMentioned
                $0.category = share.label
                $0.n = n
                $0.value = p.map { $0.proportion * 100 }
                $0.se = p.map { $0.se * 100 }
                $0.ciLow = p.map { $0.wilsonLow * 100 }
                $0.ciHigh = p.map { $0.wilsonHigh * 100 }
            })
        }
        for share in group.shares {
            rows.append(with(base) { $0.category = share.label; $0.value = Double(share.count); $0.n = n })
        }
        return rows
    }
}
