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
        case count
        case responseRate = "response_rate"
        case marginOfError = "margin_of_error"
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
            }
        }
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
