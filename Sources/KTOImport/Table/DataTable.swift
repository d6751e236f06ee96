/// A rectangular table read from a binary or spreadsheet file (.sav, .zsav, .xlsx) or, through
/// `TableFile`, from a CSV export: the common shape every reader produces, so the loader, the
/// ledger and `kto init` do not care where the data came from.
///
/// Cells keep what the file holds: numbers as numbers (SPSS codes exactly, system-missing as
/// `.empty`), text as text. Metadata the file carries (variable labels, value labels, user-missing
/// values, multiple-response sets) travels with the columns.
public struct DataTable: Sendable, Equatable {
    public enum Format: String, Sendable, Equatable {
        case sav, zsav, xlsx
        /// Delimited text read by `TableFile`: cells are `.text` as written (or `.empty`), rows
        /// are numbered by the physical line on which they start.
        case csv
    }

    /// The file as the user named it (for messages).
    public var file: String
    public var format: Format
    /// The sheet a spreadsheet was read from (`nil` for SPSS files).
    public var sheet: String?
    /// The columns in file order; every column has `rowCount` cells.
    public var columns: [DataColumn]
    public var rowCount: Int
    /// The character encoding text was decoded from, as the file declared it (e.g. "UTF-8",
    /// "windows-1252"); `nil` when the format fixes it (xlsx is always UTF-8).
    public var encoding: String?
    /// SPSS multiple-response sets (`$name=...` records), in file order.
    public var multipleResponseSets: [MultipleResponseSet]
    /// For each data row, its place in the file: the spreadsheet row number (1-based, the header
    /// is usually row 1), the SPSS case number (1-based) or the CSV line on which the row starts. Rows the reader skipped (entirely empty
    /// spreadsheet rows) have no entry, so `rowNumbers.count == rowCount`.
    public var rowNumbers: [Int]

    public init(
        file: String, format: Format, sheet: String? = nil, columns: [DataColumn], rowCount: Int,
        encoding: String? = nil, multipleResponseSets: [MultipleResponseSet] = [], rowNumbers: [Int]? = nil
    ) {
        self.file = file
        self.format = format
        self.sheet = sheet
        self.columns = columns
        self.rowCount = rowCount
        self.encoding = encoding
        self.multipleResponseSets = multipleResponseSets
        self.rowNumbers = rowNumbers ?? (0..<rowCount).map { $0 + 1 }
    }

    /// Where cell (`row`, `column`) is, in the words the format's users know:
    /// `export.xlsx:Blad1!C17`, `export.sav: case 17, variable q_tel` or
    /// `export.csv:17, kolom q_tel`.
    public func place(row: Int, column: Int) -> TablePlace {
        TablePlace(
            file: file, format: format, sheet: sheet,
            row: row < rowNumbers.count ? rowNumbers[row] : row + 1,
            column: column, columnName: column < columns.count ? columns[column].name : "")
    }
}

/// One column (SPSS variable, spreadsheet column) with the metadata the file gives for it.
public struct DataColumn: Sendable, Equatable {
    /// The name as the file gives it (SPSS long variable name; spreadsheet header cell).
    public var name: String
    /// SPSS variable label (the question text); `nil` when absent.
    public var label: String?
    /// Whether the file stores this column as numbers (SPSS numeric) or text (SPSS string).
    /// Spreadsheet columns are `.mixed`: each cell says what it is.
    public var storage: Storage
    /// Value labels (SPSS), in file order.
    public var valueLabels: [ValueLabelEntry]
    /// User-missing values (SPSS), as declared.
    public var missing: MissingValues
    /// Whether the cells are dates (SPSS date formats; spreadsheet date number formats): the
    /// numbers are then days since 1899-12-30 (xlsx serial, corrected for the 1904 system) or
    /// seconds since 1582-10-14 (SPSS), as `dateEpoch` says.
    public var dateEpoch: DateEpoch?
    /// One cell per row; numeric SPSS columns keep 8-byte numbers (see `TableCells`).
    public var cells: TableCells

    public enum Storage: Sendable, Equatable {
        case numeric
        /// SPSS string of this width in bytes.
        case string(width: Int)
        case mixed
    }

    public enum DateEpoch: Sendable, Equatable {
        /// xlsx serial date: days since 1899-12-30 (1900 system; 1904 files already shifted).
        case excelDays
        /// SPSS date: seconds since 1582-10-14 00:00.
        case spssSeconds
    }

    public init(
        name: String, label: String? = nil, storage: Storage, valueLabels: [ValueLabelEntry] = [],
        missing: MissingValues = .none, dateEpoch: DateEpoch? = nil, cells: [TableCell]
    ) {
        self.init(
            name: name, label: label, storage: storage, valueLabels: valueLabels, missing: missing, dateEpoch: dateEpoch,
            cells: TableCells(cells))
    }

    public init(
        name: String, label: String? = nil, storage: Storage, valueLabels: [ValueLabelEntry] = [],
        missing: MissingValues = .none, dateEpoch: DateEpoch? = nil, cells: TableCells
    ) {
        self.name = name
        self.label = label
        self.storage = storage
        self.valueLabels = valueLabels
        self.missing = missing
        self.dateEpoch = dateEpoch
        self.cells = cells
    }
}

/// One cell as the file holds it.
public enum TableCell: Sendable, Equatable {
    /// Nothing: an empty spreadsheet cell, SPSS system-missing, or an all-blank SPSS string.
    case empty
    case number(Double)
    /// Text (trailing blanks of SPSS strings removed).
    case text(String)
    case boolean(Bool)
}

/// A value label: a code (number, or text for SPSS string variables) and its label.
public struct ValueLabelEntry: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case number(Double)
        case text(String)
    }

    public var value: Value
    public var label: String

    public init(value: Value, label: String) {
        self.value = value
        self.label = label
    }
}

/// SPSS user-missing values of one variable.
public enum MissingValues: Sendable, Equatable {
    case none
    /// Up to three discrete values (numbers, or short strings for string variables).
    case discrete([ValueLabelEntry.Value])
    /// A range `low...high`, optionally with one discrete value besides. `-Double.infinity` /
    /// `Double.infinity` stand for LOWEST / HIGHEST.
    case range(low: Double, high: Double, discrete: Double?)

    /// Whether `value` is user-missing.
    public func contains(_ value: Double) -> Bool {
        switch self {
        case .none: return false
        case .discrete(let values): return values.contains(.number(value))
        case .range(let low, let high, let discrete): return (value >= low && value <= high) || value == discrete
        }
    }
}

/// An SPSS multiple-response set.
public struct MultipleResponseSet: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Multiple-dichotomy set: a variable counts when it has `countedValue`.
        case dichotomy(countedValue: String)
        /// Multiple-category set: the variables hold category codes.
        case category
    }

    /// The set's name without the leading `$`.
    public var name: String
    public var label: String
    public var kind: Kind
    /// The member variables' names, in set order.
    public var variables: [String]

    public init(name: String, label: String, kind: Kind, variables: [String]) {
        self.name = name
        self.label = label
        self.kind = kind
        self.variables = variables
    }
}

/// The place of one cell of a `DataTable`, printed the way the format's users name it.
public struct TablePlace: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var format: DataTable.Format
    public var sheet: String?
    /// Spreadsheet row number, SPSS case number or CSV line (1-based).
    public var row: Int
    /// 0-based column index in the table.
    public var column: Int
    public var columnName: String

    public init(file: String, format: DataTable.Format, sheet: String?, row: Int, column: Int, columnName: String) {
        self.file = file
        self.format = format
        self.sheet = sheet
        self.row = row
        self.column = column
        self.columnName = columnName
    }

    /// `A`, `B`, …, `Z`, `AA`, … for 0-based column `index`.
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    public var description: String {
        switch format {
        case .xlsx: return "\(file):\(sheet ?? "Blad1")!\(Self.columnLetters(column))\(row)"
        case .sav, .zsav: return "\(file): case \(row), variabele \(columnName)"
        case .csv: return "\(file):\(row), kolom \(columnName)"
        }
    }
}
