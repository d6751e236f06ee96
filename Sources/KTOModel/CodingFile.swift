import Foundation
import KTOImport

/// One row of a coding file that could not be used, with where it is and why.
public struct CodingProblem: Diagnostic, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case fieldCount, missingRespondent, unknownRespondent, unknownVariable, notOpenQuestion
        case unreadableCode, unknownCode, duplicate, conflict

        /// A short Dutch key for counting problems of one kind.
        public var dutch: String {
            switch self {
            case .fieldCount: return "te weinig velden"
            case .missingRespondent: return "geen respondentnummer"
            case .unknownRespondent: return "onbekend respondentnummer"
            case .unknownVariable: return "onbekende variabele"
            case .notOpenQuestion: return "geen open vraag"
            case .unreadableCode: return "onleesbare code"
            case .unknownCode: return "onbekende code"
            case .duplicate: return "dubbele regel"
            case .conflict: return "strijdig met de export"
            }
        }
    }

    public var kind: Kind
    public var location: SourceLocation?
    public var message: String
    public var lineText: String?
}

/// The account of one coding file: every row read is coded, marked not codable, still open, or
/// rejected with its place and reason (read = coded + not codable + open + rejected).
public struct CodingLedger: Sendable, Equatable {
    public var file: String
    /// The meting whose answers the file codes.
    public var meting: String
    public var encoding: TextEncoding
    public var encodingDetected: Bool
    public var rowsRead = 0
    /// Rows whose codes were taken over.
    public var rowsCoded = 0
    /// Rows marked `-`: read by the analyst, nothing codable (outside every base).
    public var rowsNotCodable = 0
    /// Rows with an empty codes cell: still to be coded (outside every base until coded).
    public var rowsOpen = 0
    public var rejections: [CodingProblem] = []
    /// Columns the file has besides respondent, variable and codes (text and keyword columns
    /// that `kto code` writes, or an analyst's notes): read past, listed here.
    public var otherColumns: [String] = []
    /// Codes taken over per codes variable, for the summary.
    public var codedPerVariable: [String: Int] = [:]

    /// Rejected rows per kind, in a fixed order.
    public var rejectionCounts: [(kind: CodingProblem.Kind, count: Int)] {
        CodingProblem.Kind.allCases.compactMap { kind in
            let n = rejections.filter { $0.kind == kind }.count
            return n > 0 ? (kind, n) : nil
        }
    }
}

/// Coding files: the codes of open answers that an analyst fills in (in Excel), beside or instead
/// of the multi-code columns of the export.
///
/// Format (CSV, `;` or any separator the importer sniffs, any supported encoding), a header row and
/// one row per answer:
///
/// ```
/// respnr;variabele;codes;tekst
/// 150003;goed_codes;1|4;Het geld staat altijd op tijd op mijn rekening. Mijn consulent …
/// 150007;verbeter_codes;-;Geen
/// 150011;goed_codes;;(nog te coderen)
/// ```
///
/// - `respnr` (or the codebook's id variable's name, `respondent`, `id`): the respondent.
/// - `variabele` (`variable`): the codes variable of the question (`goed_codes`), or its text
///   variable (`goed_tekst`).
/// - `codes` (`code`): codes of the code list separated by `|` (also `+`, `,` or a space); `-` = read,
///   nothing codable; empty = not coded yet.
/// - any other column (`tekst`, `trefwoorden`, notes) is read past.
public enum CodingFile {
    /// The mark for "read, nothing codable".
    public static let notCodableMark = "-"

    static let respondentAliases: Set<String> = ["respnr", "respondent", "respondentnummer", "id", "nummer"]
    static let variableAliases: Set<String> = ["variable", "variabele", "vraag"]
    static let codesAliases: Set<String> = ["codes", "code", "codering"]

    /// Reads coding files and puts their codes into the dataset's codes columns.
    /// - Returns: one ledger per file, and per codes variable (lowercased) the rows marked `-`.
    /// - Throws: `ImportError` (unreadable file); `StudyError` when a file lacks a needed column or
    ///   the codebook has no respondent id.
    public static func apply(
        _ files: [Study.DataFile], to dataset: inout Dataset, questions: [OpenQuestion]
    ) throws -> (ledgers: [CodingLedger], notCodable: [String: Set<Int>]) {
        guard !files.isEmpty else { return ([], [:]) }
        let codebook = dataset.codebook
        guard let idVariable = codebook.variables.first(where: { $0.type == .id }) else {
            throw StudyError([StudyProblem(
                "een coderingsbestand koppelt codes aan respondentnummers, maar het codeboek heeft geen variabele van type id",
                at: SourceLocation(file: files[0].displayName, line: 1))])
        }
        var rowOfID: [String: Int] = [:]
        for (row, id) in dataset.ids.enumerated() where !id.isEmpty { rowOfID[id] = row }
        var ledgers: [CodingLedger] = []
        var notCodable: [String: Set<Int>] = [:]
        // (codes variable index, row) → where it was coded first.
        var seen: [Int64: SourceLocation] = [:]

        for file in files {
            let source = try SourceText(contentsOf: file.path, displayName: file.displayName)
            let reader = try CSVReader(source: source)
            var ledger = CodingLedger(file: file.displayName, meting: dataset.meting, encoding: source.encoding, encodingDetected: source.detected)
            var respondentColumn: Int?
            var variableColumn: Int?
            var codesColumn: Int?
            for (k, raw) in reader.header.enumerated() {
                let name = raw.trimmingWhitespace().lowercased()
                if respondentColumn == nil && (respondentAliases.contains(name) || name == idVariable.code.lowercased()) {
                    respondentColumn = k
                } else if variableColumn == nil && variableAliases.contains(name) {
                    variableColumn = k
                } else if codesColumn == nil && codesAliases.contains(name) {
                    codesColumn = k
                } else {
                    ledger.otherColumns.append(raw)
                }
            }
            guard let respondentColumn, let variableColumn, let codesColumn else {
                var missing: [String] = []
                if respondentColumn == nil { missing.append("respnr") }
                if variableColumn == nil { missing.append("variabele") }
                if codesColumn == nil { missing.append("codes") }
                throw StudyError([StudyProblem(
                    "het coderingsbestand mist de kolom\(missing.count > 1 ? "men" : "") \(missing.map { "'\($0)'" }.joined(separator: ", ")) "
                        + "(verwacht een kopregel als: respnr;variabele;codes;tekst)",
                    at: SourceLocation(file: file.displayName, line: 1), lineText: source.lineText(1))])
            }
            let width = max(respondentColumn, variableColumn, codesColumn) + 1
            let windows1252 = source.encoding == .windows1252
            var cursor = reader.makeCursor()
            while let record = try cursor.next() {
                if (0..<record.count).allSatisfy(record.isBlank) { continue }
                ledger.rowsRead += 1
                func text(_ k: Int) -> String {
                    record.withBytes(k) { SourceText.decode($0, windows1252: windows1252) }
                }
                func reject(_ kind: CodingProblem.Kind, _ message: String, field: Int?, offset: Int = 0) {
                    var line = record.line
                    var column: Int?
                    var start = record.offset(ofField: 0)
                    if let field, field < record.count {
                        // The cell's own line: a quoted cell before it may span lines. (Before
                        // `offset` the cell holds digits and separators: a column each, no line end.)
                        start = record.offset(ofField: field)
                        line = record.line(ofByte: start)
                        column = source.column(ofByte: start) + (record.isQuoted(field) ? 1 : 0) + offset
                    }
                    ledger.rejections.append(CodingProblem(
                        kind: kind, location: SourceLocation(file: file.displayName, line: line, column: column),
                        message: message, lineText: source.lineText(containingByte: start)))
                }
                guard record.count >= width else {
                    reject(.fieldCount, "regel heeft \(record.count) velden; respnr, variabele en codes staan in kolom \(respondentColumn + 1), \(variableColumn + 1) en \(codesColumn + 1)", field: nil)
                    continue
                }
                // The respondent: numeric ids as the loader keeps them ("0012" is respondent 12).
                let id: String
                switch record.withBytes(respondentColumn, { NumberParser.parse($0) }) {
                case .empty:
                    reject(.missingRespondent, "geen respondentnummer", field: respondentColumn)
                    continue
                case .integer(let number): id = String(number)
                case .decimal, .text: id = text(respondentColumn).trimmingWhitespace()
                }
                let variableName = text(variableColumn).trimmingWhitespace()
                guard let question = questions.first(where: {
                    $0.codes.code.lowercased() == variableName.lowercased() || $0.text?.code.lowercased() == variableName.lowercased()
                }) else {
                    if let variable = codebook.variable(variableName) {
                        reject(.notOpenQuestion, "'\(variable.code)' is geen gecodeerde open vraag (type \(variable.type.rawValue)); "
                            + "gebruik de codesvariabele: \(questions.map(\.codes.code).joined(separator: ", "))", field: variableColumn)
                    } else {
                        let names = Set(questions.flatMap { [$0.codes.code.lowercased()] + ($0.text.map { [$0.code.lowercased()] } ?? []) })
                        let hint = variableName.isEmpty ? "; vul een codesvariabele in" : Study.suggestion(for: variableName.lowercased(), in: names)
                        reject(.unknownVariable, "variabele '\(variableName)' staat niet in het codeboek\(hint)", field: variableColumn)
                    }
                    continue
                }
                guard let row = rowOfID[id] else {
                    reject(.unknownRespondent, "respondentnummer '\(id)' staat niet in de data van meting \(dataset.meting)", field: respondentColumn)
                    continue
                }
                guard let index = codebook.index(of: question.codes.code) else { continue }
                let codesText = text(codesColumn)
                let trimmed = codesText.trimmingWhitespace()
                if trimmed.isEmpty {
                    ledger.rowsOpen += 1
                    continue
                }
                let key = Int64(index) << 32 | Int64(row)
                if let first = seen[key] {
                    let place = first.file == file.displayName ? "regel \(first.line)" : "\(first.file):\(first.line)"
                    reject(.duplicate, "respondent \(id) staat voor \(question.codes.code) al op \(place)", field: respondentColumn)
                    continue
                }
                var existing: [Int16] = []
                if case .multi(let lists)? = dataset.columns[index] { existing = lists[row] }
                if trimmed == notCodableMark {
                    guard existing.isEmpty else {
                        reject(.conflict, "respondent \(id) heeft voor \(question.codes.code) in de export al de codes \(joined(existing)); "
                            + "een coderingsbestand vult alleen ontbrekende codes aan", field: codesColumn)
                        continue
                    }
                    seen[key] = SourceLocation(file: file.displayName, line: record.line)
                    notCodable[question.codes.code.lowercased(), default: []].insert(row)
                    ledger.rowsNotCodable += 1
                    continue
                }
                let parsed = parseCodes(codesText, question: question)
                if let bad = parsed.problems.first {
                    let list = parsed.problems.map { "'\($0.text)'" }.joined(separator: ", ")
                    let valid = question.codeList.map(\.code)
                    let range = valid.isEmpty ? "" : " (geldig: \(rangeText(valid)), of - voor niet te coderen)"
                    if parsed.problems.contains(where: { !$0.isNumber }) {
                        reject(.unreadableCode, "\(list) is geen code van \(question.codes.code)\(range); scheid codes met |", field: codesColumn, offset: bad.offset)
                    } else {
                        reject(.unknownCode, "code \(list) staat niet in de codelijst van \(question.codes.code)\(range)", field: codesColumn, offset: bad.offset)
                    }
                    continue
                }
                if !existing.isEmpty && Set(existing) != Set(parsed.codes) {
                    reject(.conflict, "respondent \(id) heeft voor \(question.codes.code) in de export al de codes \(joined(existing)), hier \(joined(parsed.codes)); "
                        + "een coderingsbestand vult alleen ontbrekende codes aan", field: codesColumn)
                    continue
                }
                seen[key] = SourceLocation(file: file.displayName, line: record.line)
                if case .multi(var lists)? = dataset.columns[index] {
                    dataset.columns[index] = nil  // keep the array uniquely referenced while it changes
                    lists[row] = parsed.codes
                    dataset.columns[index] = .multi(lists)
                } else {
                    var lists = [[Int16]](repeating: [], count: dataset.rowCount)
                    lists[row] = parsed.codes
                    dataset.columns[index] = .multi(lists)
                }
                ledger.rowsCoded += 1
                ledger.codedPerVariable[question.codes.code, default: 0] += 1
            }
            ledgers.append(ledger)
        }
        return (ledgers, notCodable)
    }

    struct BadPart {
        var text: String
        /// Characters from the start of the cell.
        var offset: Int
        var isNumber: Bool
    }

    /// `1|4` → [1, 4]; every part that is not a code of the question is a problem (with its offset).
    static func parseCodes(_ cell: String, question: OpenQuestion) -> (codes: [Int16], problems: [BadPart]) {
        let valid = Set(question.codeList.map(\.code))
        var codes: [Int16] = []
        var problems: [BadPart] = []
        var part = ""
        var partStart = 0
        func flush() {
            defer { part = "" }
            guard !part.isEmpty else { return }
            if let code = Int(part), valid.contains(code), let small = Int16(exactly: code) {
                if !codes.contains(small) { codes.append(small) }
            } else {
                problems.append(BadPart(text: part, offset: partStart, isNumber: Int(part) != nil))
            }
        }
        for (offset, character) in cell.enumerated() {
            if character == "|" || character == "+" || character == "," || character == " " || character == "\t" || character == ";" {
                flush()
            } else {
                if part.isEmpty { partStart = offset }
                part.append(character)
            }
        }
        flush()
        return (codes.sorted(), problems)
    }

    static func joined(_ codes: [Int16]) -> String { codes.sorted().map(String.init).joined(separator: "|") }

    /// `1, 2, …, 9` → "1-9"; otherwise the list.
    static func rangeText(_ codes: [Int]) -> String {
        let sorted = codes.sorted()
        if let first = sorted.first, let last = sorted.last, last - first + 1 == sorted.count, sorted.count > 2 { return "\(first)-\(last)" }
        return sorted.map(String.init).joined(separator: ", ")
    }
}
