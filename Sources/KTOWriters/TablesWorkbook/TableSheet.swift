/// One sheet of the tables book as a table: a title, a note under it, the header rows and the
/// data rows. Every table sheet looks the same: the rows down to the header stay in view when
/// scrolling, the header rows are printed on every page, A4 landscape, one page wide.
///
/// Columns that belong together (a figure, its note and n) share a group: its heading is merged
/// over them in a row above the column headings.
struct TableSheet {
    /// How wide a column may become when it is fitted to its content, in Excel's units.
    struct Column {
        var header: String
        var minimum: Double
        var maximum: Double
        /// Numbers: the header is right-aligned above them.
        var numeric: Bool
        /// The heading over this and the neighbouring columns of the same group, if any.
        var group: String?

        /// A text column: wraps at `maximum`.
        static func text(_ header: String, minimum: Double = 8, maximum: Double, group: String? = nil) -> Column {
            Column(header: header, minimum: minimum, maximum: maximum, numeric: false, group: group)
        }

        /// A column of numbers.
        static func number(_ header: String, minimum: Double = 5, group: String? = nil) -> Column {
            Column(header: header, minimum: minimum, maximum: 16, numeric: true, group: group)
        }
    }

    var title: String
    var note: String
    var columns: [Column]
    var rows: [[WorkbookCell]] = []

    /// The row of the column headings (from 0): under the title, the note and, when columns are
    /// grouped, the group headings.
    var headerRow: Int { columns.contains { $0.group != nil } ? 3 : 2 }

    /// The runs of neighbouring columns with the same group.
    var groups: [(name: String, columns: ClosedRange<Int>)] {
        var runs: [(name: String, columns: ClosedRange<Int>)] = []
        for (c, column) in columns.enumerated() {
            guard let group = column.group else { continue }
            if let last = runs.last, last.name == group, last.columns.upperBound == c - 1 {
                runs[runs.count - 1].columns = last.columns.lowerBound...c
            } else {
                runs.append((group, c...c))
            }
        }
        return runs
    }

    /// The sheet: widths fitted to content within each column's bounds (a header may wrap onto
    /// two lines, a long text onto more, never inside a word).
    func worksheet(name: String) -> Worksheet {
        var all: [[WorkbookCell]] = [[.text(title, style: .title)], [.text(note, style: .noteWrapped)]]
        // The note wraps within the table's width, so that it prints within the page.
        var merges: [CellRange] = columns.count > 1 ? [CellRange(rows: 1...1, columns: 0...(columns.count - 1))] : []
        if headerRow == 3 {
            // Every cell of the row is styled, so that the header fill runs on under the merges.
            var row = columns.map { _ in WorkbookCell.text("", style: .header) }
            for group in groups {
                row[group.columns.lowerBound] = .text(group.name, style: .headerCentered)
                for c in group.columns.dropFirst() { row[c] = .text("", style: .headerCentered) }
                if group.columns.count > 1 { merges.append(CellRange(rows: 2...2, columns: group.columns)) }
            }
            all.append(row)
        }
        all.append(columns.map { .text($0.header, style: $0.numeric ? .headerRight : .header) })
        all += rows
        let widths = columns.indices.map { c -> Double in
            var length = 0.0
            var word = 0.0
            for row in all.dropFirst(headerRow) where c < row.count {
                length = max(length, ColumnWidths.shownLength(row[c]))
                word = max(word, Self.longestWord(row[c]))
            }
            let column = columns[c]
            // Wrapped text may break between words, not inside one ("Informatievoorziening").
            let minimum = max(column.minimum, min(word + 1.5, column.maximum + 10))
            let fitted = min(max(length + 1.5, minimum), max(column.maximum, minimum))
            return (fitted * 4).rounded(.up) / 4
        }
        return Worksheet(
            name: name, rows: all, columnWidths: widths, frozenRows: headerRow + 1, landscape: true, fitToWidth: true,
            repeatRows: 2...headerRow, merges: merges)
    }

    /// The longest word of a text cell, bold a little wider; 0 for other cells.
    static func longestWord(_ cell: WorkbookCell) -> Double {
        guard case .text(let text, let style) = cell, style != .title, style != .note, style != .noteWrapped else { return 0 }
        let longest = Double(CharacterCount.longestWord(text))
        return style == .bold || style == .header || style == .headerRight ? longest * ColumnWidths.boldFactor : longest
    }
}
