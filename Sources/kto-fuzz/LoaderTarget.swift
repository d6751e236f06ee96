import KTOImport
import KTOModel

/// The whole `DatasetLoader` on the fuzz study with the input as its data file: read on one
/// thread and in 2-5 parts (parts of any size, through the loader's test seam), the outcomes must
/// be identical; the ledger must balance and every place it names must exist.
enum LoaderTarget {
    /// Everything a load produces, comparable.
    struct Snapshot: Equatable {
        var group: [UInt16] = []
        var ids: [String] = []
        var lines: [Int32] = []
        var columns: [Dataset.Column?] = []
        var ledgers: [RowLedger] = []
        /// The error, with every stored property (`dump`).
        var error: String?
    }

    static func load(_ loader: DatasetLoader, context: FuzzContext) -> (Snapshot, Result<(Dataset, [RowLedger]), any Error>) {
        do {
            let (dataset, ledgers) = try loader.load(files: [Study.DataFile(path: context.scratch, displayName: "data.csv")], meting: "2015")
            return (Snapshot(group: dataset.group, ids: Array(dataset.ids), lines: dataset.lines, columns: dataset.columns, ledgers: ledgers), .success((dataset, ledgers)))
        } catch {
            var text = ""
            dump(error, to: &text)
            return (Snapshot(error: text), .failure(error))
        }
    }

    static func run(_ input: [UInt8], context: FuzzContext, checker: inout Checker) -> String {
        _ = context.writeScratch(input, name: "data.csv")
        let source = try? SourceText(bytes: input, file: "data.csv")
        var loader = DatasetLoader(study: context.study, codebook: context.codebook)
        loader.parallelism = 1
        let (reference, result) = load(loader, context: context)
        var signature: String
        switch result {
        case .success(let (dataset, ledgers)):
            checkDataset(dataset, ledgers: ledgers, source: source, checker: &checker)
            let ledger = ledgers.first
            signature = [
                "ok", ledger?.encoding.rawValue ?? "", ledger?.dialect.name ?? "", "r\(CSVTarget.bucket(ledger?.rowsRead ?? 0))",
                Set(ledger?.rejections.map(\.reason.kind) ?? []).sorted().joined(separator: ","),
                (ledger?.cellIssues ?? []).map { "\($0.variable):\($0.outOfRange > 0)\($0.unreadable > 0)" }.joined(separator: ","),
                ledger?.labelsMatched ?? 0 > 0 ? "labels" : "", ledger?.blankLines ?? 0 > 0 ? "blank" : "",
            ].joined(separator: "|")
        case .failure(let error):
            signature = checker.checkError(error, source: source, "DatasetLoader.load")
        }

        // The same bytes in parts: on two threads four parts each (as the loader cuts), then 3
        // and one more count chosen by the input, one part per thread.
        let log = PartLog()
        for (threads, partsPerThread) in [(2, DatasetLoader.defaultPartsPerThread), (3, 1), (4 + input.count % 2, 1)] {
            var parallel = loader
            parallel.parallelism = threads
            parallel.partsPerThread = partsPerThread
            parallel.minimumPartSize = 1
            parallel.partLog = log
            let (snapshot, _) = load(parallel, context: context)
            if snapshot != reference {
                checker.check(false, "\(threads) threads: the parallel read differs from the sequential one: \(difference(snapshot, reference))")
            }
        }
        let entries = log.entries
        signature += "|" + (entries.isEmpty ? "seq" : entries.allSatisfy { $0.merged == $0.parts } ? "merged" : "fellback")

        // --strict: the first rejection is fatal, at the same row in parts as on one thread.
        var strict = loader
        strict.strict = true
        let (strictReference, strictResult) = load(strict, context: context)
        if case .failure(let error) = strictResult { _ = checker.checkError(error, source: source, "strict load") }
        strict.parallelism = 3
        strict.minimumPartSize = 1
        let (strictParallel, _) = load(strict, context: context)
        checker.check(strictParallel == strictReference, "strict: the parallel read differs: \(difference(strictParallel, strictReference))")
        return signature
    }

    static func difference(_ a: Snapshot, _ b: Snapshot) -> String {
        if a.error != b.error { return "errors \(a.error ?? "none") vs \(b.error ?? "none")" }
        if a.ledgers != b.ledgers { return "ledgers \(a.ledgers) vs \(b.ledgers)" }
        if a.ids != b.ids { return "ids \(a.ids.prefix(20)) vs \(b.ids.prefix(20))" }
        if a.lines != b.lines { return "lines \(a.lines.prefix(20)) vs \(b.lines.prefix(20))" }
        if a.group != b.group { return "groups" }
        return "columns"
    }

    /// What every load must satisfy: one entry per row in every column, valid groups and codes,
    /// a balanced ledger, and rejections and examples at lines that exist (lines ascending).
    static func checkDataset(_ dataset: Dataset, ledgers: [RowLedger], source: SourceText?, checker: inout Checker) {
        let rows = dataset.rowCount
        checker.check(dataset.ids.count == rows && dataset.lines.count == rows, "ids/lines not one per row")
        checker.check(dataset.group.allSatisfy { Int($0) < dataset.groups.count }, "a group index outside the groups")
        checker.check(ledgers.reduce(0) { $0 + $1.rowsUsed } == rows, "rows used \(ledgers.map(\.rowsUsed)) but \(rows) rows")
        for (v, column) in dataset.columns.enumerated() {
            let variable = dataset.codebook.variables[v]
            let allowed = Set(variable.validCodes + variable.missing.map(\.code))
            switch column {
            case .codes(let codes)?:
                checker.check(codes.count == rows, "\(variable.code): \(codes.count) codes for \(rows) rows")
                if let bad = codes.first(where: { $0 != Dataset.noAnswer && $0 != Dataset.unreadable && !allowed.contains(Int($0)) }) {
                    checker.check(false, "\(variable.code): code \(bad) neither valid nor missing")
                }
            case .multi(let lists)?:
                checker.check(lists.count == rows, "\(variable.code): \(lists.count) code lists for \(rows) rows")
                let valid = Set(variable.validCodes)
                if !valid.isEmpty, let bad = lists.first(where: { !$0.allSatisfy { valid.contains(Int($0)) } }) {
                    checker.check(false, "\(variable.code): codes \(bad) outside the code list")
                }
            case .texts(let texts)?:
                checker.check(texts.count == rows, "\(variable.code): \(texts.count) texts for \(rows) rows")
            case nil:
                break
            }
        }
        for ledger in ledgers {
            checker.check(ledger.isBalanced, "\(ledger.file): used \(ledger.rowsUsed) + rejected \(ledger.rowsRejected) != read \(ledger.rowsRead)")
            let lines = ledger.rejections.map(\.line)
            checker.check(lines == lines.sorted(), "\(ledger.file): rejection lines not ascending")
            guard let source, ledger.file == source.file else { continue }
            for rejection in ledger.rejections {
                checker.checkLocation(SourceLocation(file: source.file, line: rejection.line), in: source, "rejection \(rejection.reason)")
                if case .duplicateID(_, let first) = rejection.reason {
                    checker.check(first >= 1 && first < rejection.line, "duplicate at line \(rejection.line) names first line \(first)")
                }
                if case .textAfterClosingQuote(let column) = rejection.reason {
                    checker.checkLocation(SourceLocation(file: source.file, line: rejection.line, column: column), in: source, "stray quote column")
                }
            }
            for issues in ledger.cellIssues {
                for example in issues.examples {
                    checker.checkLocation(SourceLocation(file: source.file, line: example.line, column: example.column), in: source, "cell example of \(issues.variable)")
                }
                for value in issues.values {
                    checker.checkLocation(SourceLocation(file: source.file, line: value.line, column: value.column), in: source, "unusable value of \(issues.variable)")
                }
                checker.check(issues.values.reduce(0) { $0 + $1.count } <= issues.total, "\(issues.variable): values counted more than the unusable cells")
            }
            for line in dataset.lines.prefix(1000) {
                checker.checkLocation(SourceLocation(file: source.file, line: Int(line)), in: source, "row line")
            }
        }
    }
}
