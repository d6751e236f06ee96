import KTOImport

/// The CSV reader on raw bytes: one sequential pass is the reference; a pass that writes code
/// table values must give the same records and exactly the values the table promises; reading
/// the parts of `partition(into:)` the way the loader does (take a part while it starts where the
/// previous one stopped, else read on sequentially) must give the sequential records again.
enum CSVTarget {
    struct Record: Equatable {
        var line: Int
        var fields: [[UInt8]]
        var quoted: [Bool]
        var stray: Int?
    }

    struct Pass: Equatable {
        var records: [Record] = []
        var blankLines = 0
        var error: ImportError?
        var position = 0
        var line = 0
    }

    static func run(_ input: [UInt8], checker: inout Checker) -> String {
        var signature = read(input, encoding: nil, dialect: nil, checker: &checker)
        // A second reading with an override, chosen by the input (deterministic per input).
        let hash = input.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        let encodings: [TextEncoding?] = [nil, .utf8, .windows1252, .utf16LE, .utf16BE, .utf8BOM]
        // A digit as separator is possible only through the API, but the code table must not
        // misread it (the reader then leaves its fast loop out).
        let dialects: [CSVDialect?] = [nil, .semicolon, .comma, .tab, .pipe, CSVDialect(separator: UInt8(ascii: "5"))]
        let encoding = encodings[Int(hash % UInt64(encodings.count))]
        let dialect = dialects[Int((hash >> 8) % UInt64(dialects.count))]
        if encoding != nil || dialect != nil {
            signature += "/" + read(input, encoding: encoding, dialect: dialect, checker: &checker)
        }
        return signature
    }

    static func read(_ input: [UInt8], encoding: TextEncoding?, dialect: CSVDialect?, checker: inout Checker) -> String {
        let source: SourceText
        do {
            source = try SourceText(bytes: input, file: "input.csv", encoding: encoding)
        } catch {
            return checker.checkError(error, source: nil, "SourceText")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(source: source, dialect: dialect)
        } catch {
            return "\(source.encoding.rawValue)|" + checker.checkError(error, source: source, "CSVReader.init")
        }
        checker.check(!reader.header.isEmpty, "header without names")

        let sequential = pass(reader.makeCursor(), source: source, checker: &checker)
        if let error = sequential.error { _ = checker.checkError(error, source: source, "sequential pass") }
        checker.check(sequential.records.map(\.line) == sequential.records.map(\.line).sorted(), "record lines not ascending")
        if let last = sequential.records.last, sequential.error == nil {
            checker.checkLocation(SourceLocation(file: source.file, line: last.line), in: source, "last record")
        }

        // `forEachRecord` is the same pass behind a closure.
        var closureRecords = 0
        let summary = try? reader.forEachRecord { _ in closureRecords += 1 }
        if sequential.error == nil {
            checker.check(summary?.records == sequential.records.count && closureRecords == sequential.records.count,
                          "forEachRecord saw \(closureRecords) records, the cursor \(sequential.records.count)")
            checker.check(summary?.blankLines == sequential.blankLines, "forEachRecord blank lines differ")
        } else {
            checker.check(summary == nil, "forEachRecord did not throw where the cursor did")
        }

        checkTable(reader, sequential, source: source, checker: &checker)
        var parts = ""
        for count in [2, 3, 2 + input.count % 7] {
            parts += checkParts(reader, into: count, sequential, checker: &checker)
        }

        let fieldCounts = Set(sequential.records.map(\.fields.count))
        let multiLine = zip(sequential.records, sequential.records.dropFirst()).contains { $1.line - $0.line > 1 }
        return [
            source.encoding.rawValue, reader.dialect.name, sequential.error.map { String("\($0.kind)".prefix(while: { $0 != "(" })) } ?? "ok",
            "w\(min(reader.header.count, 10))", "f\(min(fieldCounts.count, 4))", "r\(bucket(sequential.records.count))",
            sequential.records.contains { $0.stray != nil } ? "stray" : "", sequential.records.contains { $0.quoted.contains(true) } ? "q" : "",
            multiLine ? "ml" : "", sequential.blankLines > 0 ? "blank" : "", parts,
        ].joined(separator: "|")
    }

    static func bucket(_ n: Int) -> Int { n == 0 ? 0 : 1 + (Int.bitWidth - n.leadingZeroBitCount) / 2 }

    static func pass(_ cursor: CSVCursor, source: SourceText, checker: inout Checker) -> Pass {
        var cursor = cursor
        var result = Pass()
        do {
            while let record = try cursor.next() {
                result.records.append(self.record(record, source: source, checker: &checker))
            }
        } catch {
            result.error = error
        }
        result.blankLines = cursor.summary.blankLines
        result.position = cursor.position
        result.line = cursor.line
        return result
    }

    static func record(_ r: CSVRecord, source: SourceText, checker: inout Checker) -> Record {
        var fields: [[UInt8]] = []
        var quoted: [Bool] = []
        let n = source.bytes.count
        for k in 0..<r.count {
            let offset = r.offset(ofField: k)
            checker.check(offset >= 0 && offset <= n, "field \(k) offset \(offset) outside 0...\(n)")
            fields.append(r.withBytes(k) { Array($0) })
            quoted.append(r.isQuoted(k))
        }
        if let stray = r.strayAfterQuote { checker.check(stray >= 0 && stray < n, "stray offset \(stray) outside the bytes") }
        return Record(line: r.line, fields: fields, quoted: quoted, stray: r.strayAfterQuote)
    }

    // MARK: The code table

    /// The table: per column an empty-cell entry and entries for three values in four.
    static func table(columns: Int) -> CSVCodeTable {
        var table = CSVCodeTable(columns: columns)
        for k in 0..<columns {
            table[emptyIn: k] = Int16(-1 - k % 5)
            for v in 0...CSVCodeTable.maxValue where (v + k) % 4 != 0 { table[k, v] = Int16(v * 10 + k % 10) }
        }
        return table
    }

    /// What the table must give a field: its entry for an unquoted empty field or one or two
    /// digits optionally followed by `,0` / `.0`; `slow` for anything else.
    static func expectedValue(_ field: [UInt8], quoted: Bool, column k: Int, table: CSVCodeTable) -> Int16 {
        guard !quoted else { return CSVCodeTable.slow }
        if field.isEmpty { return table[emptyIn: k] }
        var digits = field
        if digits.count >= 3, digits[digits.count - 1] == 0x30, digits[digits.count - 2] == 0x2C || digits[digits.count - 2] == 0x2E {
            digits.removeLast(2)
        }
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0 &- 0x30 < 10 }) else { return CSVCodeTable.slow }
        return table[k, digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }]
    }

    static func checkTable(_ reader: CSVReader, _ sequential: Pass, source: SourceText, checker: inout Checker) {
        // Wide headers get a narrower table: fields beyond it are `slow`.
        let columns = min(reader.header.count, 300)
        let table = table(columns: columns)
        let stride = 3
        let values = UnsafeMutablePointer<Int16>.allocate(capacity: stride * max(0, columns - 1) + 1)
        defer { values.deallocate() }
        var cursor = reader.makeCursor(decoding: table)
        var index = 0
        do {
            while let r = try cursor.next(writingValuesTo: values, stride: stride) {
                let got = record(r, source: source, checker: &checker)
                guard index < sequential.records.count, got == sequential.records[index] else {
                    return checker.check(false, "table pass: record \(index) differs from the sequential pass")
                }
                var slow = 0
                let n = source.bytes.count
                for k in 0..<min(r.count, columns) {
                    let want = expectedValue(got.fields[k], quoted: got.quoted[k], column: k, table: table)
                    let value = r.tableValue(k)
                    if value == CSVCodeTable.slow { slow += 1 }
                    // `slow` is always allowed to be correct ("decode it yourself"); the reader
                    // looks fields up only where eight bytes can be loaded from their start.
                    let nearEnd = r.offset(ofField: k) + 8 > n
                    guard value == want || (value == CSVCodeTable.slow && nearEnd) else {
                        return checker.check(false, "table value of record \(index) field \(k) '\(String(decoding: got.fields[k], as: UTF8.self))': \(value), expected \(want)")
                    }
                }
                checker.check(r.slowValues == slow, "record \(index): slowValues \(r.slowValues), counted \(slow)")
                index += 1
            }
            checker.check(index == sequential.records.count && sequential.error == nil, "table pass ended early (\(index) records)")
        } catch {
            checker.check(index == sequential.records.count && error == sequential.error, "table pass threw \(error), sequential \(String(describing: sequential.error))")
        }
    }

    // MARK: Parts

    /// Reads the parts as the loader does and compares with the sequential pass; returns "m"
    /// (every part met the previous one) or "f" (fell back) for the signature.
    static func checkParts(_ reader: CSVReader, into count: Int, _ sequential: Pass, checker: inout Checker) -> String {
        let partition = reader.partition(into: count)
        let n = reader.source.bytes.count
        checker.check(partition.starts.count == partition.lineEndsBefore.count && partition.count >= 1, "partition arrays differ in length")
        checker.check(partition.starts == partition.starts.sorted() && partition.starts.allSatisfy { $0 <= n }, "partition starts \(partition.starts) not ascending within \(n)")
        checker.check(partition.lineEndsBefore == partition.lineEndsBefore.sorted(), "partition line ends \(partition.lineEndsBefore) not ascending")
        if let total = partition.lineEnds {
            checker.check(partition.lineEndsBefore.last ?? 0 <= total, "line ends before a part exceed the total")
            checker.check(sequential.records.count <= total + 1, "\(sequential.records.count) records but \(total) line ends: the loader's row bound fails")
        }
        let source = reader.source
        var scratch = Checker()
        var result = pass(reader.makeCursor(part: 0, of: partition), source: source, checker: &scratch)
        var fellBack = false
        if result.error == nil {
            for k in 1..<partition.count {
                let cursor = reader.makeCursor(part: k, of: partition)
                let part = pass(cursor, source: source, checker: &scratch)
                let offset = result.line - 1
                guard part.error == nil, cursor.start == result.position else {
                    let rest = pass(reader.makeCursor(resumingAt: result.position, line: result.line), source: source, checker: &scratch)
                    result.records += rest.records
                    result.blankLines += rest.blankLines
                    result.error = rest.error
                    result.position = rest.position
                    result.line = rest.line
                    fellBack = true
                    break
                }
                // The loader's region claim: the rows before a cut at a line start end with a
                // line end each (a part that starts at the end of the bytes is empty).
                checker.check(cursor.start == n || result.records.count <= partition.lineEndsBefore[k], "\(result.records.count) records before part \(k) of \(count), but \(partition.lineEndsBefore[k]) line ends")
                result.records += part.records.map { var r = $0; r.line += offset; return r }
                result.blankLines += part.blankLines
                result.position = part.position
                result.line = part.line + offset
            }
        }
        checker.check(result.records == sequential.records, "\(count) parts: records differ from the sequential pass (starts \(partition.starts))")
        checker.check(result.error == sequential.error, "\(count) parts: error \(String(describing: result.error)) vs sequential \(String(describing: sequential.error))")
        if result.error == nil && sequential.error == nil {
            checker.check(result.blankLines == sequential.blankLines, "\(count) parts: \(result.blankLines) blank lines vs \(sequential.blankLines)")
            checker.check(result.line == sequential.line, "\(count) parts: ends on line \(result.line) vs \(sequential.line)")
        }
        return partition.count == 1 ? "1" : (fellBack ? "f" : "m")
    }
}
