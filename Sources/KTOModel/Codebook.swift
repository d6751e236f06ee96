import Foundation
import KTOImport

/// The questionnaire's variables in questionnaire order.
public struct Codebook: Sendable, Equatable {
    /// The file the codebook was read from (for messages).
    public var file: String
    public var variables: [Variable] { didSet { indexByCode = Self.indexByCode(variables) } }
    /// Lowercased code → index of the first variable with it: looked up per row of a
    /// comparison file and per cell of many tables.
    private var indexByCode: [String: Int]

    public init(file: String = "", variables: [Variable]) {
        self.file = file
        self.variables = variables
        indexByCode = Self.indexByCode(variables)
    }

    private static func indexByCode(_ variables: [Variable]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(variables.count)
        for (k, variable) in variables.enumerated() where index[variable.code.lowercased()] == nil {
            index[variable.code.lowercased()] = k
        }
        return index
    }

    /// The variable with this code (case-insensitive), if any.
    public func variable(_ code: String) -> Variable? {
        index(of: code).map { variables[$0] }
    }

    /// The index of the variable with this code (case-insensitive), if any.
    public func index(of code: String) -> Int? {
        indexByCode[code.lowercased()]
    }
}

extension Codebook {
    /// The columns a codebook file has; Dutch names are accepted as aliases.
    enum Column: String, CaseIterable {
        case variable, type, chapter, section, text, values, labels, missing, polarity, previous, scale, routing, columns
        /// Notes for the analyst (`kto init` writes what to check here); never read.
        case check

        static let aliases: [String: Column] = [
            "variable": .variable, "variabele": .variable, "code": .variable,
            "type": .type,
            "chapter": .chapter, "hoofdstuk": .chapter,
            "section": .section, "onderdeel": .section,
            "text": .text, "tekst": .text, "vraag": .text,
            "values": .values, "waarden": .values,
            "labels": .labels,
            "missing": .missing, "ontbrekend": .missing,
            "polarity": .polarity, "richting": .polarity,
            "previous": .previous, "vorige": .previous,
            "scale": .scale, "schaal": .scale,
            "routing": .routing, "asked_if": .routing, "gevraagd_als": .routing, "filter": .routing,
            "columns": .columns, "kolommen": .columns,
            "check": .check, "controleren": .check, "controle": .check, "opmerking": .check, "opmerkingen": .check,
            "notitie": .check, "note": .check, "notes": .check,
        ]
    }

    static let typeAliases: [String: VariableType] = [
        "grade": .grade, "rapportcijfer": .grade, "cijfer": .grade,
        "likert": .likert, "stelling": .likert,
        "category": .category, "categorie": .category,
        "multi": .multi, "meerkeuze": .multi, "codes": .multi,
        "text": .text, "tekst": .text, "open": .text,
        "id": .id, "group": .group, "groep": .group,
    ]

    /// The default 5-point scale of a statement.
    public static let likertLabels: [ValueLabel] = [
        ValueLabel(code: 1, label: "helemaal oneens"), ValueLabel(code: 2, label: "oneens"),
        ValueLabel(code: 3, label: "neutraal"), ValueLabel(code: 4, label: "eens"),
        ValueLabel(code: 5, label: "helemaal eens"),
    ]

    /// Reads a codebook file (CSV with `;`, `,` or tab, in any supported encoding).
    /// - Throws: `ImportError` when the file cannot be read as a table; `StudyError` listing every
    ///   mistake in its rows.
    public static func load(path: String, displayName: String? = nil) throws -> Codebook {
        let source = try SourceText(contentsOf: path, displayName: displayName)
        return try parse(source)
    }

    /// Parses a codebook from normalised source text.
    public static func parse(_ source: SourceText) throws -> Codebook {
        let reader = try CSVReader(source: source)
        let file = source.file
        var problems: [StudyProblem] = []
        var columnIndex: [Column: Int] = [:]
        for (k, name) in reader.header.enumerated() {
            guard let column = Column.aliases[name.lowercased()] else {
                let known = Column.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append(StudyProblem(
                    "onbekende kolom '\(name)' in het codeboek; bekende kolommen: \(known)",
                    at: SourceLocation(file: file, line: 1, column: nil)))
                continue
            }
            columnIndex[column] = k
        }
        for required in [Column.variable, .type] where columnIndex[required] == nil {
            problems.append(StudyProblem(
                "het codeboek mist de kolom '\(required.rawValue)'", at: SourceLocation(file: file, line: 1)))
        }
        guard problems.isEmpty else { throw StudyError(problems) }

        var variables: [Variable] = []
        var seen: [String: Int] = [:]
        _ = try reader.forEachRecord { record in
            func cell(_ c: Column) -> String {
                guard let k = columnIndex[c], k < record.count else { return "" }
                return record.withBytes(k) { SourceText.decode($0, windows1252: source.encoding == .windows1252) }
                    .trimmingWhitespace(newlines: true)
            }
            func problem(_ message: String, _ c: Column) {
                let k = columnIndex[c] ?? 0
                // The cell's own line: a quoted cell before it may span lines.
                let offset = record.offset(ofField: k < record.count ? k : 0)
                let location = SourceLocation(
                    file: file, line: record.line(ofByte: offset), column: k < record.count ? source.column(ofByte: offset) : nil)
                problems.append(StudyProblem(message, at: location, lineText: source.lineText(containingByte: offset)))
            }
            let code = cell(.variable)
            if code.isEmpty && (0..<record.count).allSatisfy({ record.isBlank($0) }) { return }
            guard !code.isEmpty else { return problem("variabele zonder naam", .variable) }
            if let first = seen[code.lowercased()] {
                return problem("variabele '\(code)' staat twee keer in het codeboek (eerst op regel \(first))", .variable)
            }
            seen[code.lowercased()] = record.line
            let typeText = cell(.type).lowercased()
            guard let type = typeAliases[typeText] else {
                let known = VariableType.allCases.map(\.rawValue).joined(separator: ", ")
                return problem("onbekend type '\(typeText)' voor '\(code)'; kies uit: \(known)", .type)
            }
            var variable = Variable(
                code: code, type: type, chapter: cell(.chapter), section: cell(.section), text: cell(.text),
                line: record.line)
            let problemsBefore = problems.count
            do {
                variable.labels = try parseLabels(cell(.labels))
            } catch let message as LabelSyntax {
                problem("labels van '\(code)': \(message.text)", .labels)
            }
            do {
                variable.missing = try parseMissing(cell(.missing))
            } catch let message as LabelSyntax {
                problem("ontbrekende waarden van '\(code)': \(message.text)", .missing)
            }
            do {
                variable.validCodes = try parseValues(cell(.values), type: type, labels: variable.labels)
            } catch let message as LabelSyntax {
                problem("waarden van '\(code)': \(message.text)", .values)
            }
            if type == .likert && variable.labels.isEmpty { variable.labels = likertLabels }
            if type == .category && variable.labels.isEmpty && variable.validCodes.isEmpty && problems.count == problemsBefore {
                problem("categorievariabele '\(code)' heeft geen labels of waarden", .labels)
            }
            if let wild = (variable.validCodes + variable.labels.map(\.code) + variable.missing.map(\.code)).first(where: { !(-9999...9999).contains($0) }) {
                problem("code \(wild) van '\(code)' valt buiten -9999...9999", .values)
                return
            }
            let overlap = Set(variable.validCodes).intersection(variable.missing.map(\.code))
            if let clash = overlap.sorted().first {
                problem("code \(clash) van '\(code)' is zowel geldig als ontbrekend", .missing)
            }
            switch cell(.polarity).lowercased() {
            case "", "positive", "positief", "+": variable.polarity = .positive
            case "negative", "negatief", "-":
                if type != .likert { problem("alleen stellingen (likert) hebben een richting; '\(code)' is \(type.rawValue)", .polarity) }
                variable.polarity = .negative
            case let other: problem("richting '\(other)' van '\(code)' is onbekend; kies positive of negative", .polarity)
            }
            switch cell(.scale).lowercased() {
            case "", "normal", "normaal": variable.reversedScale = false
            case "reversed", "omgekeerd":
                if type != .likert { problem("alleen stellingen (likert) kunnen een omgekeerde schaal hebben; '\(code)' is \(type.rawValue)", .scale) }
                variable.reversedScale = true
            case let other: problem("schaal '\(other)' van '\(code)' is onbekend; laat leeg of kies reversed", .scale)
            }
            if type == .likert, let message = scaleProblem(&variable, labelsGiven: !cell(.labels).isEmpty) { problem(message, .labels) }
            let columns = cell(.columns)
            if !columns.isEmpty {
                if type != .multi { problem("alleen een meerkeuzevraag (multi) kan uit kolommen per optie bestaan; '\(code)' is \(type.rawValue)", .columns) }
                do {
                    variable.optionColumns = try parseLabels(columns).map { OptionColumn(code: $0.code, column: $0.label) }
                } catch let message as LabelSyntax {
                    problem("kolommen van '\(code)': \(message.text); schrijf code=kolom, bijvoorbeeld 1=kanaal_tel|2=kanaal_balie", .columns)
                }
                if let unknown = variable.optionColumns.first(where: { !variable.validCodes.contains($0.code) }) {
                    problem("kolommen van '\(code)': code \(unknown.code) staat niet bij de labels (de opties)", .columns)
                }
            }
            let routing = cell(.routing)
            if !routing.isEmpty {
                let parts = routing.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespace() }
                let codes = parts.count == 2 ? parts[1].split(whereSeparator: { $0 == "," || $0 == "|" }).compactMap { Int($0.trimmingWhitespace()) } : []
                if parts.count == 2, !parts[0].isEmpty, !codes.isEmpty {
                    variable.routing = Routing(variable: parts[0], codes: codes)
                } else {
                    problem("routing '\(routing)' van '\(code)' is geen variabele=codes (bijvoorbeeld traject=2,3: alleen gevraagd aan wie daar 2 of 3 antwoordde)", .routing)
                }
            }
            let previous = cell(.previous)
            if previous.contains(":") {
                // Per meting: 2013:oud_naam|2011:-
                for part in previous.split(separator: "|") {
                    let pieces = part.split(separator: ":", maxSplits: 1).map { $0.trimmingWhitespace() }
                    guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                        problem("'\(part)' in de kolom previous van '\(code)' is geen meting:naam (bijvoorbeeld 2013:oud_naam|2011:-)", .previous)
                        continue
                    }
                    variable.previousCodes[pieces[0]] = pieces[1] == "-" ? .some(nil) : .some(pieces[1])
                }
            } else {
                variable.previousCode = previous.isEmpty ? nil : (previous == "-" ? .some(nil) : .some(previous))
            }
            variables.append(variable)
        }
        if variables.isEmpty && problems.isEmpty {
            problems.append(StudyProblem("het codeboek bevat geen variabelen", at: SourceLocation(file: file, line: 1)))
        }
        // A routing condition names a coded variable of this codebook and its codes.
        for variable in variables {
            guard let routing = variable.routing else { continue }
            guard let source = variables.first(where: { $0.code.lowercased() == routing.variable.lowercased() }),
                  [.category, .grade, .likert].contains(source.type) else {
                problems.append(StudyProblem("routing van '\(variable.code)' noemt '\(routing.variable)', maar dat is geen vraag met codes in het codeboek", at: SourceLocation(file: file, line: variable.line)))
                continue
            }
            let known = Set(source.validCodes + source.missing.map(\.code))
            if let wrong = routing.codes.first(where: { !known.contains($0) }) {
                problems.append(StudyProblem("routing van '\(variable.code)': \(wrong) is geen code van '\(source.code)'", at: SourceLocation(file: file, line: variable.line)))
            }
        }
        if variables.filter({ $0.type == .id }).count > 1 {
            problems.append(StudyProblem("het codeboek heeft meer dan één variabele van type id", at: SourceLocation(file: file, line: 1)))
        }
        guard problems.isEmpty else { throw StudyError(problems) }
        return Codebook(file: file, variables: variables)
    }

    /// Finding 6 of the trust issue: a statement coded 1 = helemaal eens … 5 = helemaal oneens was
    /// reported as % eens from codes 4 and 5, the share that disagrees. Labels that run from
    /// agree to disagree are an error unless the codebook declares the scale reversed; then the
    /// labels move to the reversed codes (low + high − c), as the loader moves the data.
    /// Default labels (none given) describe kto's own order and are not moved.
    static func scaleProblem(_ variable: inout Variable, labelsGiven: Bool) -> String? {
        let codes = variable.validCodes.sorted()
        guard let low = codes.first, let high = codes.last else { return nil }
        let lowLabel = variable.labels.first { $0.code == low }
        let highLabel = variable.labels.first { $0.code == high }
        let runsBackwards = lowLabel.flatMap { Variable.agreement(of: $0.label) } == .positive
            && highLabel.flatMap { Variable.agreement(of: $0.label) } == .negative
        if variable.reversedScale {
            guard Set(codes.map { low + high - $0 }) == Set(codes) else {
                return "de geldige waarden van '\(variable.code)' zijn niet symmetrisch, dus de schaal kan niet worden omgekeerd"
            }
            guard labelsGiven else { return nil }
            variable.labels = variable.labels.map { label in
                codes.contains(label.code) ? ValueLabel(code: low + high - label.code, label: label.label) : label
            }.sorted { $0.code < $1.code }
            return nil
        }
        guard runsBackwards, let lowLabel, let highLabel else { return nil }
        return "de labels van '\(variable.code)' lopen van eens naar oneens (\(lowLabel.code)=\(lowLabel.label) … \(highLabel.code)=\(highLabel.label)), maar kto telt de hoogste codes als eens: % eens zou het aandeel oneens tonen. Is de data zo gecodeerd, zet dan reversed in de kolom scale (kto keert de codes dan om en meldt dat); anders kloppen de labels niet"
    }

    struct LabelSyntax: Error { var text: String }

    /// `1=Nee|2=Ja` → labels. Labels may contain commas; `|` separates entries.
    static func parseLabels(_ text: String) throws -> [ValueLabel] {
        guard !text.isEmpty else { return [] }
        var labels: [ValueLabel] = []
        for entry in text.split(separator: "|", omittingEmptySubsequences: true) {
            let parts = entry.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let code = Int(parts[0].trimmingWhitespace()) else {
                throw LabelSyntax(text: "'\(entry)' is geen code=label (bijvoorbeeld 1=Nee|2=Ja)")
            }
            let label = parts[1].trimmingWhitespace()
            guard !label.isEmpty else { throw LabelSyntax(text: "code \(code) heeft een leeg label") }
            if labels.contains(where: { $0.code == code }) { throw LabelSyntax(text: "code \(code) komt twee keer voor") }
            labels.append(ValueLabel(code: code, label: label))
        }
        return labels
    }

    /// `8=weet niet|9=n.v.t.`, or labels only (`weet niet|n.v.t.`), which get codes -1, -2, ...
    static func parseMissing(_ text: String) throws -> [ValueLabel] {
        guard !text.isEmpty else { return [] }
        var result: [ValueLabel] = []
        var automatic = -1
        for entry in text.split(separator: "|", omittingEmptySubsequences: true) {
            let trimmed = entry.trimmingWhitespace()
            if trimmed.contains("=") {
                result.append(contentsOf: try parseLabels(trimmed))
            } else if let code = Int(trimmed) {
                result.append(ValueLabel(code: code, label: "ontbrekend (\(code))"))
            } else {
                result.append(ValueLabel(code: automatic, label: trimmed))
                automatic -= 1
            }
        }
        if Set(result.map(\.code)).count != result.count { throw LabelSyntax(text: "een code komt twee keer voor") }
        return result
    }

    /// `1-10`, `1,2,3` or `1|2|3`; empty means the type's default (grade 1-10, likert 1-5,
    /// category and multi: the label codes).
    static func parseValues(_ text: String, type: VariableType, labels: [ValueLabel]) throws -> [Int] {
        if text.isEmpty {
            switch type {
            case .grade: return Array(1...10)
            case .likert: return Array(1...5)
            case .category, .multi, .group: return labels.map(\.code)
            case .text, .id: return []
            }
        }
        guard type != .text && type != .id else {
            throw LabelSyntax(text: "een \(type.rawValue)-variabele heeft geen waarden")
        }
        let compact = text.removingASCII(0x20)
        if let dash = compact.firstIndex(of: "-"), dash != compact.startIndex,
           let low = Int(compact[..<dash]), let high = Int(compact[compact.index(after: dash)...]) {
            guard low <= high, high - low <= 1000 else { throw LabelSyntax(text: "'\(text)' is geen bereik van laag naar hoog") }
            return Array(low...high)
        }
        var codes: [Int] = []
        for part in compact.split(whereSeparator: { $0 == "," || $0 == "|" }) {
            guard let code = Int(part) else { throw LabelSyntax(text: "'\(part)' is geen geheel getal (schrijf 1-10 of 1,2,3)") }
            codes.append(code)
        }
        guard !codes.isEmpty else { throw LabelSyntax(text: "geen waarden") }
        return codes
    }
}
