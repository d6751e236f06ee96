import KTOStats

/// One row of `results.csv`: one meting × group × variable × measure × category.
///
/// Percentages (`pct_*`, `response_rate`, `margin_of_error`) are on the 0-100 scale, with their
/// SE and CI in percentage points. `value` is nil when there is nothing to show (no valid answers,
/// or a suppressed figure).
public struct ResultRow: Sendable, Equatable {
    /// The `measure` column's vocabulary.
    public enum Kind: String, Sendable, CaseIterable {
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
        /// The p-value adjusted within its family of tests (`[thresholds] adjust`).
        case pAdjusted = "p_adjusted"
        // Item nonresponse: shares of the respondents asked (n), unweighted.
        case pctDontKnow = "pct_dont_know"
        case pctNotApplicable = "pct_not_applicable"
        case pctNoAnswer = "pct_no_answer"
        /// The size of a tested difference: Hedges' g (means), Cohen's h (percentages).
        case hedgesG = "hedges_g"
        case cohensH = "cohens_h"
        // Weighted figures: Kish's effective n and the design effect (flags: measure:<m>).
        case nEffective = "n_effective"
        case designEffect = "design_effect"
        // Variable `weights`: the weights of a group.
        case sum, min, max
        // The prioriteitenmatrix (variable = the aspect; flags overall:<code>, quadrant:<q>):
        // Pearson's r with the overall grade, the standardized regression coefficient, and on
        // the overall grade the regression's R².
        case correlation, beta
        case rSquared = "r_squared"
    }

    public var meting: String
    /// `total`, a gemeente's name, or `VARIABLE=LABEL` for a breakdown category.
    public var group: String
    public var variable: String
    public var measure: Kind
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
}

extension TestMethod {
    /// `method:<method>`, as results.csv flags it.
    var flag: String {
        switch self {
        case .welch: return "method:welch"
        case .twoProportions: return "method:twoProportions"
        case .fisherExact: return "method:fisherExact"
        case .designDifference: return "method:designDifference"
        case .independentDifference: return "method:independentDifference"
        }
    }
}

extension ResultRow.Kind {
    /// `[measureFlag]`, made once per kind (the flags of every design row).
    var measureFlags: [String] { Self.measureFlagLists[self] ?? [measureFlag] }

    private static let measureFlagLists = Dictionary(uniqueKeysWithValues: allCases.map { ($0, [$0.measureFlag]) })

    /// `measure:<kind>`, the flag that names the figure a test or design row belongs to (a
    /// literal per kind: these flags are on every test row).
    var measureFlag: String {
        switch self {
        case .mean: return "measure:mean"
        case .sd: return "measure:sd"
        case .median: return "measure:median"
        case .pctOnvoldoende: return "measure:pct_onvoldoende"
        case .pctAgree: return "measure:pct_agree"
        case .pctNeutral: return "measure:pct_neutral"
        case .pctDisagree: return "measure:pct_disagree"
        case .pctCategory: return "measure:pct_category"
        case .pctMentioned: return "measure:pct_mentioned"
        case .count: return "measure:count"
        default: return "measure:" + rawValue
        }
    }

    init(_ measure: Measure) {
        switch measure {
        case .mean: self = .mean
        case .sd: self = .sd
        case .median: self = .median
        case .pctOnvoldoende: self = .pctOnvoldoende
        case .pctAgree: self = .pctAgree
        case .pctNeutral: self = .pctNeutral
        case .pctDisagree: self = .pctDisagree
        case .pctCategory: self = .pctCategory
        case .pctMentioned: self = .pctMentioned
        case .count, .base: self = .count
        }
    }
}

extension StudyResults {
    /// The tidy rows of every result: variables in codebook order, metingen current first, domains
    /// total first, then gemeenten, then breakdown categories; coded open questions; the weights;
    /// the response rows last. The concatenation of the blocks `rows(block:)`.
    public var rows: [ResultRow] {
        (0..<rowBlocks).flatMap { rows(block: $0) }
    }

    /// `rows` comes in blocks that can be made independently (and so on several cores): one per
    /// variable, one per coded open question, and one with the weights and the response.
    public var rowBlocks: Int { variables.count + openQuestions.count + 1 }

    /// The rows of block `k` (`rowBlocks`), in `rows` order.
    public func rows(block k: Int) -> [ResultRow] {
        var rows: [ResultRow] = []
        forEachRow(block: k) { rows.append(copy $0) }
        return rows
    }

    /// Hands the rows of block `k` to `body` one at a time, in `rows` order, without an array
    /// of them: results.csv encodes each row as it comes (an array of a large study's rows was
    /// tens of megabytes of fresh memory, and every row was copied into it and out again).
    public func forEachRow(block k: Int, _ body: (borrowing ResultRow) -> Void) {
        if k < variables.count {
            let result = variables[k]
            let codeIsLabel = result.variable.type == .category
            var labels = MeasureLabels { Self.category($0, codeIsLabel: codeIsLabel, variable: result) }
            // By index: `for domain in …` copies every result (its arrays retained and released).
            for m in result.metingen.indices {
                for d in result.metingen[m].domains.indices {
                    forEachRow(for: result.metingen[m].domains[d], meting: result.metingen[m].meting, variable: result.variable.code, labels: &labels, body)
                }
            }
            return
        }
        if k - variables.count < openQuestions.count {
            let question = openQuestions[k - variables.count]
            var labels = MeasureLabels { $0 == .base ? "base" : $0.code.map { question.label(of: $0) } ?? "" }
            for m in question.metingen.indices {
                for d in question.metingen[m].domains.indices {
                    forEachRow(for: question.metingen[m].domains[d], meting: question.metingen[m].meting, variable: question.question.codes.code, labels: &labels, body)
                }
            }
            return
        }
        for row in weightRows { body(row) }
        for row in priorityRows { body(row) }
        for r in response {
            let base = ResultRow(meting: meting, group: key(of: r.domain), variable: "respons", measure: .count)
            body(with(base) { $0.category = "invited"; $0.value = Double(r.invited) })
            body(with(base) { $0.category = "respondents"; $0.value = Double(r.respondents) })
            body(with(base) { $0.measure = .responseRate; $0.value = r.rate.map { $0 * 100 }; $0.n = r.respondents })
            body(with(base) { $0.measure = .marginOfError; $0.value = r.marginOfError.map { $0 * 100 }; $0.n = r.respondents })
        }
    }

    /// The category column per measure, made once per block (`make` runs once per measure): a
    /// block's domains repeat the same measures. Most blocks have a few, and a search through
    /// them is cheaper than hashing a `Measure` per row; a question with many categories gets the
    /// dictionary.
    struct MeasureLabels {
        let make: (Measure) -> String
        private var few: [(measure: Measure, label: String)] = []
        private var many: [Measure: String] = [:]
        private static let searched = 16

        init(_ make: @escaping (Measure) -> String) { self.make = make }

        mutating func label(_ measure: Measure) -> String {
            if let hit = few.first(where: { $0.measure == measure }) { return hit.label }
            if let hit = many[measure] { return hit }
            let text = make(measure)
            if few.count < Self.searched { few.append((measure, text)) } else { many[measure] = text }
            return text
        }
    }

    /// A measure's category column: the category's label for categories and coded answers, the
    /// code for grade distributions.
    static func category(_ measure: Measure, codeIsLabel: Bool, variable: VariableResult) -> String {
        switch measure {
        case .pctCategory(let code): return variable.variable.label(of: code) ?? String(code)
        case .count(let code): return codeIsLabel ? (variable.variable.label(of: code) ?? String(code)) : String(code)
        default: return ""
        }
    }

    /// One domain's rows: its figures (with the small-n rules and significance flags), then per
    /// weighted figure its effective n and design effect, then its tests.
    func forEachRow(
        for domain: DomainResult, meting: String, variable: String, labels: inout MeasureLabels, _ body: (borrowing ResultRow) -> Void
    ) {
        let base = ResultRow(meting: meting, group: key(of: domain.domain), variable: variable, measure: .count)
        let hidden = domain.size == .suppressed || domain.size == .complementary
        var sizeFlags: [String] = []
        switch domain.size {
        case .suppressed: sizeFlags = ["suppressed"]
        case .complementary: sizeFlags = ["suppressed", "secondary"]
        case .indicative: sizeFlags = ["indicatief"]
        case .enough, .none: break
        }
        func label(_ measure: Measure) -> String { labels.label(measure) }
        // The flags of a weighted figure, made once per domain: an array per row was most of the
        // allocations of results.csv's tens of thousands of rows.
        let weightedFlags = sizeFlags + ["weighted"]
        for estimate in domain.estimates {
            var row = with(base) {
                $0.measure = ResultRow.Kind(estimate.measure)
                $0.category = label(estimate.measure)
                $0.n = estimate.n
                $0.flags = sizeFlags
            }
            // A suppressed domain's figures never leave the analysis: not the value, not its spread,
            // not a count from which it could be recomputed.
            if !hidden {
                row.value = estimate.value
                row.se = estimate.se
                row.ciLow = estimate.ciLow
                row.ciHigh = estimate.ciHigh
                if estimate.design != nil { row.flags = weightedFlags }
                for contrast in domain.contrasts where contrast.measure == estimate.measure && contrast.direction != .none {
                    row.flags.append((contrast.direction == .higher ? "sig_higher:" : "sig_lower:") + contrast.contrast.key(mostRecent: previousMeting))
                }
            }
            body(row)
        }
        if domain.nonresponse.asked > 0 {
            let asked = with(base) { $0.n = domain.nonresponse.asked; $0.flags = sizeFlags }
            body(with(asked) { $0.measure = .pctDontKnow; $0.value = hidden ? nil : domain.nonresponse.dontKnowPercent })
            body(with(asked) { $0.measure = .pctNotApplicable; $0.value = hidden ? nil : domain.nonresponse.notApplicablePercent })
            body(with(asked) { $0.measure = .pctNoAnswer; $0.value = hidden ? nil : domain.nonresponse.noAnswerPercent })
        }
        guard !hidden else { return }
        for estimate in domain.estimates {
            guard let design = estimate.design else { continue }
            let tested = with(base) { $0.category = label(estimate.measure); $0.n = estimate.n; $0.flags = ResultRow.Kind(estimate.measure).measureFlags }
            body(with(tested) { $0.measure = .nEffective; $0.value = design.effectiveN })
            if let deff = design.designEffect { body(with(tested) { $0.measure = .designEffect; $0.value = deff }) }
        }
        for contrast in domain.contrasts {
            var flags = [ResultRow.Kind(contrast.measure).measureFlag]
            let label = label(contrast.measure)
            if !label.isEmpty { flags.append("category:" + label) }
            flags.append(contrast.method.flag)
            if contrast.approximate { flags.append("approximate") }
            let t = contrast.test
            let testBase = with(base) { $0.category = contrast.contrast.key(mostRecent: previousMeting); $0.flags = flags; $0.n = domain.n }
            body(with(testBase) { $0.measure = .diff; $0.value = t.difference; $0.se = t.standardError })
            body(with(testBase) { $0.measure = .testStat; $0.value = t.statistic })
            if let df = t.df { body(with(testBase) { $0.measure = .df; $0.value = df }) }
            body(with(testBase) { $0.measure = .pValue; $0.value = t.pValue })
            body(with(testBase) { $0.measure = .pAdjusted; $0.value = contrast.pAdjusted })
            switch contrast.effect {
            case .hedgesG(let g): body(with(testBase) { $0.measure = .hedgesG; $0.value = g })
            case .cohensH(let h): body(with(testBase) { $0.measure = .cohensH; $0.value = h })
            case nil: break
            }
        }
    }

    /// The prioriteitenmatrix: per aspect r (n: answered both) and β (n: complete cases), R².
    var priorityRows: [ResultRow] {
        guard let p = priorities else { return [] }
        var rows: [ResultRow] = []
        for aspect in p.aspects {
            let quadrant: String
            switch aspect.quadrant {
            case .improve: quadrant = "improve"
            case .keep: quadrant = "keep"
            case .later: quadrant = "later"
            case .lessImportant: quadrant = "less_important"
            }
            let flags = ["overall:\(p.overall.code)", "quadrant:\(quadrant)"] + (isWeighted ? ["weighted"] : [])
            rows.append(ResultRow(meting: meting, group: ResultRow.totalName, variable: aspect.variable.code, measure: .correlation,
                                  value: aspect.correlation, n: aspect.n, flags: flags))
            if let beta = aspect.beta {
                rows.append(ResultRow(meting: meting, group: ResultRow.totalName, variable: aspect.variable.code, measure: .beta,
                                      value: beta, n: p.regression?.n, flags: flags))
            }
        }
        if let regression = p.regression {
            rows.append(ResultRow(meting: meting, group: ResultRow.totalName, variable: p.overall.code, measure: .rSquared,
                                  value: regression.rSquared, n: regression.n, flags: isWeighted ? ["weighted"] : []))
        }
        return rows
    }

    /// The weights per meting and group: sum, min, max (n = respondents) and Kish's effective n.
    var weightRows: [ResultRow] {
        var rows: [ResultRow] = []
        for (meting, summaries) in design.weights {
            for summary in summaries {
                let group = summary.gemeente.map { groupNames[$0] } ?? ResultRow.totalName
                let base = ResultRow(meting: meting, group: group, variable: "weights", measure: .sum, n: summary.respondents)
                rows.append(with(base) { $0.value = summary.sum })
                rows.append(with(base) { $0.measure = .min; $0.value = summary.min })
                rows.append(with(base) { $0.measure = .max; $0.value = summary.max })
                rows.append(with(base) { $0.measure = .nEffective; $0.value = summary.effectiveN })
            }
        }
        return rows
    }
}
