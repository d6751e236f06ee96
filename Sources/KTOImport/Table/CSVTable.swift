import Foundation

/// Reads a CSV file into a `DataTable` of text cells: every physical record, the header row
/// included, as written (trimmed; blank cells `.empty`), each row numbered by the line on which
/// it starts. Platform exports are shaped afterwards (`PlatformExport`); a plain CSV is the
/// header row plus its data rows.
///
/// Rows with another number of fields than the header, or with text after a closing quote, are
/// not respondents: they come back as `LeftOutRow`s, as the loader rejects them.
struct CSVTable {
    /// The header row's cells (trimmed, quotes removed) and the data rows.
    var names: [String]
    /// Byte offset of every header cell, for messages.
    var nameOffsets: [Int]
    /// The line of every header cell.
    var nameLines: [Int]
    /// Column-major cells of the data rows (after the header row).
    var columns: [[TableCell]]
    var rowNumbers: [Int]
    var leftOut: [LeftOutRow]
    var details: TableFileResult.TextDetails
    /// The line of the header row.
    var headerLine: Int
    let source: SourceText

    /// Reads `source` (already normalised) with `dialect`, or a sniffed one.
    /// - Throws: `TableFileError.csv` for an empty file or an unterminated quote;
    ///   `.tooLarge` beyond `maxCells`.
    init(source: SourceText, dialect given: CSVDialect?, file: String, maxCells: Int) throws(TableFileError) {
        self.source = source
        let dialect = given ?? CSVDialect.sniff(source.bytes)
        // The reader takes its first record as the header and checks its names; here the header
        // is a record like any other (platform exports repeat or leave out names), so the reader
        // runs over the text behind a one-line stand-in header, and lines are counted back.
        let normalised: TextEncoding = source.encoding == .windows1252 ? .windows1252 : .utf8
        let shifted: SourceText
        let reader: CSVReader
        do {
            shifted = try SourceText(bytes: [0x78, 0x0A] + Array(source.bytes), file: file, encoding: normalised)
            reader = try CSVReader(source: shifted, dialect: dialect)
        } catch {
            throw .csv(ImportError(error.kind, at: SourceLocation(file: file, line: 1)))
        }
        var cursor = reader.makeCursor()
        var names: [String]?
        var offsets: [Int] = []
        var lines: [Int] = []
        var columns: [[TableCell]] = []
        var rowNumbers: [Int] = []
        var leftOut: [LeftOutRow] = []
        var blank = 0
        var headerLine = 1
        var cells = 0
        let windows1252 = normalised == .windows1252
        do {
            while let record = try cursor.next() {
                let line = record.line - 1
                if (0..<record.count).allSatisfy({ record.isBlank($0) }) {
                    // A line of only separators is how Excel saves an empty row.
                    blank += 1
                    continue
                }
                guard let header = names else {
                    var row: [String] = []
                    // A quoted name before a field may span lines: its line is counted on from
                    // the field before (one pass over the header, however wide).
                    var fieldLine = line
                    var scanned = record.count > 0 ? record.offset(ofField: 0) : 0
                    for k in 0..<record.count {
                        row.append(Self.text(record, k, windows1252: windows1252))
                        let offset = record.offset(ofField: k)
                        fieldLine += Self.lineEnds(in: shifted.bytes, from: scanned, to: offset)
                        scanned = offset
                        offsets.append(offset - 2)
                        lines.append(fieldLine)
                    }
                    names = row
                    headerLine = line
                    columns = Array(repeating: [], count: row.count)
                    continue
                }
                if let stray = record.strayAfterQuote {
                    let field = (0..<record.count).last { record.offset(ofField: $0) <= stray } ?? 0
                    leftOut.append(LeftOutRow(line: line, reason: .textAfterQuote(field: field + 1), place: "\(file):\(line)"))
                    continue
                }
                guard record.count == header.count else {
                    leftOut.append(LeftOutRow(
                        line: line, reason: .wrongFieldCount(found: record.count, expected: header.count), place: "\(file):\(line)"))
                    continue
                }
                cells += header.count
                guard cells <= maxCells else { throw TableFileError.tooLarge(file: file, cells: cells, limit: maxCells) }
                for k in 0..<header.count {
                    if record.isBlank(k) {
                        columns[k].append(.empty)
                    } else {
                        let value = Self.text(record, k, windows1252: windows1252)
                        columns[k].append(value.isEmpty ? .empty : .text(value))
                    }
                }
                rowNumbers.append(line)
            }
        } catch let error as ImportError {
            // The stand-in header moved every line down by one.
            let place = error.place
            let line = max(1, place.line - 1)
            throw .csv(ImportError(
                error.kind, at: SourceLocation(file: file, line: line, column: place.column), lineText: source.lineText(line)))
        } catch let error as TableFileError {
            throw error
        } catch {
            throw .csv(ImportError(.unreadableFile(reason: "\(error)"), at: SourceLocation(file: file, line: 1)))
        }
        guard let header = names else {
            throw .csv(ImportError(.emptyFile, at: SourceLocation(file: file, line: 1)))
        }
        self.names = header
        self.nameOffsets = offsets
        self.nameLines = lines
        self.columns = columns
        self.rowNumbers = rowNumbers
        self.leftOut = leftOut
        self.headerLine = headerLine
        self.details = TableFileResult.TextDetails(
            encoding: source.encoding, encodingDetected: source.detected, dialect: dialect, dialectSniffed: given == nil,
            blankLines: blank + cursor.summary.blankLines, lines: max(0, cursor.summary.lines - 1))
    }

    /// Line ends (LF, CR, CRLF) in `bytes[from..<to]`.
    static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var k = max(0, from)
        let end = min(to, bytes.count)
        while k < end {
            if bytes[k] == 0x0A {
                count += 1
            } else if bytes[k] == 0x0D {
                count += 1
                if k + 1 < end && bytes[k + 1] == 0x0A { k += 1 }
            }
            k += 1
        }
        return count
    }

    /// Field `k` as text: quotes removed, doubled quotes collapsed, trimmed.
    static func text(_ record: CSVRecord, _ k: Int, windows1252: Bool) -> String {
        record.withBytes(k) { bytes in
            let value = SourceText.decode(bytes, windows1252: windows1252)
            // Most cells start and end with a visible ASCII character: nothing to trim, and
            // Foundation's (Unicode-aware, slow) trimming is left for the rest.
            if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return value }
            return value.trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The plain table: the header row names the columns. Unnamed columns without any content
    /// (Excel's trailing `;;;`) are dropped; a duplicate name (ignoring case) is an error, as in
    /// the loader.
    func plainTable(file: String) throws(TableFileError) -> DataTable {
        var seen: [String: Int] = [:]
        var kept: [DataColumn] = []
        for (k, name) in names.enumerated() {
            if name.isEmpty && columns[k].allSatisfy({ $0 == .empty }) { continue }
            if !name.isEmpty {
                if let first = seen[name.lowercased()] {
                    let offset = k < nameOffsets.count ? nameOffsets[k] : 0
                    let line = k < nameLines.count ? nameLines[k] : headerLine
                    throw .csv(ImportError(
                        .duplicateHeaderName(name, firstColumn: first + 1),
                        at: SourceLocation(file: file, line: line, column: source.column(ofByte: offset)),
                        lineText: source.lineText(line)))
                }
                seen[name.lowercased()] = k
            }
            kept.append(DataColumn(name: name, storage: .mixed, cells: columns[k]))
        }
        return DataTable(
            file: file, format: .csv, columns: kept, rowCount: rowNumbers.count, encoding: source.encoding.rawValue,
            rowNumbers: rowNumbers)
    }

    /// Every row including the header row as one table whose columns are unnamed: the input of
    /// the platform readers, which find their names and labels in the first rows.
    func rawTable(file: String) -> DataTable {
        var all: [DataColumn] = []
        for (k, name) in names.enumerated() {
            all.append(DataColumn(name: "", storage: .mixed, cells: [name.isEmpty ? .empty : .text(name)] + columns[k]))
        }
        return DataTable(
            file: file, format: .csv, columns: all, rowCount: rowNumbers.count + 1, encoding: source.encoding.rawValue,
            rowNumbers: [headerLine] + rowNumbers)
    }
}
