/// A place in an input file, 1-based, for messages an analyst can act on (`data.csv:12:7`).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (not necessarily an absolute path).
    public var file: String
    /// 1-based physical line number (a record with an embedded newline spans several lines).
    public var line: Int
    /// 1-based character column within that line; `nil` when the whole line is meant.
    public var column: Int?
    /// For data read from a spreadsheet or SPSS file: the cell as that file names it, which is
    /// then what the location says (`export.xlsx:Blad1!C17`).
    public var table: TablePlace?

    public init(file: String, line: Int, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        if let table { return table.description }
        if let column { return "\(file):\(line):\(column)" }
        return "\(file):\(line)"
    }
}
