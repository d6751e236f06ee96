import KTOReport

/// How a figure of the report model becomes cells: three columns side by side, the figure as a
/// number (grades with one decimal, percentages 0-100 shown whole with a % sign, as results.csv
/// holds them), a note column right after it with the marks (`*`, ▲/▼, +/−; so that `7.5` `▲`
/// reads as the report's 7,5▲) or, where there is no figure, why (`–`, `n.g.`, `n.b.`), and n as a
/// whole number. A figure that is not shown leaves its cell empty, never 0.
enum FigureCells {
    /// The note column's heading; the contents sheet explains it.
    static let noteHeader = "opm."
    static let nHeader = "n"

    /// The value column's heading under the figure's name.
    static let valueHeader = "waarde"

    /// The three columns of one figure under its name: the value, the note and n.
    static func columns(_ name: String) -> [TableSheet.Column] {
        // Every heading right-aligned, so that "waarde", "opm." and "n" stand apart.
        [.number(valueHeader, minimum: 6.5, group: name), TableSheet.Column(header: noteHeader, minimum: 5, maximum: 10, numeric: true, group: name),
         .number(nHeader, minimum: 5, group: name)]
    }

    static func format(_ kind: ValueKind) -> NumberFormat { kind == .grade ? .oneDecimal : .percentWhole }

    /// A count as a number cell.
    static func count(_ n: Int?) -> WorkbookCell { n.map { .number(Double($0), format: .whole) } ?? .empty }

    /// The three cells of `cell`.
    static func cells(_ cell: Cell, kind: ValueKind) -> [WorkbookCell] {
        switch cell.state {
        case .value(let v):
            let marks = CellFormatter.suffix(cell)
            return [.number(v, format: format(kind)), marks.isEmpty ? .empty : .text(marks), count(cell.n)]
        case .noObservations, .suppressed:
            // As in the report: the count stays (it is in results.csv too), the figure does not.
            return [.empty, .text("–"), count(cell.n)]
        case .notAsked: return [.empty, .text("n.g."), .empty]
        case .notAvailable: return [.empty, .text("n.b."), .empty]
        case .blank: return [.empty, .empty, .empty]
        }
    }

    /// A percentage computed by the model (`% zonder oordeel`), or empty.
    static func percent(_ value: Double?) -> WorkbookCell {
        value.map { .number($0, format: .percentWhole) } ?? .empty
    }
}
