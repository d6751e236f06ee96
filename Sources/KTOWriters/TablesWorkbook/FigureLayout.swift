import KTOReport

/// The figure columns of a sheet whose tables may differ in their columns (a coded question asked
/// in one meting only has no column for the others): the union of the tables' column names, each
/// new name placed after the name it follows in its own table. Every table's figures are then
/// written under the heading they belong to; a table without a column gets `n.g.` there.
struct FigureLayout {
    private(set) var names: [String] = []

    init(_ tables: [[String]]) {
        for table in tables {
            var after: Int?
            for name in table {
                if let k = names.firstIndex(of: name) {
                    after = k
                    continue
                }
                let position = after.map { $0 + 1 } ?? 0
                // A name first seen before every known one goes first only in its own table's order.
                names.insert(name, at: min(position, names.count))
                after = min(position, names.count - 1)
            }
        }
    }

    /// The sheet's headings: per figure its name, n and note.
    var columns: [TableSheet.Column] { names.flatMap(FigureCells.columns) }

    /// The cells of one row: `cells[k]` is under `headings[k]`; a heading the row lacks is `n.g.`.
    func cells(_ cells: [Cell], headings: [String], kind: ValueKind) -> [WorkbookCell] {
        names.flatMap { name -> [WorkbookCell] in
            guard let k = headings.firstIndex(of: name), k < cells.count else { return FigureCells.cells(Cell(state: .notAsked, n: nil), kind: kind) }
            return FigureCells.cells(cells[k], kind: kind)
        }
    }
}
