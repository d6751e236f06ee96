import Foundation

/// A `DataTable` (an SPSS or Excel file) as CSV text, so that every table file goes through the
/// one record layer the loader reads: the same code tables, ledger, checks and errors as a CSV
/// export. The text carries a `TablePlaces` map, so every place it names is the table's own
/// (`export.xlsx:Blad1!C17`, `export.sav: case 17, variabele q_tel`), never the text's.
///
/// Cells are written exactly: whole numbers as integers (SPSS codes stay codes), other numbers in
/// their shortest round-trip form, text as it is (quoted where needed, line breaks kept), booleans
/// as 1/0, dates as `2025-03-14` (with the time when there is one), nothing as an empty cell.
public enum TableText {
    /// The table as UTF-8 CSV (`,`-separated, `"`-quoted) with its place map attached.
    public static func render(_ table: DataTable) throws(ImportError) -> SourceText {
        var out: [UInt8] = []
        out.reserveCapacity(table.rowCount * max(table.columns.count, 1) * 3 + 1024)
        for (k, column) in table.columns.enumerated() {
            if k > 0 { out.append(comma) }
            appendText(column.name, to: &out)
        }
        out.append(newline)
        var recordStarts: [Int] = []
        var recordLines: [Int] = []
        recordStarts.reserveCapacity(table.rowCount)
        recordLines.reserveCapacity(table.rowCount)
        var line = 2
        // The cells and date formats by column, reached through a buffer: taking a column out of
        // `table.columns` per cell copied the whole column value (a retain and release of each of
        // its arrays), which was most of the time of reading a .sav file this way.
        let cellsByColumn = table.columns.map(\.cells)
        let epochs = table.columns.map(\.dateEpoch)
        cellsByColumn.withUnsafeBufferPointer { columns in
            for row in 0..<table.rowCount {
                recordStarts.append(out.count)
                recordLines.append(line)
                for k in 0..<columns.count {
                    if k > 0 { out.append(comma) }
                    let cell = row < columns[k].count ? columns[k][row] : .empty
                    switch cell {
                    case .empty: break
                    case .number(let value):
                        if let epoch = epochs[k] {
                            appendText(DateText.format(value, epoch: epoch), to: &out)
                        } else {
                            appendNumber(value, to: &out)
                        }
                    case .text(let text):
                        line += appendText(text, to: &out)
                    case .boolean(let value):
                        out.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
                    }
                }
                out.append(newline)
                line += 1
            }
        }
        var source = try SourceText(bytes: out, file: table.file, encoding: .utf8)
        source.tablePlaces = TablePlaces(
            file: table.file, format: table.format, sheet: table.sheet, columnNames: table.columns.map(\.name),
            rowNumbers: table.rowNumbers, recordStarts: recordStarts, recordLines: recordLines)
        return source
    }

    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")

    /// Appends a text field, quoted when it holds a separator, quote or line break.
    /// - Returns: the line breaks inside it (the record then spans that many more lines).
    @discardableResult
    static func appendText(_ text: String, to out: inout [UInt8]) -> Int {
        var utf8 = Array(text.utf8)
        // A record that starts with a UTF-8 BOM or NUL bytes is still text; only the CSV
        // specials need quoting.
        var needsQuotes = false
        var breaks = 0
        var previousCR = false
        for b in utf8 {
            switch b {
            case comma, quote: needsQuotes = true
            case 0x0D:
                needsQuotes = true
                breaks += 1
            case 0x0A:
                needsQuotes = true
                if !previousCR { breaks += 1 }
            default: break
            }
            previousCR = b == 0x0D
        }
        // Leading or trailing blanks would be trimmed by the reader: quoting keeps the text whole.
        if let first = utf8.first, let last = utf8.last, first == 0x20 || last == 0x20 { needsQuotes = true }
        guard needsQuotes else {
            out.append(contentsOf: utf8)
            return 0
        }
        out.append(quote)
        if utf8.contains(quote) {
            utf8 = utf8.flatMap { $0 == quote ? [quote, quote] : [$0] }
        }
        out.append(contentsOf: utf8)
        out.append(quote)
        return breaks
    }

    /// Whole numbers as integers (the common case, written without Foundation), others in Swift's
    /// shortest form that reads back as the same Double; NaN and infinities as text the loader
    /// will report as unreadable.
    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            var n = Int64(value)
            if n == 0 {
                // -0.0 is written as 0: a code, not a sign.
                out.append(UInt8(ascii: "0"))
                return
            }
            if n < 0 {
                out.append(UInt8(ascii: "-"))
                n = -n
            }
            // Survey codes: one or two digits.
            if n < 10 {
                out.append(UInt8(ascii: "0") + UInt8(n))
                return
            }
            if n < 100 {
                out.append(UInt8(ascii: "0") + UInt8(n / 10))
                out.append(UInt8(ascii: "0") + UInt8(n % 10))
                return
            }
            // At most 15 digits (below 1e15), written from the back of a buffer on the stack.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
                var start = digits.count
                while n > 0 {
                    start -= 1
                    digits[start] = UInt8(ascii: "0") + UInt8(n % 10)
                    n /= 10
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
            }
            return
        }
        out.append(contentsOf: "\(value)".utf8)
    }
}

/// Where the records of a `TableText` come from: the table's row of each record and the name of
/// each column, so that a place in the text becomes the table's place.
public struct TablePlaces: Sendable, Equatable {
    public var file: String
    public var format: DataTable.Format
    public var sheet: String?
    public var columnNames: [String]
    /// Per data record (0-based): its row number in the table (spreadsheet row, SPSS case).
    public var rowNumbers: [Int]
    /// Per data record: the byte offset where it starts in the text, and its first line.
    var recordStarts: [Int]
    var recordLines: [Int]

    /// The data record that starts on or before text line `line`; nil for the header.
    func record(ofLine line: Int) -> Int? {
        guard line >= 2, !recordLines.isEmpty else { return nil }
        var low = 0
        var high = recordLines.count
        while low + 1 < high {
            let mid = (low + high) / 2
            if recordLines[mid] <= line { low = mid } else { high = mid }
        }
        return recordLines[low] <= line ? low : nil
    }

    /// The table's place of a text line and (1-based) column number; nil for the header line.
    /// `column` counts fields, as `SourceText.column(ofByte:)` does for a table's text.
    public func place(line: Int, column: Int?) -> TablePlace? {
        guard let record = record(ofLine: line), record < rowNumbers.count else { return nil }
        let field = max((column ?? 1) - 1, 0)
        return TablePlace(
            file: file, format: format, sheet: sheet, row: rowNumbers[record], column: field,
            columnName: field < columnNames.count ? columnNames[field] : "")
    }

    /// The 0-based field that holds byte `offset` of `bytes` (the rendered text): fields are
    /// counted from the start of the offset's record, outside quotes.
    func field(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0
        var high = recordStarts.count
        while low + 1 < high {
            let mid = (low + high) / 2
            if recordStarts[mid] <= offset { low = mid } else { high = mid }
        }
        var i = recordStarts.isEmpty || recordStarts[low] > offset ? 0 : recordStarts[low]
        var field = 0
        var quoted = false
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == TableText.quote {
                quoted.toggle()
            } else if b == TableText.comma && !quoted {
                field += 1
            }
            i += 1
        }
        return field
    }
}

/// Dates of table cells as text.
enum DateText {
    /// `2025-03-14`, or `2025-03-14 09:30:00` when the value has a time of day.
    static func format(_ value: Double, epoch: DataColumn.DateEpoch) -> String {
        guard value.isFinite, abs(value) < 1e13 else { return "\(value)" }
        let seconds: Double
        switch epoch {
        case .excelDays: seconds = value * 86_400
        // SPSS counts seconds from 1582-10-14; 1899-12-30 is day 115,859 (PSPP: DATE.DMY(30,12,1899)).
        case .spssSeconds: seconds = value - 115_859 * 86_400
        }
        let total = Int64(seconds.rounded())
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let time = total - days * 86_400
        // Days since 1899-12-30 → civil date (proleptic Gregorian), via days since 0000-03-01.
        let z = days + 693_899
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var text = "\(year)-\(two(month))-\(two(day))"
        if time != 0 { text += " \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))" }
        return text
    }
}
