import KTOModel
import KTOStats

extension MetingFrame {
    /// The breakdown and raking variables of a study, checked against the codebook.
    struct Roles: Sendable {
        /// Codebook index per breakdown variable.
        var breakdowns: [Int]
        /// Per raking variable: its codebook index (nil for the group variable), and its margin's
        /// categories (codes; nil = respondents without a value) with their populations.
        var rake: [(variable: Int?, name: String, categories: [Int?], targets: [Double])]
    }

    /// Checks the study's breakdowns and weighting against the codebook.
    /// - Throws: every problem found, as `DesignErrors`.
    static func roles(study: Study, codebook: Codebook) throws(DesignErrors) -> Roles {
        var errors: [DesignError] = []
        let names = codebook.variables.map(\.code)
        func categoryVariable(_ name: String, role: DesignError.Role, line: Int) -> Int? {
            guard let index = codebook.index(of: name) else {
                errors.append(.unknownVariable(name, role: role, suggestion: NameSuggestion.nearest(name, in: names), line: line))
                return nil
            }
            let type = codebook.variables[index].type
            guard type == .category else {
                errors.append(.notACategory(name, type: type, role: role, line: line))
                return nil
            }
            return index
        }
        // A name listed twice would repeat every table of it (or rake twice on one margin).
        func once(_ names: [String], role: DesignError.Role, line: Int) {
            var seen: Set<String> = [], reported: Set<String> = []
            for name in names where !seen.insert(name.lowercased()).inserted && reported.insert(name.lowercased()).inserted {
                errors.append(.listedTwice(name, role: role, line: line))
            }
        }
        once(study.breakdowns, role: .breakdown, line: study.breakdownsLine)
        let breakdowns = study.breakdowns.compactMap { categoryVariable($0, role: .breakdown, line: study.breakdownsLine) }
        var rake: [(variable: Int?, name: String, categories: [Int?], targets: [Double])] = []
        if case .rake(let variables, _) = study.weighting {
            once(variables, role: .rake, line: study.weightingLine)
            for name in variables {
                if name.lowercased() == study.groupVariable.lowercased() {
                    rake.append((nil, name, study.groups.indices.map { Optional($0) }, study.groups.map { Double($0.population) }))
                    continue
                }
                guard let index = categoryVariable(name, role: .rake, line: study.weightingLine) else { continue }
                guard let margin = study.margins.first(where: { $0.variable.lowercased() == name.lowercased() }) else {
                    errors.append(.missingMargin(name, line: study.weightingLine))
                    continue
                }
                let variable = codebook.variables[index]
                var categories: [Int?] = []
                var targets: [Double] = []
                for entry in margin.entries {
                    let key = Variable.labelKey(entry.category)
                    let code: Int??
                    if ["-", "onbekend", "geen antwoord", "geen waarde"].contains(key) {
                        code = .some(nil)
                    } else if let number = Int(key), variable.validCodes.contains(number) || variable.missing.contains(where: { $0.code == number }) {
                        code = .some(number)
                    } else if let labelled = variable.code(forLabel: entry.category) {
                        code = .some(labelled)
                    } else {
                        code = nil
                    }
                    guard let code else {
                        errors.append(.unknownMarginCategory(variable: name, category: entry.category, line: entry.line))
                        continue
                    }
                    categories.append(code)
                    targets.append(entry.population)
                }
                rake.append((index, name, categories, targets))
            }
            if let first = rake.first {
                let total = first.targets.reduce(0, +)
                for other in rake.dropFirst() {
                    let sum = other.targets.reduce(0, +)
                    if abs(sum - total) > 1e-9 * max(1, total) {
                        errors.append(.marginTotalsDiffer(first: first.name, firstTotal: total, other: other.name, otherTotal: sum))
                    }
                }
            }
        }
        guard errors.isEmpty else { throw DesignErrors(errors) }
        return Roles(breakdowns: breakdowns, rake: rake)
    }

    /// The frame of one meting.
    /// - Throws: `DesignError` when the meting cannot be weighted as the study asks.
    static func make(study: Study, codebook: Codebook, dataset: Dataset, roles: Roles) throws(DesignErrors) -> MetingFrame {
        let rows = dataset.rowCount
        let gemeenten = study.groups.count
        // Per breakdown: its code column, and a code's category (−1: no value).
        let categoryCodes = roles.breakdowns.map { codebook.variables[$0].validCodes }
        let categoryColumns: [CodeColumn?] = roles.breakdowns.map { index in
            if case .codes(let codes)? = dataset.columns[index] { return codes }
            return nil
        }
        let categoryTables = categoryCodes.map { codes in
            CodeTable(codes.enumerated().compactMap { c, code in Int16(exactly: code).map { ($0, Int32(c)) } })
        }
        func category(_ b: Int, row: Int) -> Int { categoryColumns[b].map { Int(categoryTables[b][$0[row]]) } ?? -1 }

        // The design: a group per row (nil: every row in group 0), and what the variance needs.
        var groupOfRow: [Int32]?
        var groups = 1
        var groupWeight: [Double]?
        var rowWeight: [Double]?
        var variance: VarianceFrame?
        var respondentsPerGemeente = [Int](repeating: 0, count: gemeenten)
        for g in dataset.group { respondentsPerGemeente[Int(g)] += 1 }
        switch study.weighting {
        case .none:
            break
        case .gemeente:
            for (g, n) in respondentsPerGemeente.enumerated() where n == 0 {
                throw DesignErrors([.emptyStratum(meting: dataset.meting, gemeente: study.groups[g].name)])
            }
            groups = gemeenten
            groupOfRow = dataset.group.map { Int32($0) }
            groupWeight = study.groups.enumerated().map { g, group in Double(group.population) / Double(respondentsPerGemeente[g]) }
            variance = VarianceFrame(
                design: .stratified(populations: study.groups.map { Double($0.population) }),
                groupRespondents: respondentsPerGemeente, groupsAreStrata: true)
        case .variable(let column):
            guard let weights = dataset.weights else { throw DesignErrors([.noWeights(meting: dataset.meting, column: column)]) }
            rowWeight = weights
            variance = VarianceFrame(design: .unstratified, groupRespondents: [rows], groupsAreStrata: false)
        case .rake(_, let trim):
            let raked = try rake(dataset: dataset, codebook: codebook, roles: roles, trim: trim)
            groupOfRow = raked.cellOfRow
            groups = raked.weights.count
            groupWeight = raked.weights
            variance = VarianceFrame(
                design: .raked(categories: raked.categories, categoryCounts: raked.categoryCounts, weights: raked.weights),
                groupRespondents: raked.respondents, groupsAreStrata: false)
        }

        // Cells: gemeente × breakdown categories × design group, the combinations that occur, in
        // the order they first occur.
        var keys = RowKeys(rows: rows)
        keys.append(dataset.group, offset: 0, radix: gemeenten)
        for b in categoryCodes.indices {
            if let column = categoryColumns[b] {
                keys.append(column, through: categoryTables[b], offset: 1, radix: categoryCodes[b].count + 1)
            } else {
                keys.append([Int32](repeating: -1, count: rows), offset: 1, radix: categoryCodes[b].count + 1)
            }
        }
        if let groupOfRow { keys.append(groupOfRow, offset: 0, radix: groups) }
        var cellOfKey = CellIndex(keys: keys.range, rows: rows)
        var cellOfRow = [Int32](repeating: 0, count: rows)
        var cellGemeente: [Int] = []
        var cellCategory = [[Int]](repeating: [], count: categoryCodes.count)
        var cellGroup: [Int] = []
        keys.keys.withUnsafeBufferPointer { keys in
            cellOfRow.withUnsafeMutableBufferPointer { cellOfRow in
                for row in 0..<rows {
                    let (cell, isNew) = cellOfKey.cell(for: keys[row])
                    cellOfRow[row] = cell
                    guard isNew else { continue }
                    cellGemeente.append(Int(dataset.group[row]))
                    for b in categoryCodes.indices { cellCategory[b].append(category(b, row: row)) }
                    cellGroup.append(groupOfRow.map { Int($0[row]) } ?? 0)
                }
            }
        }
        let cellWeight = groupWeight.map { weights in cellGroup.map { weights[$0] } }

        // Weights per gemeente and in total, for the summaries.
        var summaries: [WeightSummary] = []
        if variance != nil {
            var totals = WeightTotals(gemeenten: gemeenten)
            dataset.group.withUnsafeBufferPointer { group in
                if let rowWeight {
                    rowWeight.withUnsafeBufferPointer { rowWeight in totals.add(rows: rows, group: group) { rowWeight[$0] } }
                } else if let cellWeight {
                    cellWeight.withUnsafeBufferPointer { cellWeight in
                        cellOfRow.withUnsafeBufferPointer { cellOfRow in
                            totals.add(rows: rows, group: group) { cellWeight[Int(cellOfRow[$0])] }
                        }
                    }
                } else {
                    totals.add(rows: rows, group: group) { _ in 1 }
                }
            }
            summaries = totals.summaries
        }
        var frame = MetingFrame(
            meting: dataset.meting, rows: rows, cellOfRow: cellOfRow, cellCount: cellGemeente.count,
            cellGemeente: cellGemeente, cellCategory: cellCategory, cellGroup: cellGroup, cellWeight: cellWeight,
            rowWeight: rowWeight, variance: variance, groups: groups, categoryCodes: categoryCodes, weightSummaries: summaries)
        frame.domains = frame.allDomains(gemeenten: gemeenten)
        return frame
    }

    /// Raking cells and weights of one meting.
    static func rake(dataset: Dataset, codebook: Codebook, roles: Roles, trim: ClosedRange<Double>?) throws(DesignErrors) -> (
        cellOfRow: [Int32], weights: [Double], categories: [[Int]], categoryCounts: [[Int]], respondents: [Int]
    ) {
        let rows = dataset.rowCount
        var errors: [DesignError] = []
        // The raking cells' keys, a margin at a time; a margin's category of a row is the row's
        // gemeente, or its code through the margin's table (−1: outside the margin).
        let sizes = roles.rake.map { max(1, $0.targets.count) }
        var keys = RowKeys(rows: rows)
        var margins: [(codes: CodeColumn, table: CodeTable, noValue: Int32)?] = []
        for (m, margin) in roles.rake.enumerated() {
            guard let index = margin.variable else {
                keys.append(dataset.group, offset: 0, radix: sizes[m])
                margins.append(nil)
                continue
            }
            var known: [(Int16, Int32)] = []
            var noValue: Int32 = -1
            for (k, code) in margin.categories.enumerated() {
                if let code { if let small = Int16(exactly: code) { known.append((small, Int32(k))) } } else { noValue = Int32(k) }
            }
            guard case .codes(let codes)? = dataset.columns[index] else {
                errors.append(.respondentsOutsideMargin(variable: margin.name, meting: dataset.meting, value: "(niet gevraagd)", lines: [], count: rows))
                margins.append(nil)
                continue
            }
            let table = CodeTable(known)
            margins.append((codes, table, noValue))
            guard keys.append(codes, through: table, noValue: noValue, offset: 0, radix: sizes[m]) else { continue }
            // Respondents outside the margin, by value, with their first lines.
            var outside: [String: (lines: [Int], count: Int)] = [:]
            let variable = codebook.variables[index]
            for row in 0..<rows where table.value(codes[row], noValue: noValue) < 0 {
                let code = codes[row]
                let value = code == Dataset.noAnswer || code == Dataset.unreadable ? "geen waarde" : (variable.label(of: Int(code)) ?? String(code))
                var entry = outside[value, default: ([], 0)]
                if entry.lines.count < 10 { entry.lines.append(Int(dataset.lines[row])) }
                entry.count += 1
                outside[value] = entry
            }
            for (value, entry) in outside.sorted(by: { $0.value.lines.first ?? 0 < $1.value.lines.first ?? 0 }) {
                errors.append(.respondentsOutsideMargin(variable: margin.name, meting: dataset.meting, value: value, lines: entry.lines, count: entry.count))
            }
        }
        guard errors.isEmpty else { throw DesignErrors(errors) }
        // Raking cells: the combinations of margin categories that occur, in the order they first
        // occur.
        func category(_ m: Int, row: Int) -> Int {
            guard let margin = margins[m] else { return Int(dataset.group[row]) }
            return Int(margin.table.value(margin.codes[row], noValue: margin.noValue))
        }
        var cellOfKey = CellIndex(keys: keys.range, rows: rows)
        var categories: [[Int]] = []
        var respondents: [Int] = []
        var cellOfRow = [Int32](repeating: 0, count: rows)
        keys.keys.withUnsafeBufferPointer { keys in
            cellOfRow.withUnsafeMutableBufferPointer { cellOfRow in
                for row in 0..<rows {
                    let (cell, isNew) = cellOfKey.cell(for: keys[row])
                    cellOfRow[row] = cell
                    if isNew {
                        categories.append(margins.indices.map { category($0, row: row) })
                        respondents.append(1)
                    } else {
                        respondents[Int(cell)] += 1
                    }
                }
            }
        }
        let categoryCounts = roles.rake.enumerated().map { m, margin in
            (0..<margin.targets.count).map { c in zip(categories, respondents).reduce(0) { $0 + ($1.0[m] == c ? $1.1 : 0) } }
        }
        do {
            let raked = try Raking.rake(
                respondents: respondents.map(Double.init), categories: categories, targets: roles.rake.map(\.targets), bounds: trim)
            return (cellOfRow, raked.cellWeights, categories, categoryCounts, respondents)
        } catch {
            throw DesignErrors([.raking(meting: dataset.meting, failure: error, margins: roles.rake.map(\.name))])
        }
    }
}

/// The weights of the respondents in total and per gemeente: sums, extremes and counts, each
/// added in row order.
private struct WeightTotals {
    /// Per entry (0: the total, g + 1: gemeente g) its sum, sum of squares, lowest and highest.
    private var figures: [Double]
    private var count: [Int]

    init(gemeenten: Int) {
        figures = Array((0...gemeenten).map { _ in [0, 0, Double.infinity, 0] }.joined())
        count = [Int](repeating: 0, count: gemeenten + 1)
    }

    /// Adds the weight of every row (`weight`) to the total and to the row's gemeente (`group`).
    @inline(__always) mutating func add(rows: Int, group: UnsafeBufferPointer<UInt16>, weight: (Int) -> Double) {
        figures.withUnsafeMutableBufferPointer { f in
            count.withUnsafeMutableBufferPointer { count in
                @inline(__always) func add(_ w: Double, at k: Int) {
                    f[4 * k] += w; f[4 * k + 1] += w * w; f[4 * k + 2] = min(f[4 * k + 2], w); f[4 * k + 3] = max(f[4 * k + 3], w)
                    count[k] += 1
                }
                for row in 0..<rows {
                    let w = weight(row)
                    add(w, at: 0)
                    add(w, at: Int(group[row]) + 1)
                }
            }
        }
    }

    var summaries: [WeightSummary] {
        count.indices.map { k in
            WeightSummary(gemeente: k == 0 ? nil : k - 1, respondents: count[k], sum: figures[4 * k],
                          min: count[k] > 0 ? figures[4 * k + 2] : 0, max: figures[4 * k + 3],
                          effectiveN: Linearization.kishEffectiveN(sumOfWeights: figures[4 * k], sumOfSquaredWeights: figures[4 * k + 1]))
        }
    }
}

/// Several design problems at once.
public struct DesignErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [DesignError]
    public init(_ errors: [DesignError]) { self.errors = errors }
    public var description: String { errors.map(\.message).joined(separator: "\n") }
}
