import KTOStats

/// One row of `results.csv`: one meting × group × variable × measure × category.
///
/// Percentages (`pct_*`, `response_rate`, `margin_of_error`) are on the 0-100 scale, with their
/// SE and CI in percentage points. `value` is nil when there is nothing to show (no valid answers).
public struct ResultRow: Sendable, Equatable {
    public enum Measure: String, Sendable, CaseIterable {
        case mean, sd, median
        case pctOnvoldoende = "pct_onvoldoende"
        case pctAgree = "pct_agree"
        case pctNeutral = "pct_neutral"
        case pctDisagree = "pct_disagree"
        case pctCategory = "pct_category"
        /// Coded open answers: % of respondents with a valid code who mention the code (category =
        /// code label); the base is the `count` row with category `base`.
        case pctMentioned = "pct_mentioned"
        case count
        case responseRate = "response_rate"
        case marginOfError = "margin_of_error"
        // Test rows: category = the comparison (`previous`, `rest`, `benchmark:<name>`); flags say
        // which figure was tested (`measure:<m>`, and `category:<label>` for a category share).
        case diff
        case testStat = "test_stat"
        case df
        case pValue = "p_value"
        // Weighted totals (group `total_weighted`): Kish's effective n and the design effect.
        case nEffective = "n_effective"
        case designEffect = "design_effect"
    }

    public var meting: String
    /// The gemeente's name, or `total`.
    public var group: String
    public var variable: String
    public var measure: Measure
    public var category: String = ""
    public var value: Double?
    public var n: Int?
    public var se: Double?
    public var ciLow: Double?
    public var ciHigh: Double?
    public var flags: [String] = []

    /// The columns of `results.csv`, in order. Later work adds rows and flags, never columns.
    public static let columns = ["meting", "group", "variable", "measure", "category", "value", "n", "se", "ci_low", "ci_high", "flags"]

    /// The name `results.csv` uses for the total.
    public static let totalName = "total"
    /// The name `results.csv` uses for the total post-stratified to the population frame.
    public static let weightedTotalName = "total_weighted"
}

extension StudyResults {
    /// The tidy rows of every result: variables in codebook order, metingen current first,
    /// groups total first; the response rows last.
    public var rows: [ResultRow] {
        var rows: [ResultRow] = []
        for result in variables {
            for meting in result.metingen {
                for group in meting.groups {
                    let base = ResultRow(
                        meting: meting.meting, group: group.group == .total ? ResultRow.totalName : name(of: group.group),
                        variable: result.variable.code, measure: .count)
                    rows += Self.rows(for: group, base: base)
                }
                if let weighted = meting.weighted {
                    let base = ResultRow(meting: meting.meting, group: ResultRow.weightedTotalName, variable: result.variable.code, measure: .count)
                    rows += Self.rows(for: weighted, base: base)
                }
            }
        }
        rows += openQuestionRows
        for r in response {
            let base = ResultRow(
                meting: meting, group: r.group == .total ? ResultRow.totalName : name(of: r.group),
                variable: "respons", measure: .count)
            rows.append(with(base) { $0.category = "invited"; $0.value = Double(r.invited) })
            rows.append(with(base) { $0.category = "respondents"; $0.value = Double(r.respondents) })
            rows.append(with(base) { $0.measure = .responseRate; $0.value = r.rate.map { $0 * 100 }; $0.n = r.respondents })
            rows.append(with(base) { $0.measure = .marginOfError; $0.value = r.marginOfError.map { $0 * 100 }; $0.n = r.respondents })
        }
        return rows
    }

    static func rows(for group: GroupResult, base: ResultRow) -> [ResultRow] {
        applySmallNAndTests(figureRows(for: group, base: base), size: group.size, tests: group.tests, n: group.n, base: base)
    }

    /// The small-n rules (suppressed: no value, spread or count; indicatief flag), the
    /// significance flags on the tested figures, and the test rows, for a group's figure rows.
    static func applySmallNAndTests(_ figures: [ResultRow], size: SampleSize, tests: [TestOutcome], n: Int, base: ResultRow) -> [ResultRow] {
        var rows = figures
        switch size {
        case .suppressed, .complementary:
            // A suppressed group's figures never leave the analysis: not the value, not its spread,
            // not a count from which it could be recomputed. A complement is flagged `secondary`.
            let flags = size == .complementary ? ["suppressed", "secondary"] : ["suppressed"]
            rows = rows.map { row in
                with(row) { $0.value = nil; $0.se = nil; $0.ciLow = nil; $0.ciHigh = nil; $0.flags += flags }
            }
            return rows
        case .indicative:
            rows = rows.map { with($0) { $0.flags.append("indicatief") } }
        case .enough, .none:
            break
        }
        for test in tests {
            guard test.direction != .none else { continue }
            let flag = (test.direction == .higher ? "sig_higher:" : "sig_lower:") + test.comparison.key
            if let k = rows.firstIndex(where: { $0.measure == test.of.measure && $0.category == test.of.category }) {
                rows[k].flags.append(flag)
            }
        }
        for test in tests {
            var flags = ["measure:\(test.of.measure.rawValue)"]
            if !test.of.category.isEmpty { flags.append("category:\(test.of.category)") }
            let t = test.test
            let testBase = with(base) { $0.category = test.comparison.key; $0.flags = flags; $0.n = n }
            rows.append(with(testBase) { $0.measure = .diff; $0.value = t.difference; $0.se = t.standardError })
            rows.append(with(testBase) { $0.measure = .testStat; $0.value = t.statistic })
            if let df = t.df { rows.append(with(testBase) { $0.measure = .df; $0.value = df }) }
            rows.append(with(testBase) { $0.measure = .pValue; $0.value = t.pValue })
        }
        return rows
    }

    /// Weighted figures: value, SE and CI from the stratified design, n = respondents; then Kish's
    /// effective n and the design effect of each figure.
    static func rows(for weighted: WeightedTotal, base: ResultRow) -> [ResultRow] {
        var rows: [ResultRow] = []
        func add(_ measure: ResultRow.Measure, _ e: StratifiedEstimate?, category: String = "", scale: Double) {
            guard let e else { return }
            rows.append(with(base) {
                $0.measure = measure; $0.category = category; $0.n = e.n; $0.value = e.mean * scale
                $0.se = e.se.map { $0 * scale }; $0.ciLow = e.ciLow.map { $0 * scale }; $0.ciHigh = e.ciHigh.map { $0 * scale }
                $0.flags = ["weighted"]
            })
            rows.append(with(base) { $0.measure = .nEffective; $0.category = category; $0.n = e.n; $0.value = e.kishEffectiveN; $0.flags = ["measure:\(measure.rawValue)"] })
            if let deff = e.designEffect {
                rows.append(with(base) { $0.measure = .designEffect; $0.category = category; $0.n = e.n; $0.value = deff; $0.flags = ["measure:\(measure.rawValue)"] })
            }
        }
        add(.mean, weighted.mean, scale: 1)
        add(.pctOnvoldoende, weighted.onvoldoende, scale: 100)
        add(.pctAgree, weighted.agree, scale: 100)
        for c in weighted.categories { add(.pctCategory, c.estimate, category: c.label, scale: 100) }
        return rows
    }

    static func figureRows(for group: GroupResult, base: ResultRow) -> [ResultRow] {
        var rows: [ResultRow] = []
        let n = group.n
        func percent(_ measure: ResultRow.Measure, _ p: ProportionEstimate?, category: String = "") -> ResultRow {
            with(base) {
                $0.measure = measure
                $0.category = category
                $0.n = n
                $0.value = p.map { $0.proportion * 100 }
                $0.se = p.map { $0.se * 100 }
                $0.ciLow = p.map { $0.wilsonLow * 100 }
                $0.ciHigh = p.map { $0.wilsonHigh * 100 }
            }
        }
        if let grade = group.grade {
            let e = grade.estimate
            rows.append(with(base) {
                $0.measure = .mean; $0.n = n; $0.value = e?.mean; $0.se = e?.se; $0.ciLow = e?.ciLow; $0.ciHigh = e?.ciHigh
            })
            rows.append(with(base) { $0.measure = .sd; $0.n = n; $0.value = e?.sd })
            rows.append(with(base) { $0.measure = .median; $0.n = n; $0.value = e?.median })
            rows.append(percent(.pctOnvoldoende, grade.onvoldoende))
            for cell in grade.distribution {
                rows.append(with(base) { $0.category = String(cell.code); $0.value = Double(cell.count); $0.n = n })
            }
        }
        if let statement = group.statement {
            rows.append(percent(.pctAgree, statement.agree))
            if statement.neutral != nil || n == 0 { rows.append(percent(.pctNeutral, statement.neutral)) }
            rows.append(percent(.pctDisagree, statement.disagree))
        }
        if let categories = group.categories {
            for share in categories.shares {
                rows.append(percent(.pctCategory, share.estimate, category: share.label))
            }
            for share in categories.shares {
                rows.append(with(base) { $0.category = share.label; $0.value = Double(share.count); $0.n = n })
            }
        }
        return rows
    }
}

/// A copy of `value` changed by `change`: keeps row construction short.
@inline(__always)
func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
