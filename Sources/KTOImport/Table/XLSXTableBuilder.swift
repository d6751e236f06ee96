import Foundation

/// Assembles a `DataTable` from sheet cells row by row: the first non-empty row gives the column
/// names, later non-empty rows the data; empty rows are skipped. Columns keep their sheet
/// position (column k is letter k), so a column with neither name nor data stays, unnamed.
struct XLSXTableBuilder {
    let file: String
    let sheet: String
    let maxCells: Int

    private var headerRow: Int?
    private var names: [String] = []
    private var columns: [[TableCell]] = []
    /// Per column: number cells, and how many of them have a date style.
    private var numberCounts: [Int] = []
    private var dateCounts: [Int] = []
    private var rowNumbers: [Int] = []

    private var row: [TableCell] = []
    private var rowDates: [Bool] = []
    private var touched: [Int] = []

    init(file: String, sheet: String, maxCells: Int) {
        self.file = file
        self.sheet = sheet
        self.maxCells = maxCells
    }

    /// Sets a cell of the current row. Empty cells need not be set.
    mutating func set(column: Int, rowNumber: Int, value: TableCell, isDate: Bool) throws(XLSXError) {
        if value == .empty { return }
        if let headerRow {
            guard column < names.count, !names[column].isEmpty else {
                throw .emptyHeader(file: file, sheet: sheet, cell: Self.cell(column, headerRow))
            }
        } else if column >= row.count {
            row.append(contentsOf: repeatElement(.empty, count: column + 1 - row.count))
            rowDates.append(contentsOf: repeatElement(false, count: column + 1 - rowDates.count))
        }
        row[column] = value
        rowDates[column] = isDate
        touched.append(column)
    }

    /// Ends the current row (sheet row `number`).
    mutating func endRow(number: Int) throws(XLSXError) {
        guard !touched.isEmpty else { return }
        defer {
            for column in touched {
                row[column] = .empty
                rowDates[column] = false
            }
            touched.removeAll(keepingCapacity: true)
        }
        guard headerRow != nil else {
            try takeHeader(number: number)
            return
        }
        let width = names.count
        guard (rowNumbers.count + 1) * width <= maxCells else {
            throw .tooLarge(
                file: file, sheet: sheet, detail: "meer dan \(maxCells) cellen (\(rowNumbers.count + 1) rijen × \(width) kolommen)")
        }
        for k in 0..<width {
            let value = row[k]
            columns[k].append(value)
            if case .number = value {
                numberCounts[k] += 1
                if rowDates[k] { dateCounts[k] += 1 }
            }
        }
        rowNumbers.append(number)
    }

    /// Whether the header row has been taken.
    var hasHeader: Bool { headerRow != nil }

    /// Appends the rows another builder made after the same header (the second half of a sheet
    /// read in halves). False, changing nothing, when the headers differ or the rows together
    /// would pass `maxCells` (a one-pass read then says where).
    mutating func appendRows(of other: XLSXTableBuilder) -> Bool {
        guard headerRow != nil, other.headerRow == headerRow, other.names == names,
              (rowNumbers.count + other.rowNumbers.count) * names.count <= maxCells
        else { return false }
        for k in names.indices {
            columns[k] += other.columns[k]
            numberCounts[k] += other.numberCounts[k]
            dateCounts[k] += other.dateCounts[k]
        }
        rowNumbers += other.rowNumbers
        return true
    }

    private mutating func takeHeader(number: Int) throws(XLSXError) {
        headerRow = number
        names = row.map(Self.name)
        var seen: [String: Int] = [:]
        for (k, name) in names.enumerated() where !name.isEmpty {
            let key = name.lowercased()
            if let first = seen[key] {
                throw .duplicateHeader(
                    file: file, sheet: sheet, name: name, cell: Self.cell(k, number), firstCell: Self.cell(first, number))
            }
            seen[key] = k
        }
        columns = Array(repeating: [], count: names.count)
        numberCounts = Array(repeating: 0, count: names.count)
        dateCounts = numberCounts
    }

    /// The finished table; `emptySheet` when no row had data.
    func table() throws(XLSXError) -> DataTable {
        guard headerRow != nil else { throw .emptySheet(file: file, sheet: sheet) }
        let built = names.indices.map { k in
            DataColumn(
                name: names[k], storage: .mixed,
                dateEpoch: numberCounts[k] > 0 && dateCounts[k] == numberCounts[k] ? .excelDays : nil,
                cells: columns[k])
        }
        return DataTable(
            file: file, format: .xlsx, sheet: sheet, columns: built, rowCount: rowNumbers.count, rowNumbers: rowNumbers)
    }

    /// A header cell as a column name, trimmed.
    static func name(_ cell: TableCell) -> String {
        switch cell {
        case .empty: return ""
        case .text(let text): return text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .boolean(let value): return value ? "TRUE" : "FALSE"
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return String(value)
        }
    }

    static func cell(_ column: Int, _ row: Int) -> String { TablePlace.columnLetters(column) + String(row) }
}
