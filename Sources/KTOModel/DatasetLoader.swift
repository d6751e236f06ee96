import KTOImport

/// A rejected row when `--strict` makes rejections fatal.
public struct StrictModeError: Error, Diagnostic, Equatable {
    public var location: SourceLocation?
    public var message: String
    public var lineText: String?
}

/// Reads a meting's export files into a `Dataset`, keeping the ledger.
public struct DatasetLoader: Sendable {
    public var study: Study
    public var codebook: Codebook
    /// Any rejected row is a fatal error.
    public var strict: Bool = false
    /// Examples of unusable cells kept per variable.
    public var examplesPerVariable = 5

    public init(study: Study, codebook: Codebook, strict: Bool = false) {
        self.study = study
        self.codebook = codebook
        self.strict = strict
    }

    /// Which meting's column names to use.
    public enum Naming: Sendable {
        /// The codebook's codes.
        case current
        /// The codebook's `previous` names (renamed or not asked in the previous meting).
        case previous
    }

    /// Loads and concatenates `files` into one dataset.
    /// - Parameters:
    ///   - progress: (file, bytes done, bytes total), now and then.
    /// - Returns: the dataset and one ledger per file.
    /// - Throws: `ImportError` (unreadable file, unterminated quote, bad header), `StudyError` (the
    ///   grouping variable is not in the file), `StrictModeError` under `strict`.
    public func load(
        files: [Study.DataFile], meting: String, naming: Naming = .current,
        progress: ((String, Int, Int) -> Void)? = nil
    ) throws -> (Dataset, [RowLedger]) {
        var dataset = Dataset(meting: meting, codebook: codebook, groups: study.groups.map(\.name))
        var builders = codebook.variables.map { ColumnBuilder(variable: $0) }
        var ledgers: [RowLedger] = []
        // Ids as written: numeric ids ("0012" and "12" are the same respondent) and other ids apart.
        var seenIDs: [String: Int] = [:]
        var seenNumericIDs: [Int: Int] = [:]
        let groupLookup = try makeGroupLookup()
        for file in files {
            let source = try SourceText(contentsOf: file.path, displayName: file.displayName, encoding: study.encoding)
            let reader = try CSVReader(source: source, dialect: study.dialect)
            var ledger = RowLedger(
                file: file.displayName, encoding: source.encoding, encodingDetected: source.detected,
                dialect: reader.dialect, dialectSniffed: reader.sniffed)
            let plan = try makePlan(header: reader.header, naming: naming, file: file.displayName, ledger: &ledger)
            let windows1252 = source.encoding == .windows1252
            for v in plan.targets.compactMap({ $0 }) { builders[v].begin(rowsBefore: dataset.rowCount) }
            func text(_ record: CSVRecord, _ k: Int) -> String {
                record.withBytes(k) { SourceText.decode($0, windows1252: windows1252) }
            }
            var cursor = reader.makeCursor()
            let total = source.bytes.count
            var nextProgress = 8 << 20
            while let record = try cursor.next() {
                if let progress, cursor.position >= nextProgress {
                    progress(file.displayName, cursor.position, total)
                    nextProgress = cursor.position + (8 << 20)
                }
                ledger.rowsRead += 1
                var reason: RowLedger.Reason?
                let width = reader.header.count
                if record.count < width || (record.count > width && !(width..<record.count).allSatisfy(record.isBlank)) {
                    reason = .wrongFieldCount(expected: width, found: record.count)
                } else if let stray = record.strayAfterQuote {
                    reason = .textAfterClosingQuote(column: source.column(ofByte: stray))
                } else if (0..<record.count).allSatisfy(record.isBlank) {
                    reason = .emptyRow
                }
                var groupIndex = 0
                var id = ""
                if reason == nil {
                    // Fast path: the group as a number code; otherwise its name or label.
                    let parsed = record.withBytes(plan.groupColumn) { NumberParser.parse($0) }
                    if case .integer(let code) = parsed, let g = groupLookup.byCode[code] {
                        groupIndex = g
                    } else if parsed == .empty {
                        reason = .missingGroup
                    } else {
                        let value = text(record, plan.groupColumn).trimmingCharacters(in: .whitespaces)
                        if let g = groupLookup.byName[Variable.labelKey(value)] {
                            groupIndex = g
                        } else {
                            reason = .unknownGroup(value)
                        }
                    }
                }
                if reason == nil, let idColumn = plan.idColumn {
                    let parsed = record.withBytes(idColumn) { NumberParser.parse($0) }
                    if case .integer(let number) = parsed {
                        id = String(number)
                        if let first = seenNumericIDs[number] {
                            reason = .duplicateID(id, firstLine: first)
                        } else {
                            seenNumericIDs[number] = record.line
                        }
                    } else if parsed == .empty {
                        reason = .missingID
                    } else {
                        id = text(record, idColumn).trimmingCharacters(in: .whitespaces)
                        if let first = seenIDs[id] {
                            reason = .duplicateID(id, firstLine: first)
                        } else {
                            seenIDs[id] = record.line
                        }
                    }
                }
                if let reason {
                    ledger.rejections.append(.init(line: record.line, reason: reason))
                    if strict {
                        throw StrictModeError(
                            location: SourceLocation(file: file.displayName, line: record.line),
                            message: "rij afgewezen (--strict): \(reason.message)", lineText: source.lineText(record.line))
                    }
                    continue
                }
                ledger.rowsUsed += 1
                dataset.group.append(UInt16(groupIndex))
                dataset.ids.append(id)
                dataset.lines.append(Int32(clamping: record.line))
                for (k, target) in plan.targets.enumerated() {
                    guard let v = target else { continue }
                    if let issue = builders[v].append(record: record, field: k, windows1252: windows1252) {
                        builders[v].note(issue, line: record.line, column: source.column(ofByte: record.offset(ofField: k)),
                                         value: text(record, k), keep: examplesPerVariable)
                    }
                }
                for v in plan.absent where builders[v].isPresent { builders[v].appendEmpty() }
            }
            progress?(file.displayName, total, total)
            let summary = cursor.summary
            ledger.blankLines = summary.blankLines
            for v in builders.indices {
                ledger.labelsMatched += builders[v].drainLabelsMatched()
                if let issues = builders[v].drainIssues() { ledger.cellIssues.append(issues) }
            }
            ledgers.append(ledger)
        }
        dataset.columns = builders.map { $0.column }
        return (dataset, ledgers)
    }

    /// Where each file column goes, and where the group and id are.
    struct Plan {
        var targets: [Int?]
        var groupColumn: Int
        var idColumn: Int?
        var absent: [Int]
    }

    func makePlan(header: [String], naming: Naming, file: String, ledger: inout RowLedger) throws -> Plan {
        var position: [String: Int] = [:]
        for (k, name) in header.enumerated() { position[name.lowercased()] = k }
        var targets = [Int?](repeating: nil, count: header.count)
        var absent: [Int] = []
        var groupColumn: Int?
        var idColumn: Int?
        for (v, variable) in codebook.variables.enumerated() {
            var name: String? = variable.code
            if naming == .previous, let mapped = variable.previousCode { name = mapped }
            guard let name, let k = position[name.lowercased()] else {
                if variable.type != .group && variable.type != .id { absent.append(v) }
                if naming == .current || name != nil { ledger.absentVariables.append(name ?? variable.code) }
                continue
            }
            switch variable.type {
            case .group: groupColumn = k
            case .id: idColumn = k
            default: targets[k] = v
            }
        }
        let used = Set(codebook.variables.compactMap { variable -> String? in
            if naming == .previous, let mapped = variable.previousCode { return mapped?.lowercased() }
            return variable.code.lowercased()
        })
        ledger.unknownColumns = header.filter { !used.contains($0.lowercased()) }
        guard let groupColumn else {
            throw StudyError([StudyProblem(
                "de groepsvariabele '\(study.groupVariable)' staat niet in de kopregel van dit bestand",
                at: SourceLocation(file: file, line: 1))])
        }
        return Plan(targets: targets, groupColumn: groupColumn, idColumn: idColumn, absent: absent)
    }

    /// Group cell → group index, by number code or by (normalised) name.
    struct GroupLookup {
        var byCode: [Int: Int] = [:]
        var byName: [String: Int] = [:]
    }

    func makeGroupLookup() throws -> GroupLookup {
        var lookup = GroupLookup()
        for (g, group) in study.groups.enumerated() { lookup.byName[Variable.labelKey(group.name)] = g }
        guard let variable = codebook.variable(study.groupVariable) else {
            throw StudyError([StudyProblem(
                "de groepsvariabele '\(study.groupVariable)' uit de studie staat niet in het codeboek",
                at: SourceLocation(file: codebook.file, line: 1))])
        }
        var problems: [StudyProblem] = []
        if variable.type != .group {
            problems.append(StudyProblem(
                "'\(variable.code)' is de groepsvariabele van de studie maar heeft type \(variable.type.rawValue) in het codeboek (verwacht: group)",
                at: SourceLocation(file: codebook.file, line: variable.line)))
        }
        for label in variable.labels {
            guard let g = lookup.byName[Variable.labelKey(label.label)] else {
                problems.append(StudyProblem(
                    "groep '\(label.label)' (code \(label.code)) uit het codeboek staat niet onder [population] in de studie",
                    at: SourceLocation(file: codebook.file, line: variable.line)))
                continue
            }
            lookup.byCode[label.code] = g
        }
        guard problems.isEmpty else { throw StudyError(problems) }
        return lookup
    }
}
