import KTOImport
import KTOModel

/// `TableFile` on raw bytes, read as a CSV export (plain or a platform's, recognised from the
/// header), as an SPSS file and as a workbook; then `kto init`'s draft of each table read. Beyond
/// not crashing: a table is rectangular, its rows and left-out rows name lines of the file in
/// order and never the same line twice, its sets name its columns, and the drafted codebook is
/// one `Codebook` reads back with the same variables.
enum TableTarget {
    static func run(_ input: [UInt8], context: FuzzContext, checker: inout Checker) -> String {
        var signature: [String] = []
        for name in ["fuzz.csv", "fuzz.sav", "fuzz.xlsx"] {
            signature.append(read(input, name: name, checker: &checker))
        }
        if input.starts(with: Array("$FL".utf8)) { windowMatchesMemory(input, context: context, checker: &checker) }
        return signature.joined(separator: "/")
    }

    /// The .sav reader on the same bytes from a file, through a window small enough to slide on
    /// all through the cases, gives what it gives from memory: the same table or the same error.
    static func windowMatchesMemory(_ input: [UInt8], context: FuzzContext, checker: inout Checker) {
        let path = context.writeScratch(input, name: "fuzz.sav").path
        let memory = input.withUnsafeBufferPointer { bytes in
            Result { () throws(SAVError) -> DataTable in try SAVReader.read(bytes: bytes, displayName: "fuzz.sav", maxCells: 2_000_000) }
        }
        for window in [61, 4096] {
            let file = Result { () throws(SAVError) -> DataTable in
                try SAVReader.read(path: path, displayName: "fuzz.sav", maxCells: 2_000_000, window: window)
            }
            checker.check(same(memory, file), "fuzz.sav through a \(window)-byte window: \(outline(file)), from memory: \(outline(memory))")
        }
    }

    /// The same error, or tables with the same columns and cells (numbers by bit pattern, so that
    /// a NaN equals itself).
    static func same(_ a: Result<DataTable, SAVError>, _ b: Result<DataTable, SAVError>) -> Bool {
        switch (a, b) {
        case (.failure(let x), .failure(let y)): return x == y
        case (.success(let x), .success(let y)):
            guard x.rowCount == y.rowCount, x.columns.map(\.name) == y.columns.map(\.name) else { return false }
            return zip(x.columns, y.columns).allSatisfy { c, d in
                zip(c.cells, d.cells).allSatisfy { p, q in
                    if case .number(let u) = p, case .number(let v) = q { return u.bitPattern == v.bitPattern }
                    return p == q
                }
            }
        default: return false
        }
    }

    static func outline(_ result: Result<DataTable, SAVError>) -> String {
        switch result {
        case .success(let table): return "\(table.rowCount) rows × \(table.columns.count) columns"
        case .failure(let error): return error.message
        }
    }

    static func read(_ input: [UInt8], name: String, checker: inout Checker) -> String {
        let result: TableFileResult
        do {
            result = try TableFile.read(bytes: input, displayName: name, maxCells: 2_000_000)
        } catch {
            checker.check(!error.message.isEmpty, "\(name): TableFileError without a message")
            if case .csv(let e) = error, let source = try? SourceText(bytes: input, file: name) {
                checker.checkLocation(e.location, in: source, "\(name) TableFileError")
            }
            return "error:" + "\(error)".prefix(while: { $0 != "(" })
        }
        let table = result.table
        checker.check(table.columns.allSatisfy { $0.cells.count == table.rowCount }, "\(name): a column without rowCount cells")
        checker.check(table.rowNumbers.count == table.rowCount, "\(name): \(table.rowNumbers.count) row numbers for \(table.rowCount) rows")
        if table.format == .csv {
            checker.check(zip(table.rowNumbers, table.rowNumbers.dropFirst()).allSatisfy { $0 < $1 }, "\(name): row lines not ascending")
            let lines = Set(table.rowNumbers)
            checker.check(result.leftOut.allSatisfy { !lines.contains($0.line) && $0.line >= 1 }, "\(name): a left-out line is also a row")
            if let total = result.text?.lines {
                checker.check((table.rowNumbers + result.leftOut.map(\.line)).allSatisfy { $0 <= max(total, 1) }, "\(name): a line past the end (\(total) lines)")
            }
        }
        let names = Set(table.columns.map { $0.name.lowercased() })
        checker.check(table.multipleResponseSets.allSatisfy { $0.variables.allSatisfy { names.contains($0.lowercased()) } }, "\(name): a set names a column the table lacks")
        var signature = "\(result.format.rawValue)|r\(min(table.rowCount, 9))|c\(min(table.columns.count, 9))|l\(min(result.leftOut.count, 3))|s\(table.multipleResponseSets.count)"
        do {
            // Without a column named like the gemeente, the first column stands in (as --group).
            let draft: CodebookDraft
            do {
                draft = try CodebookDraft.make(from: result)
            } catch .noGroupColumn {
                draft = try CodebookDraft.make(from: result, group: table.columns.first?.name)
            }
            signature += "|draft" + "\(draft.entries.count)"
            do {
                let codebook = try Codebook.parse(SourceText(bytes: draft.codebookBytes(), file: "codebook.csv"))
                checker.check(codebook.variables.map(\.code) == draft.entries.map(\.variable), "\(name): the drafted codebook reads back with other variables")
                checker.check(codebook.openQuestionPairing().problems.isEmpty, "\(name): the drafted codebook has open questions that do not pair")
            } catch {
                checker.check(false, "\(name): the drafted codebook does not read back: \(error)")
            }
        } catch {
            checker.check(!error.message.isEmpty, "\(name): CodebookDraftError without a message")
            signature += "|" + "\(error)".prefix(while: { $0 != "(" })
        }
        return signature
    }
}
