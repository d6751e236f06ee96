import KTOImport

/// Accumulates one variable's column while rows stream in.
struct ColumnBuilder {
    enum Issue { case outOfRange, unreadable }

    let variable: Variable
    /// Code → 1 (valid) or 2 (missing), for codes in `low...low+kinds.count-1`.
    let low: Int
    let kinds: [UInt8]
    let labelCodes: [String: Int]
    var codes: [Int16] = []
    var multi: [[Int16]] = []
    var texts: [String?] = []
    var issues: RowLedger.CellIssues
    var labelsMatched = 0
    /// Whether any file so far had this column.
    var isPresent = false

    init(variable: Variable) {
        self.variable = variable
        let all = variable.validCodes + variable.missing.map(\.code)
        let low = all.min() ?? 0
        let high = all.max() ?? -1
        var kinds = [UInt8](repeating: 0, count: max(0, high - low + 1))
        for c in variable.validCodes { kinds[c - low] = 1 }
        for m in variable.missing { kinds[m.code - low] = 2 }
        self.low = low
        self.kinds = kinds
        var labels: [String: Int] = [:]
        for l in variable.labels + variable.missing { labels[Variable.labelKey(l.label)] = l.code }
        self.labelCodes = labels
        self.issues = RowLedger.CellIssues(variable: variable.code)
    }

    var column: Dataset.Column? {
        guard isPresent else { return nil }
        switch variable.type {
        case .multi: return .multi(multi)
        case .text: return .texts(texts)
        default: return .codes(codes)
        }
    }

    @inline(__always)
    func kind(of code: Int) -> UInt8 {
        let k = code - low
        return k >= 0 && k < kinds.count ? kinds[k] : 0
    }

    /// Appends one cell; returns the issue of a cell that cannot be used (stored as unreadable).
    @inline(__always)
    mutating func append(record: CSVRecord, field: Int, windows1252: Bool) -> Issue? {
        switch variable.type {
        case .text:
            let value = record.withBytes(field) { SourceText.decode($0, windows1252: windows1252) }
                .trimmingCharacters(in: .whitespacesAndNewlines)
            texts.append(value.isEmpty ? nil : value)
            return nil
        case .multi:
            let value = record.withBytes(field) { SourceText.decode($0, windows1252: windows1252) }
            var list: [Int16] = []
            var issue: Issue?
            for part in value.split(whereSeparator: { $0 == "|" || $0 == " " || $0 == "+" || $0 == "," || $0 == ";" }) {
                if let code = Int(part), kind(of: code) == 1 || kinds.isEmpty, let small = Int16(exactly: code) {
                    if !list.contains(small) { list.append(small) }
                } else {
                    issue = issue ?? (Int(part) == nil ? .unreadable : .outOfRange)
                }
            }
            multi.append(list)
            return issue
        default:
            let parsed = record.withBytes(field) { NumberParser.parse($0) }
            switch parsed {
            case .empty:
                codes.append(Dataset.noAnswer)
                return nil
            case .integer(let value):
                if kind(of: value) != 0 {
                    codes.append(Int16(value))
                    return nil
                }
                codes.append(Dataset.unreadable)
                return .outOfRange
            case .decimal:
                codes.append(Dataset.unreadable)
                return .unreadable
            case .text:
                let value = record.withBytes(field) { SourceText.decode($0, windows1252: windows1252) }
                if let code = labelCodes[Variable.labelKey(value)] {
                    codes.append(Int16(code))
                    labelsMatched += 1
                    return nil
                }
                codes.append(Dataset.unreadable)
                return .unreadable
            }
        }
    }

    /// Rows so far in this column.
    var currentCount: Int {
        switch variable.type {
        case .multi: return multi.count
        case .text: return texts.count
        default: return codes.count
        }
    }

    /// A file with this column starts: rows of earlier files that lacked it become empty answers.
    mutating func begin(rowsBefore: Int) {
        isPresent = true
        while currentCount < rowsBefore { appendEmpty() }
    }

    mutating func appendEmpty() {
        switch variable.type {
        case .multi: multi.append([])
        case .text: texts.append(nil)
        default: codes.append(Dataset.noAnswer)
        }
    }

    mutating func note(_ issue: Issue, line: Int, column: Int, value: String, keep: Int) {
        switch issue {
        case .outOfRange: issues.outOfRange += 1
        case .unreadable: issues.unreadable += 1
        }
        if issues.examples.count < keep {
            issues.examples.append(.init(line: line, column: column, value: value))
        }
    }

    /// This file's issues (if any), resetting the counts for the next file.
    mutating func drainIssues() -> RowLedger.CellIssues? {
        defer { issues = RowLedger.CellIssues(variable: variable.code) }
        return issues.total > 0 ? issues : nil
    }

    /// Label matches so far, reset per file.
    mutating func drainLabelsMatched() -> Int {
        defer { labelsMatched = 0 }
        return labelsMatched
    }
}
