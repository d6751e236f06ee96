import KTOImport

/// How one variable's cells become values: the full rules, used for every cell that the reader's
/// code table does not settle (quoted, text, labels, out of range, spaces, decimals).
///
/// `tableEntry(for:)` says what the table may store for a short number, so the fast path and
/// this slow path cannot disagree: the table holds a value only where `code(of:)` would return
/// that value without an issue and without a label match.
final class CellDecoder: Sendable {
    enum Issue: Sendable { case outOfRange, unreadable }

    /// The variable's code, for the ledger.
    let name: String
    let type: VariableType
    /// Code → 1 (valid) or 2 (missing), for codes in `low...low+kinds.count-1`.
    let low: Int
    let kinds: [UInt8]
    let labelCodes: [String: Int]
    /// Texts by `AnswerTexts.key`: the labels again (accents and punctuation ignored), then the
    /// common Dutch answer texts that fit the variable. Tried only when `labelCodes` has no entry.
    let answerCodes: [String: Int]
    /// For option columns: code → its label's key (a cell with the label ticks the option).
    let optionLabels: [Int16: String]
    /// For a reversed scale: valid codes become `reverseSum - code`; 0 otherwise.
    let reverseSum: Int

    /// The decoders of `variables`, in order. Variables with the same answers (labels, missing
    /// codes, type and valid codes: all statements of a questionnaire, say) share one table of
    /// answer texts, made once.
    static func all(_ variables: [Variable]) -> [CellDecoder] {
        struct Answers: Hashable {
            var type: VariableType
            var labels: [ValueLabel]
            var missing: [ValueLabel]
            var valid: [Int]
        }
        var tables: [Answers: [String: Int]] = [:]
        return variables.map { variable in
            let answers = Answers(type: variable.type, labels: variable.labels, missing: variable.missing, valid: variable.validCodes)
            let table = tables[answers] ?? AnswerTexts.table(for: variable)
            tables[answers] = table
            return CellDecoder(variable: variable, answerCodes: table)
        }
    }

    convenience init(variable: Variable) {
        self.init(variable: variable, answerCodes: AnswerTexts.table(for: variable))
    }

    /// - Parameter answerCodes: `AnswerTexts.table(for: variable)`.
    init(variable: Variable, answerCodes table: [String: Int]) {
        name = variable.code
        type = variable.type
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
        answerCodes = type == .text || type == .multi || type == .id ? [:] : table
        var options: [Int16: String] = [:]
        for option in variable.optionColumns {
            if let label = variable.label(of: option.code) { options[Int16(truncatingIfNeeded: option.code)] = Variable.labelKey(label) }
        }
        optionLabels = options
        let valid = variable.validCodes
        reverseSum = variable.reversedScale ? (valid.min() ?? 0) + (valid.max() ?? 0) : 0
    }

    /// A valid data code as the dataset keeps it (reversed scales turned around).
    @inline(__always)
    func stored(_ value: Int) -> Int { reverseSum != 0 && kind(of: value) == 1 ? reverseSum - value : value }

    /// Whether cells are codes (grade, likert, category), i.e. one `Int16` per row.
    var isCode: Bool { type != .text && type != .multi }

    /// Whether every code this decoder can store fits a narrow `CodeColumn` (a reversed scale
    /// stays within its valid codes' range; labels only stand for codes in `kinds`).
    var isNarrow: Bool {
        kinds.isEmpty || (CodeColumn.narrowRange.contains(low) && CodeColumn.narrowRange.contains(low + kinds.count - 1))
    }

    @inline(__always)
    func kind(of code: Int) -> UInt8 {
        let k = code - low
        return k >= 0 && k < kinds.count ? kinds[k] : 0
    }

    /// The code-table entry for a cell holding the number `value`: the code itself when it is a
    /// valid or missing code, otherwise `slow`, so that the slow path counts the issue.
    func tableEntry(for value: Int) -> Int16 {
        guard isCode, kind(of: value) != 0, let code = Int16(exactly: value), code != CSVCodeTable.slow,
              CSVCodeTable.canStore(code), let stored = Int16(exactly: stored(value)), CSVCodeTable.canStore(stored) else {
            return CSVCodeTable.slow
        }
        return stored
    }

    /// A code cell: the code, `Dataset.noAnswer` or `Dataset.unreadable` (with its issue).
    func code(of record: CSVRecord, field: Int, windows1252: Bool) -> (code: Int16, issue: Issue?, labelMatched: Bool) {
        let parsed = record.withBytes(field) { NumberParser.parse($0) }
        switch parsed {
        case .empty:
            return (Dataset.noAnswer, nil, false)
        case .integer(let value):
            if kind(of: value) != 0 { return (Int16(stored(value)), nil, false) }
            return (Dataset.unreadable, .outOfRange, false)
        case .decimal:
            return (Dataset.unreadable, .unreadable, false)
        case .text:
            let value = record.withBytes(field) { SourceText.decode($0, windows1252: windows1252) }
            // A cell that already has its key's form ("weet niet") is found without making the key:
            // the key of a key is itself, so the answer is the same.
            guard let code = labelCodes[value] ?? labelCodes[Variable.labelKey(value)] ?? answerCodes[AnswerTexts.key(value)] else {
                return (Dataset.unreadable, .unreadable, false)
            }
            // A label stands for its code: one that is neither valid nor missing is out of range,
            // as the number itself would be (not kept as if it were an answer).
            guard kind(of: code) != 0 else { return (Dataset.unreadable, .outOfRange, false) }
            return (Int16(code), nil, true)
        }
    }

    /// An open answer: trimmed text, nil when empty.
    static func text(of record: CSVRecord, field: Int, windows1252: Bool) -> String? {
        record.withBytes(field) { bytes in
            // Most open answers are empty; most others start and end with a visible ASCII
            // character, where there is nothing to trim. Only the rest goes through Foundation's
            // (Unicode-aware, much slower) trimming.
            guard let first = bytes.first, let last = bytes.last else { return nil }
            let value = SourceText.decode(bytes, windows1252: windows1252)
            if first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F { return value }
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Several codes (`1|4`): the valid ones once each, and the first problem met.
    func multi(of record: CSVRecord, field: Int, windows1252: Bool) -> (codes: [Int16], issue: Issue?) {
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
        return (list, issue)
    }
}

/// One variable's column over all files of a meting.
struct ColumnBuilder {
    let variable: Variable
    var codes: CodeColumn
    var multi: [[Int16]] = []
    var texts: [String?] = []
    /// Whether any file so far had this column.
    var isPresent = false

    init(variable: Variable, narrow: Bool) {
        self.variable = variable
        codes = CodeColumn(narrow: narrow)
    }

    var column: Dataset.Column? {
        guard isPresent else { return nil }
        switch variable.type {
        case .multi: return .multi(multi)
        case .text: return .texts(texts)
        default: return .codes(codes)
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
        if currentCount < rowsBefore { appendEmpty(rowsBefore - currentCount) }
    }

    /// `count` rows without an answer (a file without this column).
    mutating func appendEmpty(_ count: Int) {
        guard count > 0 else { return }
        switch variable.type {
        case .multi: multi.append(contentsOf: repeatElement([], count: count))
        case .text: texts.append(contentsOf: repeatElement(nil, count: count))
        default: codes.appendEmpty(count)
        }
    }
}
