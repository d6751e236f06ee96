import Foundation
import KTOImport

/// What `kto init` needs to know about one column of a data file to guess its type: its numbers
/// and texts, its labels and missing values, how many cells are filled.
struct ColumnFacts {
    let index: Int
    let name: String
    /// The question text: the variable label, or the name.
    let text: String
    let hasLabel: Bool
    /// Whole-number codes and how often each occurs.
    var codeCounts: [Int: Int] = [:]
    /// Numbers with a fraction, or too large to be a code.
    var otherNumbers = 0
    /// Texts that are not numbers: by `AnswerTexts.key`, with their count and most frequent spelling.
    var texts: [String: (count: Int, spelling: String, spellings: [String: Int])] = [:]
    /// Texts of several codes in one cell (`1|4`).
    var codeLists = 0
    var nonEmpty = 0
    var textLength = 0
    /// Whole-number value labels of the file.
    var valueLabels: [ValueLabel] = []
    /// Value labels of string values (SPSS string variables), kept for a note.
    var textValueLabels: [(value: String, label: String)] = []
    /// User-missing codes the file declares.
    var declaredMissing: Set<Int> = []
    /// User-missing strings (SPSS string variables) and how often each occurs.
    var missingTexts: [String: Int] = [:]
    var missingRange: (low: Double, high: Double)?
    var isDate = false
    /// Whether some value occurs twice (an id must not).
    var duplicateCells = false

    init(column: DataColumn, index: Int) {
        self.index = index
        name = column.name
        let label = column.label.map(PlatformText.oneLine) ?? ""
        hasLabel = !label.isEmpty
        text = label.isEmpty ? column.name : label
        isDate = column.dateEpoch != nil
        for entry in column.valueLabels {
            switch entry.value {
            case .number(let d):
                let text = DraftBuilder.cleanLabel(entry.label)
                if d == d.rounded(), abs(d) <= 9999, !text.isEmpty, !valueLabels.contains(where: { $0.code == Int(d) }) {
                    valueLabels.append(ValueLabel(code: Int(d), label: text))
                }
            case .text(let s): textValueLabels.append((s, entry.label))
            }
        }
        switch column.missing {
        case .none: break
        case .discrete(let values):
            for value in values {
                switch value {
                case .number(let d): if d == d.rounded() && abs(d) <= 9999 { declaredMissing.insert(Int(d)) }
                case .text(let t): missingTexts[t.trimmingCharacters(in: .whitespaces), default: 0] += 0
                }
            }
        case .range(let low, let high, let discrete):
            missingRange = (low, high)
            if let d = discrete, d == d.rounded(), abs(d) <= 9999 { declaredMissing.insert(Int(d)) }
        }
        // Cells are counted by value first: a survey column has few different values, so the
        // text work (trimming, numbers, answer-text keys) is done once per value, not per cell.
        var numbers: [Double: Int] = [:]
        var raws: [String: Int] = [:]
        for cell in column.cells {
            switch cell {
            case .empty: continue
            case .number(let d): numbers[d, default: 0] += 1
            case .boolean(let b): numbers[b ? 1 : 0, default: 0] += 1
            case .text(let s): raws[s, default: 0] += 1
            }
        }
        for (d, count) in numbers {
            nonEmpty += count
            if count > 1 { duplicateCells = true }
            if d == d.rounded(), abs(d) <= 9999 { codeCounts[Int(d), default: 0] += count } else { otherNumbers += count }
        }
        var trimmed: [String: Int] = [:]
        for (raw, count) in raws {
            let value = Self.trim(raw)
            if !value.isEmpty { trimmed[value, default: 0] += count }
        }
        var spellings: [String: [String: Int]] = [:]
        for (value, count) in trimmed {
            add(value, count: count, spellings: &spellings)
        }
        for (key, forms) in spellings {
            // The most frequent spelling; on a tie the first in code-point order (deterministic).
            if let best = forms.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }) {
                texts[key]?.spelling = best.key
                texts[key]?.spellings = forms
            }
        }
        // A range of missing values: the codes in it that occur or have a label.
        if let range = missingRange {
            for code in Set(codeCounts.keys).union(valueLabels.map(\.code)) where Double(code) >= range.low && Double(code) <= range.high {
                declaredMissing.insert(code)
            }
        }
    }

    /// Trimmed text; Foundation only when an end is not a visible ASCII character.
    static func trim(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One value of the text cells, which `count` cells hold.
    private mutating func add(_ value: String, count: Int, spellings: inout [String: [String: Int]]) {
        nonEmpty += count
        if count > 1 { duplicateCells = true }
        if missingTexts[value] != nil {
            missingTexts[value, default: 0] += count
            return
        }
        switch Array(value.utf8).withUnsafeBufferPointer({ NumberParser.parse($0) }) {
        case .integer(let v) where abs(v) <= 9999: codeCounts[v, default: 0] += count
        case .integer, .decimal: otherNumbers += count
        case .empty: nonEmpty -= count
        case .text:
            if Self.isCodeList(value) {
                codeLists += count
                for part in value.split(separator: "|") { if let c = Int(part.trimmingCharacters(in: .whitespaces)) { codeCounts[c, default: 0] += 0 } }
            } else {
                let key = AnswerTexts.key(value)
                var entry = texts[key] ?? (0, value, [:])
                entry.count += count
                texts[key] = entry
                spellings[key, default: [:]][value, default: 0] += count
                textLength += value.count * count
            }
        }
    }

    /// `1|4`, `2 | 7`: codes of a coded open answer in one cell.
    static func isCodeList(_ text: String) -> Bool {
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            let t = part.trimmingCharacters(in: .whitespaces)
            return !t.isEmpty && t.count <= 4 && t.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// Number of text cells (not numbers).
    var textCount: Int { texts.values.reduce(0) { $0 + $1.count } }
    /// Number of whole-number cells.
    var codeCount: Int { codeCounts.values.reduce(0, +) }
    var averageTextLength: Double { textCount == 0 ? 0 : Double(textLength) / Double(textCount) }

    /// The label of a code in the file, if any.
    func label(of code: Int) -> String? { valueLabels.first { $0.code == code }?.label }
}
