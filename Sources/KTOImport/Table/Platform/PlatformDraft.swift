import Foundation

/// A platform export being shaped into a table: the raw rows of the file (the first one holds the
/// names), and what a platform reader learns from them: labels, header rows to skip, rows to leave
/// out, option columns that form one question.
struct PlatformDraft {
    var file: String
    var format: DataTable.Format
    var sheet: String?
    var encoding: String?
    /// Column names (from the first row, until a reader renames them).
    var names: [String]
    var labels: [String?]
    var valueLabels: [[ValueLabelEntry]]
    /// Cells below the names row, column-major.
    var columns: [[TableCell]]
    /// The file row of each row in `columns`.
    var rowNumbers: [Int]
    var sets: [MultipleResponseSet] = []
    var leftOut: [LeftOutRow] = []
    var notes: [TableFileNote] = []
    var metadata: [String] = []
    var headerRowsSkipped = 0

    /// `raw`'s first row names the columns (a CSV file read row by row); the rest are rows.
    init(raw: DataTable) {
        file = raw.file
        format = raw.format
        sheet = raw.sheet
        encoding = raw.encoding
        names = raw.columns.map { $0.cells.first.flatMap(Self.text) ?? "" }
        labels = Array(repeating: nil, count: raw.columns.count)
        valueLabels = Array(repeating: [], count: raw.columns.count)
        columns = raw.columns.map { Array($0.cells.dropFirst()) }
        rowNumbers = Array(raw.rowNumbers.dropFirst())
    }

    /// A table whose names are already its column names (an .xlsx sheet).
    init(named table: DataTable) {
        file = table.file
        format = table.format
        sheet = table.sheet
        encoding = table.encoding
        names = table.columns.map(\.name)
        labels = table.columns.map(\.label)
        valueLabels = table.columns.map(\.valueLabels)
        columns = table.columns.map(\.cells.array)
        rowNumbers = table.rowNumbers
    }

    var rowCount: Int { rowNumbers.count }

    /// A cell as text (numbers in their shortest form), nil when empty.
    static func text(_ cell: TableCell) -> String? {
        switch cell {
        case .empty: return nil
        case .text(let s): return s.isEmpty ? nil : s
        case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .boolean(let b): return b ? "TRUE" : "FALSE"
        }
    }

    func text(row: Int, column: Int) -> String? {
        guard column < columns.count, row < columns[column].count else { return nil }
        return Self.text(columns[column][row])
    }

    /// The index of the column called `name` (ignoring case), if any.
    func column(_ name: String) -> Int? {
        let key = name.lowercased()
        return names.firstIndex { $0.lowercased() == key }
    }

    /// The place of file row `row` in words.
    func place(ofRow row: Int) -> String {
        switch format {
        case .xlsx: return "\(file):\(sheet ?? "Blad1"), rij \(row)"
        case .sav, .zsav: return "\(file): case \(row)"
        case .csv: return "\(file):\(row)"
        }
    }

    /// Removes the first `count` rows (header rows of the platform) and returns them.
    @discardableResult
    mutating func takeHeaderRows(_ count: Int) -> [[String?]] {
        let n = min(count, rowCount)
        let taken = (0..<n).map { row in columns.indices.map { text(row: row, column: $0) } }
        for k in columns.indices { columns[k].removeFirst(min(n, columns[k].count)) }
        rowNumbers.removeFirst(n)
        headerRowsSkipped += n
        return taken
    }

    /// Leaves out the rows for which `reason` gives a reason; keeps `leftOut` in file order.
    mutating func leaveOut(_ reason: (Int) -> LeftOutRow.Reason?) {
        var keep: [Int] = []
        for row in 0..<rowCount {
            if let why = reason(row) {
                leftOut.append(LeftOutRow(line: rowNumbers[row], reason: why, place: place(ofRow: rowNumbers[row])))
            } else {
                keep.append(row)
            }
        }
        guard keep.count < rowCount else { return }
        for k in columns.indices { columns[k] = keep.map { columns[k][$0] } }
        rowNumbers = keep.map { rowNumbers[$0] }
        leftOut.sort { $0.line < $1.line }
    }

    /// Turns a group of option columns into one multiple-response set: each cell that ticks
    /// the option becomes 1, every other cell stays as it is (the caller checked they are empty).
    mutating func makeOptionSet(name: String, label: String, columns members: [Int]) {
        for k in members {
            columns[k] = columns[k].map { $0 == .empty ? .empty : .number(1) }
            valueLabels[k] = [ValueLabelEntry(value: .number(1), label: labels[k] ?? names[k])]
        }
        let variables = members.map { names[$0] }
        sets.append(MultipleResponseSet(name: name, label: label, kind: .dichotomy(countedValue: "1"), variables: variables))
        notes.append(.optionColumnsAsSet(set: name, columns: variables))
    }

    /// Whether every non-empty cell of column `k` ticks `option`: its text (ignoring case and
    /// spacing) or `1`. `texts` counts the cells that hold the text itself.
    func isOptionColumn(_ k: Int, option: String, texts: inout Int) -> Bool {
        let key = PlatformText.fold(option)
        guard !key.isEmpty else { return false }
        for cell in columns[k] {
            guard let value = Self.text(cell) else { continue }
            if value == "1" { continue }
            guard PlatformText.fold(value) == key else { return false }
            texts += 1
        }
        return true
    }

    /// The finished table; column names must be unique (ignoring case).
    func table() throws(TableFileError) -> DataTable {
        var seen: Set<String> = []
        var result: [DataColumn] = []
        for k in names.indices {
            let name = names[k]
            if name.isEmpty && columns[k].allSatisfy({ $0 == .empty }) { continue }
            if !name.isEmpty && !seen.insert(name.lowercased()).inserted { throw .duplicateColumn(file: file, name: name) }
            result.append(DataColumn(name: name, label: labels[k], storage: .mixed, valueLabels: valueLabels[k], cells: columns[k]))
        }
        return DataTable(
            file: file, format: format, sheet: sheet, columns: result, rowCount: rowCount, encoding: encoding,
            multipleResponseSets: sets, rowNumbers: rowNumbers)
    }
}
