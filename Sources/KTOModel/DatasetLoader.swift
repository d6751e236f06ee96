import Dispatch
import KTOImport

/// A rejected row when `--strict` makes rejections fatal.
public struct StrictModeError: Error, Diagnostic, Equatable {
    public var location: SourceLocation?
    public var message: String
    public var lineText: String?
}

/// Reads a meting's export files into a `Dataset`, keeping the ledger.
///
/// How a file is read (README, Performance): its header gives a `FilePlan` (a slot per codebook
/// variable) and a `CSVCodeTable`, so the CSV reader settles the short numeric cells (nearly all
/// of an export) while it splits each record. `PartReader` applies the ledger's row checks and
/// sends the codes, through a small tile, straight into the arrays the dataset keeps (one byte
/// per code where the codebook's codes allow: `CodeColumn`);
/// only cells the table left open are decoded by the full rules (`CellDecoder`). Large files are
/// cut into parts read concurrently, each into its own region of those arrays
/// (`Loader+Parallel.swift`); the parts are verified to meet at record boundaries and to share
/// no respondent ids before they are merged, and otherwise read again sequentially, so the
/// dataset and the ledger are always the sequential read's, line numbers included.
public struct DatasetLoader: Sendable {
    public var study: Study
    public var codebook: Codebook
    /// Any rejected row is a fatal error.
    public var strict: Bool = false
    /// Examples of unusable cells kept per variable.
    public var examplesPerVariable = 5
    /// Threads to read one file with; nil = one per active processor. A file is cut into parts
    /// of at least 1 MB, `partsPerThread` per thread; a file under 2 MB is read on the calling
    /// thread.
    public var parallelism: Int?
    /// Parts per reading thread (test seam; the tests of the cut set 1 to cut into as many parts
    /// as threads).
    package var partsPerThread = DatasetLoader.defaultPartsPerThread
    /// Test seam: the smallest share of a file worth a part of its own (`minimumPartBytes`),
    /// lowered by the tests and `kto-fuzz` so that small files take the parallel path.
    package var minimumPartSize = DatasetLoader.minimumPartBytes
    /// Test seam: told, per file read in parts, how many parts were merged as read.
    package var partLog: PartLog?
    /// Whether a large export is mapped (`FileMapping`) rather than read into a buffer; turned
    /// off by the tests of the buffer's path (`ByteReserve`).
    package var mapsLargeFiles = true

    public init(study: Study, codebook: Codebook, strict: Bool = false) {
        self.study = study
        self.codebook = codebook
        self.strict = strict
    }

    /// Which meting's column names to use.
    public enum Naming: Sendable, Equatable {
        /// The codebook's codes.
        case current
        /// The codebook's `previous` names of the most recent earlier meting.
        case previous
        /// The codebook's `previous` names of this earlier meting (renamed, or not asked then).
        case meting(String)
    }

    /// A variable's column name under `naming`; nil when it was not asked in that meting.
    func name(of variable: Variable, _ naming: Naming) -> String? {
        switch naming {
        case .current: return variable.code
        case .previous: return variable.code(inMeting: study.previous?.meting ?? "")
        case .meting(let label): return variable.code(inMeting: label)
        }
    }

    /// Loads and concatenates `files` into one dataset.
    /// - Parameters:
    ///   - progress: (file, bytes done, bytes total), now and then, on the calling thread.
    /// - Returns: the dataset and one ledger per file.
    /// - Throws: `ImportError` (unreadable file, unterminated quote, bad header), `StudyError` (the
    ///   grouping variable is not in the file), `StrictModeError` under `strict`.
    public func load(
        files: [Study.DataFile], meting: String, naming: Naming = .current,
        progress: ((String, Int, Int) -> Void)? = nil
    ) throws -> (Dataset, [RowLedger]) {
        try load(files: files, meting: meting, naming: naming, progress: progress, reserve: nil)
    }

    /// As `load(files:meting:naming:progress:)`; a large export that is read rather than mapped
    /// (`mapsLargeFiles`, or where the system cannot map it) has its bytes go into `reserve`'s
    /// memory (an earlier export's that nothing uses any more), left there for the next
    /// (`ByteReserve`); for loads one after the other.
    package func load(
        files: [Study.DataFile], meting: String, naming: Naming = .current,
        progress: ((String, Int, Int) -> Void)? = nil, reserve: ByteReserve?
    ) throws -> (Dataset, [RowLedger]) {
        var dataset = Dataset(meting: meting, codebook: codebook, groups: study.groups.map(\.name))
        let decoders = CellDecoder.all(codebook.variables)
        var builders = zip(codebook.variables, decoders).map { ColumnBuilder(variable: $0, narrow: $1.isNarrow) }
        var ledgers: [RowLedger] = []
        var registry = IDRegistry()
        let groupLookup = try makeGroupLookup(meting: meting)
        for file in files {
            let (source, table) = try openSource(file, reserve: reserve)
            // A mapped export cut short while it was read reads as zeros from there: that, not
            // what was read, is then the message, whatever the reading made of the zeros.
            do {
                let reader = try CSVReader(source: source, dialect: table == nil ? study.dialect : .comma)
                var ledger = RowLedger(
                    file: file.displayName, encoding: source.encoding, encodingDetected: source.detected,
                    dialect: reader.dialect, dialectSniffed: reader.sniffed)
                ledger.meting = meting
                ledger.table = table
                let plan = try makePlan(
                    header: reader.header, naming: naming, file: file.displayName, ledger: &ledger,
                    decoders: decoders, groupLookup: groupLookup)
                // A platform's own columns (dates, progress, …) are known, not unknown questions.
                if let platform = table?.platformColumns, !platform.isEmpty {
                    ledger.unknownColumns.removeAll { platform.contains($0) }
                }
                let partReader = PartReader(
                    source: source, plan: plan, decoders: decoders, groupLookup: groupLookup, strict: strict,
                    examplesPerVariable: examplesPerVariable, fileName: file.displayName)
                let total = source.bytes.count

                // The code columns are read straight into the arrays the dataset keeps, sized by a
                // bound on the rows (pages beyond the rows read are never touched, so never resident).
                let partition = self.partition(reader)
                // The meting's first file: its part 0's row arrays become the meting's (`append`).
                let keepsFirst = dataset.rowCount == 0
                let capacity = partition?.lineEnds.map { $0 + 1 } ?? Self.rowBound(bytes: total, width: plan.width)
                let widths = plan.codeVariables.map { decoders[$0].isNarrow ? 1 : 2 }
                var (columns, parts) = try Self.withUninitializedColumns(widths: widths, capacity: capacity) { storage in
                    let parts = try readParts(
                        reader, with: partReader, registry: &registry, into: storage, capacity: capacity, partition: partition,
                        keepsFirst: keepsFirst, progress: progress.map { report in { done in report(file.displayName, done, total) } })
                    return (parts.reduce(0) { $0 + $1.rows }, parts)
                }
                progress?(file.displayName, total, total)

                ledger.record(parts, plan: plan, decoders: decoders, examplesPerVariable: examplesPerVariable)
                if let places = source.tablePlaces { ledger.locate(with: places) }
                if let table { try account(table.leftOut, in: &ledger) }
                try checkWeights(parts, source: source)
                // The base of an unusable share: the non-empty cells, counted only where there are issues.
                for k in ledger.cellIssues.indices {
                    guard let j = plan.codeVariables.firstIndex(where: { decoders[$0].name == ledger.cellIssues[k].variable }) else { continue }
                    ledger.cellIssues[k].nonEmpty = columns[j].reduce(0) { $0 + ($1 == Dataset.noAnswer ? 0 : 1) }
                }
                append(&parts, columns: columns, plan: plan, decoders: decoders, to: &dataset, builders: &builders)
                freeInBackground(consume parts)
                try source.checkUnchanged()
                ledgers.append(ledger)
            } catch {
                try source.checkUnchanged()
                throw error
            }
        }
        try checkEveryVariableIsThere(builders: builders, ledgers: ledgers, naming: naming, meting: meting)
        dataset.columns = builders.map { $0.column }
        return (dataset, ledgers)
    }

    /// Every row's weight must be a positive number: the rows that are not, by line.
    func checkWeights(_ parts: [PartResult], source: SourceText) throws {
        let file = source.file
        let count = parts.reduce(0) { $0 + $1.weightProblemCount }
        guard count > 0, case .variable(let column) = study.weighting else { return }
        var problems = parts.flatMap(\.weightProblems).prefix(20).map { example in
            StudyProblem(
                "gewicht '\(example.value)' in kolom '\(column)' is geen positief getal van hoogstens 1.000.000.000; elke respondent heeft een gewicht groter dan 0 nodig",
                at: source.location(line: example.line, column: example.column))
        }
        if count > problems.count {
            problems.append(StudyProblem("en nog \(count - problems.count) rijen met een ongeldig gewicht", at: SourceLocation(file: file, line: 1)))
        }
        throw StudyError(problems)
    }

    /// A codebook variable that no file of the meting has is a mistake (a typo in the codebook or
    /// a renamed column), unless the codebook says it was not asked then (`previous = -`).
    func checkEveryVariableIsThere(builders: [ColumnBuilder], ledgers: [RowLedger], naming: Naming, meting: String) throws {
        let unknown = ledgers.flatMap(\.unknownColumns)
        let files = ledgers.map(\.file).joined(separator: ", ")
        var problems: [StudyProblem] = []
        // The codes of an open question may come from coding files alone (`kto code`).
        let codedElsewhere = Set(codebook.openQuestions.filter { $0.text != nil }.map { $0.codes.code.lowercased() })
        for (v, variable) in codebook.variables.enumerated() where !builders[v].isPresent {
            guard variable.type != .group && variable.type != .id, !codedElsewhere.contains(variable.code.lowercased()) else { continue }
            guard let name = name(of: variable, naming) else { continue }  // not asked in that meting
            var message = "variabele '\(name)' staat niet in de data van meting \(meting) (\(files))"
            if !variable.optionColumns.isEmpty {
                let missing = ledgers.flatMap(\.absentVariables).filter { $0.hasPrefix(variable.code + " (") }.first ?? variable.code
                message = "meerkeuzevraag \(missing) staat niet in de data van meting \(meting) (\(files)); controleer de kolom columns in het codeboek"
            } else if let near = NameSuggestion.nearest(name, in: unknown) {
                message += "; bedoelt u kolom '\(near)'? Pas de naam in het codeboek aan"
            } else if naming != .current {
                message += "; staat de vraag er onder een andere naam in, zet die naam dan in de kolom previous van het codeboek; was de vraag toen niet gesteld, zet dan '-' in die kolom"
            } else {
                message += "; controleer de naam in het codeboek tegen de kopregel van de data"
            }
            problems.append(StudyProblem(message, at: SourceLocation(file: codebook.file, line: variable.line)))
        }
        guard problems.isEmpty else { throw StudyError(problems) }
    }

    /// Adds a file's rows to the meting: its code columns and the first part's arrays as they
    /// are when the meting has no rows yet (no copy), otherwise appended; columns the file lacks
    /// get empty answers.
    func append(
        _ parts: inout [PartResult], columns: [CodeColumn], plan: FilePlan, decoders: [CellDecoder],
        to dataset: inout Dataset, builders: inout [ColumnBuilder]
    ) {
        let rowsBefore = dataset.rowCount
        let rows = parts.reduce(0) { $0 + $1.rows }
        // Option columns of a multi-select question are no target of their own: begin them too.
        for v in plan.targets.compactMap({ $0 }) + plan.otherVariables { builders[v].begin(rowsBefore: rowsBefore) }
        for (j, v) in plan.codeVariables.enumerated() {
            if builders[v].codes.isEmpty {
                builders[v].codes = columns[j]
            } else {
                builders[v].codes.append(contentsOf: columns[j])
            }
        }
        // The answers (open and multi-select) and the row arrays (group, ids, lines, weights)
        // are appended on two threads, each job owning what it moves and writes: together they
        // were about 5.6 ms per export at 1M respondents on one thread while the other core
        // waited.
        let answers = AnswerAppend(builders: &builders, parts: &parts, plan: plan, decoders: decoders, rows: rows)
        let rowArrays = RowArrayAppend(dataset: &dataset, parts: &parts, rowsBefore: rowsBefore, weighted: plan.weightColumn != nil)
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 { answers.run() } else { rowArrays.run() }
        }
        answers.finish(&builders)
        rowArrays.finish(&dataset)
        // What the parts leave (emptied answer arrays, the later parts' row arrays) is freed
        // off this thread, as the parts are (`load`).
        freeInBackground((consume answers, consume rowArrays))
    }

    /// More rows than a file of `bytes` bytes with `width` fields per record can hold: every
    /// accepted record has at least `width` fields, so `width - 1` separators and a line end (or
    /// the end of the file).
    static func rowBound(bytes: Int, width: Int) -> Int { bytes / max(1, width - 1) + 2 }

    /// Columns written in place at most: one nested closure (a stack frame) each.
    static let maximumInPlaceColumns = 256

    /// Calls `body` with the storage of new code columns, `widths[j]` bytes per row (1: narrow,
    /// 2: wide) and `capacity` rows each, and returns the columns with the number of rows `body`
    /// says it wrote into each.
    ///
    /// `Array(unsafeUninitializedCapacity:)` is the only way to write into an array's storage in
    /// place; nesting one call per column (recursively, the count is the codebook's) hands the
    /// storage of every column to one loop, so the columns are never copied. Beyond
    /// `maximumInPlaceColumns` (the nesting uses stack, and a worker thread's is small) the
    /// columns are written into buffers and copied once.
    static func withUninitializedColumns<R>(
        widths: [Int], capacity: Int, _ body: (CodeColumns) throws -> (rows: Int, result: R)
    ) throws -> ([CodeColumn], R) {
        let count = widths.count
        guard count <= maximumInPlaceColumns else {
            let buffers = CodeColumns(widths: widths, capacity: capacity)
            let (rows, result) = try body(buffers)
            let columns = (0..<count).map { j in
                let raw = UnsafeRawPointer(buffers.pointers[j])
                return widths[j] == 1
                    ? CodeColumn(storage: .narrow(Array(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: Int8.self), count: rows))))
                    : CodeColumn(storage: .wide(Array(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: Int16.self), count: rows))))
            }
            return (columns, result)
        }
        var storage: [UnsafeMutableRawPointer] = []
        var rows = 0
        var result: R?
        func level(_ j: Int) throws -> [CodeColumn] {
            guard j < count else {
                (rows, result) = try body(CodeColumns(borrowing: storage, widths: widths, capacity: capacity))
                return []
            }
            var rest: [CodeColumn] = []
            let column: CodeColumn
            // Never nil below: the capacity is at least 2 (`rowBound`, or line ends + 1).
            if widths[j] == 1 {
                column = CodeColumn(storage: .narrow(try [Int8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    guard let base = buffer.baseAddress else { throw StudyError([]) }
                    storage.append(UnsafeMutableRawPointer(base))
                    rest = try level(j + 1)
                    initialized = rows
                }))
            } else {
                column = CodeColumn(storage: .wide(try [Int16](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    guard let base = buffer.baseAddress else { throw StudyError([]) }
                    storage.append(UnsafeMutableRawPointer(base))
                    rest = try level(j + 1)
                    initialized = rows
                }))
            }
            rest.append(column)
            return rest
        }
        let columns = try level(0)
        // Set by the innermost level, which `level(0)` always reaches or throws from.
        guard let result else { throw StudyError([]) }
        return (columns.reversed(), result)
    }

    /// Where each file column goes, where the group and id are, and the code table.
    func makePlan(
        header: [String], naming: Naming, file: String, ledger: inout RowLedger,
        decoders: [CellDecoder], groupLookup: GroupLookup
    ) throws -> FilePlan {
        var position: [String: Int] = [:]
        for (k, name) in header.enumerated() where !name.isEmpty { position[name.lowercased()] = k }
        var targets = [Int?](repeating: nil, count: header.count)
        var absent: [Int] = []
        var groupColumn: Int?
        var idColumn: Int?
        var optionSlots: [(variable: Int, fields: [(field: Int, code: Int16)])] = []
        for (v, variable) in codebook.variables.enumerated() {
            // A multi-select question in option columns: every option's column must be there.
            if !variable.optionColumns.isEmpty {
                let fields = variable.optionColumns.compactMap { option in position[option.column.lowercased()].map { ($0, Int16(truncatingIfNeeded: option.code)) } }
                if fields.count == variable.optionColumns.count {
                    optionSlots.append((v, fields))
                } else {
                    absent.append(v)
                    let missing = variable.optionColumns.filter { position[$0.column.lowercased()] == nil }.map(\.column)
                    ledger.absentVariables.append("\(variable.code) (kolom \(missing.joined(separator: ", ")))")
                }
                continue
            }
            // The group and id columns keep their names in every meting.
            let name: String? = variable.type == .group || variable.type == .id ? variable.code : self.name(of: variable, naming)
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
        var used = Set(codebook.variables.compactMap { variable -> String? in
            variable.type == .group || variable.type == .id ? variable.code.lowercased() : name(of: variable, naming)?.lowercased()
        })
        for variable in codebook.variables { for option in variable.optionColumns { used.insert(option.column.lowercased()) } }
        var weightColumn: Int?
        if case .variable(let name) = study.weighting {
            weightColumn = position[name.lowercased()]
            guard weightColumn != nil else {
                let near = NameSuggestion.nearest(name, in: header).map { "; bedoelt u kolom '\($0)'?" } ?? ""
                throw StudyError([StudyProblem(
                    "de gewichtkolom '\(name)' (weight = in de studie) staat niet in de kopregel van dit bestand\(near)",
                    at: SourceLocation(file: file, line: 1))])
            }
        }
        ledger.unknownColumns = header.filter { !$0.isEmpty && !used.contains($0.lowercased()) && $0.lowercased() != weightColumn.map { header[$0].lowercased() } }
        let unnamed = header.indices.filter { header[$0].isEmpty }
        ledger.emptyColumns = unnamed.count
        guard let groupColumn else {
            let near = NameSuggestion.nearest(study.groupVariable, in: ledger.unknownColumns).map { "; bedoelt u kolom '\($0)'?" } ?? ""
            throw StudyError([StudyProblem(
                "de groepsvariabele '\(study.groupVariable)' staat niet in de kopregel van dit bestand\(near)",
                at: SourceLocation(file: file, line: 1))])
        }
        if idColumn == nil, let id = codebook.variables.first(where: { $0.type == .id }) {
            let near = NameSuggestion.nearest(id.code, in: ledger.unknownColumns).map { "; bedoelt u kolom '\($0)'?" } ?? ""
            throw StudyError([StudyProblem(
                "de variabele met het respondentnummer ('\(id.code)', type id in het codeboek) staat niet in de kopregel van dit bestand\(near)",
                at: SourceLocation(file: file, line: 1))])
        }
        var plan = FilePlan(
            targets: targets, groupColumn: groupColumn, idColumn: idColumn, absent: absent, width: header.count,
            table: CSVCodeTable(columns: header.count))
        plan.unnamedColumns = unnamed
        plan.weightColumn = weightColumn
        for (k, target) in targets.enumerated() {
            guard let v = target else { continue }
            if decoders[v].isCode {
                plan.codeColumns.append(k)
                plan.codeVariables.append(v)
                // Empty cells are no answer; numbers that are valid or missing codes are themselves.
                plan.table[emptyIn: k] = Dataset.noAnswer
                for value in 0...CSVCodeTable.maxValue { plan.table[k, value] = decoders[v].tableEntry(for: value) }
            } else {
                plan.otherColumns.append(k)
                plan.otherVariables.append(v)
                plan.optionFields.append(nil)
            }
        }
        for slot in optionSlots {
            plan.otherColumns.append(slot.fields[0].field)
            plan.otherVariables.append(slot.variable)
            plan.optionFields.append(slot.fields)
        }
        // The gemeente's number codes go straight to group indexes; names and the rest take the
        // slow path (`GroupLookup.resolve`).
        for (code, g) in groupLookup.byCode where code >= 0 && code <= CSVCodeTable.maxValue {
            if let index = Int16(exactly: g), index != CSVCodeTable.slow, CSVCodeTable.canStore(index) {
                plan.table[groupColumn, code] = index
            }
        }
        return plan
    }

    /// Group cell → group index, by number code or by (normalised) name; values an earlier
    /// meting's `[groups]` leaves out of the study.
    struct GroupLookup: Sendable {
        var byCode: [Int: Int] = [:]
        var byName: [String: Int] = [:]
        var excluded: Set<String> = []
    }

    func makeGroupLookup(meting: String? = nil) throws -> GroupLookup {
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
        // An earlier meting's own names and codes (`[groups 2013]`) win over the codebook's.
        if let meting, let previous = study.previousMetingen.first(where: { $0.meting == meting }) {
            for (value, target) in previous.groupMap {
                guard let g = target else {
                    lookup.excluded.insert(value)
                    continue
                }
                lookup.byName[value] = g
                if let code = Int(value) { lookup.byCode[code] = g }
            }
            for value in lookup.excluded {
                lookup.byName[value] = nil
                if let code = Int(value) { lookup.byCode[code] = nil }
            }
        }
        return lookup
    }
}

extension RowLedger {
    /// Adds the parts of a file, in file order: counts summed, rejections and cell examples in
    /// line order, unusable cells per variable in codebook order as `kto check` lists them.
    mutating func record(_ parts: [PartResult], plan: FilePlan, decoders: [CellDecoder], examplesPerVariable: Int) {
        var issues = plan.slotVariables.map { RowLedger.CellIssues(variable: decoders[$0].name) }
        for part in parts {
            rowsRead += part.rowsRead
            rowsUsed += part.rows
            rejections += part.rejections
            blankLines += part.blankLines
            labelsMatched += part.labelsMatched
            for s in issues.indices {
                issues[s].outOfRange += part.issues[s].outOfRange
                issues[s].unreadable += part.issues[s].unreadable
                issues[s].nonEmpty += part.issues[s].nonEmpty
                let room = examplesPerVariable - issues[s].examples.count
                if room > 0 { issues[s].examples += part.issues[s].examples.prefix(room) }
                for value in part.issues[s].values {
                    if let k = issues[s].values.firstIndex(where: { $0.value == value.value }) {
                        issues[s].values[k].count += value.count
                    } else if issues[s].values.count < RowLedger.CellIssues.maximumDistinctValues {
                        issues[s].values.append(value)
                    }
                }
            }
        }
        for s in issues.indices {
            issues[s].values.sort { ($1.count, $0.line) < ($0.count, $1.line) }
        }
        cellIssues = zip(plan.slotVariables, issues)
            .filter { $0.1.total > 0 }
            .sorted { $0.0 < $1.0 }
            .map(\.1)
    }
}

/// The answer columns of a file's parts appended to the meting's (`DatasetLoader.append`), on a
/// thread of its own: it holds the builders and the parts' answer arrays, moved in (no copy).
///
/// `@unchecked Sendable`: `run` is called once, on one thread, and `finish` after it returned.
private final class AnswerAppend: @unchecked Sendable {
    private var builders: [ColumnBuilder] = []
    private var texts: [[[String?]]]
    private var multis: [[[[Int16]]]]
    private let plan: FilePlan
    private let decoders: [CellDecoder]
    private let rows: Int

    init(builders: inout [ColumnBuilder], parts: inout [PartResult], plan: FilePlan, decoders: [CellDecoder], rows: Int) {
        swap(&self.builders, &builders)
        texts = parts.indices.map { k in
            defer { parts[k].texts = [] }
            return parts[k].texts
        }
        multis = parts.indices.map { k in
            defer { parts[k].multis = [] }
            return parts[k].multis
        }
        self.plan = plan
        self.decoders = decoders
        self.rows = rows
    }

    func run() {
        for (s, v) in plan.otherVariables.enumerated() {
            for k in texts.indices {
                if decoders[v].type == .text && builders[v].texts.isEmpty {
                    swap(&builders[v].texts, &texts[k][s])
                } else if decoders[v].type == .text {
                    builders[v].texts.prefaultAppending(texts[k][s].count)
                    builders[v].texts.appendMoving(&texts[k][s])
                } else if builders[v].multi.isEmpty {
                    swap(&builders[v].multi, &multis[k][s])
                } else {
                    builders[v].multi.append(contentsOf: multis[k][s])
                }
            }
        }
        for v in plan.absent where builders[v].isPresent { builders[v].appendEmpty(rows) }
    }

    func finish(_ builders: inout [ColumnBuilder]) { swap(&self.builders, &builders) }
}

/// The group, id, line and weight arrays of a file's parts appended to the meting's
/// (`DatasetLoader.append`), on a thread of its own: the meting's arrays and the parts' are
/// moved in (no copy).
///
/// `@unchecked Sendable`: `run` is called once, on one thread, and `finish` after it returned.
private final class RowArrayAppend: @unchecked Sendable {
    private var group: [UInt16] = []
    private var ids = RespondentIDs()
    private var lines: [Int32] = []
    private var weights: [Double]?
    private var parts: [(group: [UInt16], ids: RespondentIDs, lines: [Int32], weights: [Double])]
    private let rowsBefore: Int
    private let weighted: Bool

    init(dataset: inout Dataset, parts: inout [PartResult], rowsBefore: Int, weighted: Bool) {
        swap(&group, &dataset.group)
        swap(&ids, &dataset.ids)
        swap(&lines, &dataset.lines)
        swap(&weights, &dataset.weights)
        self.parts = parts.indices.map { k in
            defer {
                parts[k].group = []
                parts[k].ids = RespondentIDs()
                parts[k].lines = []
                parts[k].weights = []
            }
            return (parts[k].group, parts[k].ids, parts[k].lines, parts[k].weights)
        }
        self.rowsBefore = rowsBefore
        self.weighted = weighted
    }

    func run() {
        for k in parts.indices {
            if k == 0 && rowsBefore == 0 {
                // Reserved for the whole file by the first part: the later parts fit after it.
                swap(&group, &parts[0].group)
                swap(&ids, &parts[0].ids)
                swap(&lines, &parts[0].lines)
            } else {
                ids.append(contentsOf: parts[k].ids)
                group.prefaultAppending(parts[k].group.count)
                group.append(contentsOf: parts[k].group)
                lines.prefaultAppending(parts[k].lines.count)
                lines.append(contentsOf: parts[k].lines)
            }
            if weighted {
                // Appended in place: joining into a new array copied the rows so far once per
                // part, and a file has four parts per thread.
                if weights == nil { weights = [] }
                weights?.append(contentsOf: parts[k].weights)
            }
        }
    }

    func finish(_ dataset: inout Dataset) {
        swap(&group, &dataset.group)
        swap(&ids, &dataset.ids)
        swap(&lines, &dataset.lines)
        swap(&weights, &dataset.weights)
    }
}
