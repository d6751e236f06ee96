import KTOImport

/// Where each column of one file goes, decided once from its header.
///
/// The hot loop works on slots rather than on the codebook: `codeColumns[j]` is the file column
/// of the `j`th code variable (grade, likert, category: one `Int16` per row), `otherColumns` the
/// text and multi variables that need real decoding. `table` lets the CSV reader settle the short
/// numeric cells (nearly all of a survey export) while it splits the record.
struct FilePlan: Sendable {
    /// Codebook variable per file column (`nil`: group, id or not in the codebook).
    var targets: [Int?]
    var groupColumn: Int
    var idColumn: Int?
    /// The weight column (`weighting = variable`), read as a positive number per row.
    var weightColumn: Int?
    /// Codebook variables absent from the file (other than group and id).
    var absent: [Int]
    /// Fields per record (the header's).
    var width: Int
    var codeColumns: [Int] = []
    var codeVariables: [Int] = []
    /// Columns without a name in the header: they must stay empty.
    var unnamedColumns: [Int] = []
    var otherColumns: [Int] = []
    var otherVariables: [Int] = []
    /// Per other slot: for a multi-select question in option columns, each option's field and code.
    var optionFields: [[(field: Int, code: Int16)]?] = []
    var table: CSVCodeTable

    /// Variables in slot order: code slots, then other slots.
    var slotVariables: [Int] { codeVariables + otherVariables }
}

/// Code columns written through pointers (no array uniqueness or capacity checks per cell):
/// either the final arrays' storage (borrowed, fixed capacity) or buffers of a part's own (the
/// overflow of a part whose cut was wrong), grown as needed. A column is narrow (one byte per
/// row, as `CodeColumn.narrow` stores a code) or wide (`Int16`), as its decoder allows.
///
/// `@unchecked Sendable`: the parts write disjoint rows (their regions) of the borrowed storage,
/// an own buffer belongs to one part, and results are handed over after `DispatchGroup.wait`.
final class CodeColumns: @unchecked Sendable {
    let columns: Int
    private(set) var capacity: Int
    /// Where column `j`'s values start.
    let pointers: UnsafeMutablePointer<UnsafeMutableRawPointer>
    /// Bytes per row of column `j`: 1 (narrow) or 2.
    let widths: [Int]
    private let owns: Bool

    /// Buffers of its own for `capacity` rows.
    init(widths: [Int], capacity: Int) {
        columns = widths.count
        self.widths = widths
        self.capacity = max(capacity, 16)
        owns = true
        pointers = .allocate(capacity: max(columns, 1))
        for j in 0..<columns {
            (pointers + j).initialize(to: .allocate(byteCount: widths[j] * self.capacity, alignment: 2))
        }
    }

    /// Storage someone else owns (the final arrays), valid while this value is used.
    init(borrowing storage: [UnsafeMutableRawPointer], widths: [Int], capacity: Int) {
        columns = storage.count
        self.widths = widths
        self.capacity = capacity
        owns = false
        pointers = .allocate(capacity: max(columns, 1))
        pointers.initialize(from: storage, count: columns)
    }

    deinit {
        if owns { for j in 0..<columns { pointers[j].deallocate() } }
        pointers.deallocate()
    }

    /// Writes `count` codes to rows `row ..< row + count` of column `j`, narrowing them for a
    /// narrow column.
    @inline(__always)
    func write(_ j: Int, at row: Int, from codes: UnsafePointer<Int16>, count: Int) {
        if widths[j] == 2 {
            (pointers[j].assumingMemoryBound(to: Int16.self) + row).update(from: codes, count: count)
        } else {
            let out = pointers[j].assumingMemoryBound(to: Int8.self) + row
            for r in 0..<count { out[r] = CodeColumn.narrow(codes[r]) }
        }
    }

    /// Makes room for `rows` rows in buffers of its own.
    func reserve(rows: Int) {
        guard rows > capacity else { return }
        // Borrowed storage is sized by a bound no file can exceed; parts keep to their regions.
        precondition(owns, "row bound exceeded")
        let newCapacity = max(rows, capacity * 2)
        for j in 0..<columns {
            let bigger = UnsafeMutableRawPointer.allocate(byteCount: widths[j] * newCapacity, alignment: 2)
            bigger.copyMemory(from: pointers[j], byteCount: widths[j] * capacity)
            pointers[j].deallocate()
            pointers[j] = bigger
        }
        capacity = newCapacity
    }
}

/// The rows of one part of a file: what a `PartReader` produced, not yet in the dataset.
///
/// Lines are the file's for the first part and count from 1 at the part's start for later parts
/// until `shiftLines(by:)` makes them the file's.
struct PartResult: @unchecked Sendable {
    /// Where the part started and where its cursor stopped (the next part must start there).
    var start: Int
    var endPosition = 0
    /// The cursor's line at the end: the line of the next record.
    var endLine = 0
    /// False when the part stopped early (a rejection under `--strict`, or an error) and must be
    /// read again sequentially.
    var complete = true
    var rowsRead = 0
    var rejections: [RowLedger.Rejection] = []
    var blankLines = 0
    var labelsMatched = 0
    /// Per slot (see `FilePlan.slotVariables`).
    var issues: [RowLedger.CellIssues]
    var group: [UInt16] = []
    var ids = RespondentIDs()
    var lines: [Int32] = []
    var weights: [Double] = []
    /// Rows whose weight is not a positive number: the first few, and how many in all.
    var weightProblems: [RowLedger.CellExample] = []
    var weightProblemCount = 0
    /// Where the part's code rows are: `inRegion` rows from row `regionStart` of the final
    /// columns, then the rest (only after a wrong cut) in `overflow`, rows `0..<rows - inRegion`.
    var regionStart = 0
    var inRegion = 0
    var overflow: CodeColumns?
    /// Per other slot: the text or the multi column (the other one stays empty).
    var texts: [[String?]]
    var multis: [[[Int16]]]
    /// Ids registered in this part (later parts start with an empty registry).
    var registry = IDRegistry()

    /// Rows used (accepted), also once the arrays have been handed on.
    var rows = 0

    /// Faults in the pages of rows `rows` of the row arrays' reserved room (`Prefault`).
    func prefault(rows: Range<Int>) {
        group.prefault(rows)
        ids.prefault(rows)
        lines.prefault(rows)
        weights.prefault(rows)
        for column in texts { column.prefault(rows) }
        for column in multis { column.prefault(rows) }
    }

    /// Turns part-local line numbers into file lines.
    mutating func shiftLines(by offset: Int) {
        guard offset != 0 else { return }
        if offset > 0, endLine + offset <= Int(Int32.max) {
            // No line can pass Int32.max (each is below `endLine`): a plain add, which vectorises.
            let shift = Int32(offset)
            lines.withUnsafeMutableBufferPointer { for r in $0.indices { $0[r] &+= shift } }
        } else {
            for r in lines.indices { lines[r] = Int32(clamping: Int(lines[r]) + offset) }
        }
        for k in rejections.indices {
            rejections[k].line += offset
            if case .duplicateID(let id, let first) = rejections[k].reason {
                // Parts share no ids (checked before merging), so the first line is in this part.
                rejections[k].reason = .duplicateID(id, firstLine: first + offset)
            }
        }
        for k in weightProblems.indices { weightProblems[k].line += offset }
        for s in issues.indices {
            for e in issues[s].examples.indices { issues[s].examples[e].line += offset }
            for v in issues[s].values.indices { issues[s].values[v].line += offset }
        }
        endLine += offset
    }
}

/// Reads the records of one cursor (a whole file or one part of it) into a `PartResult`,
/// applying the ledger's rules to every row.
struct PartReader: Sendable {
    let source: SourceText
    let plan: FilePlan
    /// One per codebook variable.
    let decoders: [CellDecoder]
    let groupLookup: DatasetLoader.GroupLookup
    let strict: Bool
    let examplesPerVariable: Int
    let fileName: String

    /// Rows per tile. The cursor writes each record's table values into a small column-major
    /// tile (one column per file column, one row per record) that stays in L1; a rejected row is
    /// simply overwritten by the next record, and the tile goes to the code columns in bursts of
    /// this many rows. Writing every row straight into 58 column streams instead makes each store
    /// a cache miss.
    static let tileRows = CSVCursor.tileStride

    /// Rows faulted in at a time ahead of the writes: 32 KB of a narrow column. Where the room is
    /// a bound on the rows (one part, `rowBound`), up to a block past the last row is faulted in
    /// and stays resident: 2 MB for 62 code columns. A bound by the file's width (fewer rows for
    /// a very wide file) made the loop over the records 3-6 % slower in every form measured
    /// (code layout: the work it adds runs once a block), so the block is fixed.
    static let prefaultRows = 32 << 10

    /// Where the block faulted in after row `done` ends, in room for `room` rows: a block on,
    /// or the room's end where less than another block would be left after it. A short last
    /// block would be under `Prefault.minimumBytes` for a narrow column and left to fault page
    /// by page, in every part of a file read in parts.
    static func prefaultEnd(after done: Int, room: Int) -> Int {
        room - done < 2 * prefaultRows ? room : done + prefaultRows
    }

    /// Reads every record of `cursor`.
    /// - Parameters:
    ///   - registry: the ids seen before this part (the meting's so far, or empty for a later
    ///     part read concurrently); updated.
    ///   - columns: the final code columns; the part writes its rows into `region` of them, and
    ///     rows beyond the region (only a wrong cut produces those) into an overflow of its own.
    ///   - throwsOnStrict: under `strict`, throw at the first rejection (the first part, whose
    ///     lines are the file's) or stop and mark the part incomplete (later parts).
    ///   - progress: called now and then with the cursor's byte position.
    func read(
        _ cursor: CSVCursor, registry: inout IDRegistry, into columns: CodeColumns, region: Range<Int>,
        throwsOnStrict: Bool, progress: ((Int) -> Void)? = nil
    ) throws -> PartResult {
        var cursor = cursor
        let width = plan.width
        let codeCount = plan.codeColumns.count
        let otherCount = plan.otherColumns.count
        // Room for the arrays: the region's rows bound the part's rows (for a right cut); the
        // first part reserves for the whole file, since its arrays become the dataset's and the
        // later parts are appended to them.
        let capacity = region.lowerBound == 0 ? columns.capacity : region.count + 16
        var part = PartResult(
            start: cursor.start,
            issues: plan.slotVariables.map { RowLedger.CellIssues(variable: decoders[$0].name) },
            texts: Array(repeating: [], count: otherCount), multis: Array(repeating: [], count: otherCount))
        part.regionStart = region.lowerBound
        part.group.reserveCapacity(capacity)
        part.ids.reserveCapacity(capacity)
        part.lines.reserveCapacity(capacity)
        // Open answers and multi-select answers too: a column of them grew by doubling (copying
        // it each time), and the later parts' rows, appended on one thread, outgrew it again.
        for s in 0..<otherCount {
            if plan.optionFields[s] == nil && decoders[plan.otherVariables[s]].type == .text {
                part.texts[s].reserveCapacity(capacity)
            } else {
                part.multis[s].reserveCapacity(capacity)
            }
        }
        let windows1252 = source.encoding == .windows1252
        // Per other slot, the field of a plain open answer (nil: option columns or a multi
        // column). Chosen once: looking the decoder up per row retained and released it, and
        // with parts read on several cores that reference count is one cache line they all write.
        let textFields: [Int?] = (0..<otherCount).map { s in
            plan.optionFields[s] == nil && decoders[plan.otherVariables[s]].type == .text ? plan.otherColumns[s] : nil
        }
        var nextProgress = cursor.position + (8 << 20)

        let tileRows = Self.tileRows
        let tile = UnsafeMutablePointer<Int16>.allocate(capacity: max(1, width * tileRows))
        defer { tile.deallocate() }
        var inTile = 0
        var inRegion = 0
        var overflowRows = 0
        var overflow: CodeColumns?
        // The pages the next rows go to are faulted in a block ahead of the writes, one call per
        // column and row array (`Prefault`): at 1M respondents they are about 24,000 fresh pages,
        // each else a fault of its own in this loop. Two marks: the region's rows faulted in (by
        // `flush`) and the row arrays' (by the loop itself: a local function that captured
        // `part` made every access to it slower, the read by 9 %).
        var columnsPrefaulted = 0
        var arraysPrefaulted = Self.prefaultEnd(after: 0, room: capacity)
        part.prefault(rows: 0..<arraysPrefaulted)

        try plan.codeColumns.withUnsafeBufferPointer { codeColumns in
            func faultInColumns() {
                let next = Self.prefaultEnd(after: columnsPrefaulted, room: region.count)
                guard inRegion + inTile + tileRows > columnsPrefaulted, next > columnsPrefaulted else { return }
                for j in 0..<codeCount {
                    let width = columns.widths[j]
                    Prefault.populate(columns.pointers[j] + width * (region.lowerBound + columnsPrefaulted), bytes: width * (next - columnsPrefaulted))
                }
                columnsPrefaulted = next
            }
            faultInColumns()
            func flush() {
                guard inTile > 0 else { return }
                faultInColumns()
                let here = min(inTile, region.count - inRegion)
                for j in 0..<codeCount {
                    columns.write(j, at: region.lowerBound + inRegion, from: tile + codeColumns[j] &* tileRows, count: here)
                }
                inRegion += here
                if here < inTile {
                    let spill = overflow ?? CodeColumns(widths: columns.widths, capacity: tileRows)
                    overflow = spill
                    spill.reserve(rows: overflowRows + inTile - here)
                    for j in 0..<codeCount {
                        spill.write(j, at: overflowRows, from: tile + codeColumns[j] &* tileRows + here, count: inTile - here)
                    }
                    overflowRows += inTile - here
                }
                inTile = 0
            }
            while let record = try cursor.next(writingValuesTo: tile + inTile, stride: tileRows) {
                if let progress, cursor.position >= nextProgress {
                    progress(cursor.position)
                    nextProgress = cursor.position + (8 << 20)
                }
                if record.isBlank(0) && (1..<record.count).allSatisfy(record.isBlank) {
                    // A line of only separators is how Excel saves an empty row: a blank line.
                    part.blankLines += 1
                    continue
                }
                part.rowsRead += 1
                if !plan.unnamedColumns.isEmpty { try checkUnnamed(record) }
                guard let (group, id) = check(record, registry: &registry, part: &part) else {
                    if strict {
                        guard throwsOnStrict else {
                            part.complete = false
                            break
                        }
                        let reason = part.rejections.last.map(\.reason.message) ?? ""
                        let line = part.rejections.last?.line ?? record.line
                        throw StrictModeError(
                            location: source.location(line: line),
                            message: "rij afgewezen (--strict): \(reason)", lineText: source.lineText(line))
                    }
                    continue
                }
                part.group.append(group)
                switch id {
                case .number(let number): part.ids.append(number: number)
                case .text(let text): part.ids.append(text: text)
                }
                part.lines.append(Int32(clamping: record.line))
                if let weightColumn = plan.weightColumn { part.weights.append(weight(record, weightColumn, part: &part)) }

                // Code cells are in the tile already; the few the table left to us (`slow`) are
                // decoded by the full rules.
                if record.slowValues > 0 {
                    let row = tile + inTile
                    for j in 0..<codeCount where row[codeColumns[j] &* tileRows] == CSVCodeTable.slow {
                        let field = codeColumns[j]
                        let decoded = decoders[plan.codeVariables[j]].code(of: record, field: field, windows1252: windows1252)
                        row[field &* tileRows] = decoded.code
                        if decoded.labelMatched { part.labelsMatched += 1 }
                        if let issue = decoded.issue { note(issue, slot: j, record: record, field: field, part: &part) }
                    }
                }
                inTile += 1
                if inTile == tileRows {
                    flush()
                    if part.group.count + tileRows > arraysPrefaulted {
                        let next = Self.prefaultEnd(after: arraysPrefaulted, room: capacity)
                        part.prefault(rows: arraysPrefaulted..<next)
                        arraysPrefaulted = max(next, arraysPrefaulted + tileRows)
                    }
                }
                for s in 0..<otherCount {
                    if let field = textFields[s] {
                        part.texts[s].append(CellDecoder.text(of: record, field: field, windows1252: windows1252))
                        continue
                    }
                    if let options = plan.optionFields[s] {
                        part.multis[s].append(ticked(options, record, slot: codeCount + s, part: &part))
                        continue
                    }
                    let field = plan.otherColumns[s]
                    let decoded = decoders[plan.otherVariables[s]].multi(of: record, field: field, windows1252: windows1252)
                    part.multis[s].append(decoded.codes)
                    if !record.isBlank(field) { part.issues[codeCount + s].nonEmpty += 1 }
                    if let issue = decoded.issue { note(issue, slot: codeCount + s, record: record, field: field, part: &part) }
                }
            }
            flush()
        }
        part.rows = part.group.count
        part.inRegion = inRegion
        part.overflow = overflow
        part.blankLines += cursor.summary.blankLines
        part.endPosition = cursor.position
        part.endLine = cursor.line
        part.registry = registry
        return part
    }

    /// The options ticked in a row of option columns: `1`, `ja`, `x`, `waar` or the option's own
    /// label tick it; empty, `0`, `nee`, `onwaar` do not; anything else is an unusable cell.
    func ticked(_ options: [(field: Int, code: Int16)], _ record: CSVRecord, slot: Int, part: inout PartResult) -> [Int16] {
        var list: [Int16] = []
        var any = false
        let variable = decoders[plan.otherVariables[slot - plan.codeColumns.count]]
        for option in options where option.field < record.count {
            if record.isBlank(option.field) { continue }
            any = true
            let text = Variable.labelKey(record.withBytes(option.field) { SourceText.decode($0, windows1252: source.encoding == .windows1252) })
            if Self.tickedWords.contains(text) || text == variable.optionLabels[option.code] {
                list.append(option.code)
            } else if !Self.notTickedWords.contains(text) {
                note(.unreadable, slot: slot, record: record, field: option.field, part: &part)
            }
        }
        if any { part.issues[slot].nonEmpty += 1 }
        return list
    }

    static let tickedWords: Set<String> = ["1", "ja", "j", "yes", "y", "x", "waar", "true", "aangevinkt", "wel"]
    static let notTickedWords: Set<String> = ["0", "nee", "n", "no", "onwaar", "false", "niet aangevinkt", "niet"]

    /// The largest weight a row may have: a respondent stands for at most the largest population
    /// (`[population]`'s bound); it keeps the sums of weights and their squares finite.
    static let largestWeight = Double(Study.largestPopulation)

    /// A row's weight: a positive number of at most `largestWeight`; anything else is noted (the
    /// load then fails with every such row listed) and stands as 1 meanwhile.
    func weight(_ record: CSVRecord, _ field: Int, part: inout PartResult) -> Double {
        let value: Double?
        switch record.withBytes(field, { NumberParser.parse($0) }) {
        case .integer(let v): value = Double(v)
        case .decimal(let v): value = v
        case .empty, .text: value = nil
        }
        if let value, value > 0, value <= Self.largestWeight { return value }
        part.weightProblemCount += 1
        if part.weightProblems.count < 20 {
            let text = record.withBytes(field) { SourceText.decode($0, windows1252: source.encoding == .windows1252) }
            part.weightProblems.append(.init(line: record.line, column: source.column(ofByte: record.offset(ofField: field)), value: text))
        }
        return 1
    }

    /// A column without a name may only be empty (Excel's trailing `;;;`): a value there belongs
    /// to no variable, and kto does not drop answers silently.
    func checkUnnamed(_ record: CSVRecord) throws {
        for k in plan.unnamedColumns where k < record.count && !record.isBlank(k) {
            let value = record.withBytes(k) { SourceText.decode($0, windows1252: source.encoding == .windows1252) }
            // The cell's own line: a quoted field before it may span lines.
            let offset = record.offset(ofField: k)
            let line = record.line(ofByte: offset)
            throw StudyError([StudyProblem(
                "kolom \(k + 1) heeft geen naam in de kopregel, maar hier staat een waarde ('\(value)'); geef de kolom een naam (en neem haar op in het codeboek) of maak haar leeg",
                at: source.location(line: line, column: source.column(ofByte: offset)),
                lineText: source.lineText(line))])
        }
    }

    /// The row checks, in the ledger's order: field count, text after a quote, group, id. Returns the group index and id of a usable row; nil after recording the rejection.
    @inline(__always)
    func check(_ record: CSVRecord, registry: inout IDRegistry, part: inout PartResult) -> (UInt16, RespondentID)? {
        let width = plan.width
        var reason: RowLedger.Reason?
        // The row's first line; for text after a closing quote the line of that text (a quoted
        // field before it may span lines), so that line and column name the place.
        var line = record.line
        if record.count != width && (record.count < width || !(width..<record.count).allSatisfy(record.isBlank)) {
            reason = .wrongFieldCount(expected: width, found: record.count)
        } else if let stray = record.strayAfterQuote {
            reason = .textAfterClosingQuote(column: source.column(ofByte: stray))
            line = record.line(ofByte: stray)
        }
        var groupIndex = 0
        if reason == nil {
            // The table maps the gemeente's number codes to group indexes.
            let fast = record.tableValue(plan.groupColumn)
            if fast != CSVCodeTable.slow {
                groupIndex = Int(fast)
            } else {
                switch groupLookup.resolve(record, field: plan.groupColumn, windows1252: source.encoding == .windows1252) {
                case .group(let g): groupIndex = g
                case .missing: reason = .missingGroup
                case .unknown(let value): reason = .unknownGroup(value)
                case .excluded(let value): reason = .excludedGroup(value)
                }
            }
        }
        var id = RespondentID.text("")
        if reason == nil, let idColumn = plan.idColumn {
            let parsed = Self.number(record, idColumn)
            if case .integer(let number) = parsed {
                // Kept as the number: its text is `String(number)` ("0012" is respondent 12).
                id = .number(number)
                if let first = registry.register(number, line: record.line) {
                    reason = .duplicateID(String(number), firstLine: first)
                }
            } else if parsed == .empty {
                reason = .missingID
            } else {
                let text = record.withBytes(idColumn) { SourceText.decode($0, windows1252: source.encoding == .windows1252) }
                    .trimmingWhitespace()
                id = .text(text)
                if let first = registry.register(text, line: record.line) {
                    reason = .duplicateID(text, firstLine: first)
                }
            }
        }
        if let reason {
            part.rejections.append(.init(line: line, reason: reason))
            return nil
        }
        return (UInt16(groupIndex), id)
    }

    /// A cell as a number; plain digits (the usual respondent number) without the general parser.
    @inline(__always)
    static func number(_ record: CSVRecord, _ field: Int) -> ParsedNumber {
        record.withBytes(field) { bytes in
            if bytes.count > 0 && bytes.count <= 15 {
                var value = 0
                for b in bytes {
                    let digit = b &- 0x30
                    guard digit < 10 else { return NumberParser.parse(bytes) }
                    value = value &* 10 &+ Int(digit)
                }
                return .integer(value)
            }
            return NumberParser.parse(bytes)
        }
    }

    /// Counts an unusable cell, tallies its value and keeps the first few as examples.
    func note(_ issue: CellDecoder.Issue, slot: Int, record: CSVRecord, field: Int, part: inout PartResult) {
        switch issue {
        case .outOfRange: part.issues[slot].outOfRange += 1
        case .unreadable: part.issues[slot].unreadable += 1
        }
        let value = record.withBytes(field) { SourceText.decode($0, windows1252: source.encoding == .windows1252) }
            .trimmingWhitespace()
        let known = part.issues[slot].values.firstIndex { $0.value == value }
        if let known { part.issues[slot].values[known].count += 1 }
        let newValue = known == nil && part.issues[slot].values.count < RowLedger.CellIssues.maximumDistinctValues
        let newExample = part.issues[slot].examples.count < examplesPerVariable
        guard newValue || newExample else { return }
        // The cell's own line: a quoted field before it may span lines.
        let offset = record.offset(ofField: field)
        let line = record.line(ofByte: offset)
        let column = source.column(ofByte: offset)
        if newValue {
            part.issues[slot].values.append(.init(
                value: value, count: 1, line: line, column: column, outOfRange: issue == .outOfRange))
        }
        if newExample { part.issues[slot].examples.append(.init(line: line, column: column, value: value)) }
    }
}

extension DatasetLoader.GroupLookup {
    enum Resolution { case group(Int), missing, unknown(String), excluded(String) }

    /// The group of a cell the code table did not settle: by number code, else by name or label.
    func resolve(_ record: CSVRecord, field: Int, windows1252: Bool) -> Resolution {
        let parsed = record.withBytes(field) { NumberParser.parse($0) }
        if case .integer(let code) = parsed, let g = byCode[code] { return .group(g) }
        if case .integer(let code) = parsed, excluded.contains(String(code)) { return .excluded(String(code)) }
        if parsed == .empty { return .missing }
        let value = record.withBytes(field) { SourceText.decode($0, windows1252: windows1252) }
            .trimmingWhitespace()
        if let g = byName[Variable.labelKey(value)] { return .group(g) }
        if excluded.contains(Variable.labelKey(value)) { return .excluded(value) }
        return .unknown(value)
    }
}

extension Array {
    /// Faults in the pages of elements `range` of the room reserved for the array, as far as its
    /// capacity goes (`Prefault`); the elements do not change.
    func prefault(_ range: Range<Int>) {
        let upper = Swift.min(range.upperBound, capacity)
        guard upper > range.lowerBound else { return }
        withUnsafeBufferPointer { buffer in
            // The storage's start even when the array is still empty.
            guard let base = buffer.baseAddress else { return }
            Prefault.populate(UnsafeMutableRawPointer(mutating: base + range.lowerBound), bytes: (upper - range.lowerBound) * MemoryLayout<Element>.stride)
        }
    }

    /// Faults in the reserved room that appending `count` elements will write (a later part's
    /// rows appended to the first part's arrays, which reserved room for the whole file).
    func prefaultAppending(_ count: Int) {
        prefault(self.count..<(self.count + count))
    }
}

extension Array where Element == String? {
    /// `other`'s answers appended by moving them, `other` left holding nils. A copy of a later
    /// part's open answers retained every one (through the runtime, an element at a time), and
    /// freeing the part released them again: at 1M respondents about 9 ms on the one thread that
    /// appends the parts; element-wise swaps still retained each, a third of that.
    mutating func appendMoving(_ other: inout [String?]) {
        let start = count
        let moved = other.count
        append(contentsOf: repeatElement(nil, count: moved))
        withUnsafeMutableBufferPointer { target in
            other.withUnsafeMutableBufferPointer { source in
                guard let to = target.baseAddress, let from = source.baseAddress else { return }
                // Every Swift value may be moved bit for bit. The nils overwritten own nothing,
                // and the source's slots get nils again without releasing what they held, which
                // the target owns now.
                UnsafeMutableRawPointer(to + start).copyMemory(from: from, byteCount: moved * MemoryLayout<String?>.stride)
                UnsafeMutableRawPointer(from).initializeMemory(as: String?.self, repeating: nil, count: moved)
            }
        }
    }
}
