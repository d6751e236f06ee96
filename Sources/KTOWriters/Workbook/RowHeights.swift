/// Row heights for rows with wrapped text. Excel fits such rows itself when a row's height is not
/// marked custom, but LibreOffice takes the stored height as it is, so the writer stores an
/// estimate (without `customHeight`): the lines a greedy word wrap needs in the column's width,
/// times the line height of the cell's font.
enum RowHeights {
    /// Excel's largest row height, in points.
    static let maximum = 409.0

    /// The height of one line in points for the style's font (Calibri 11 pt: 15, as Excel's
    /// default row height).
    static func lineHeight(_ style: CellStyle) -> Double {
        switch style {
        case .title: return 18.75
        case .note, .noteWrapped: return 12.75
        case .normal, .wrapped, .bold, .header, .headerRight, .headerCentered, .link: return 15
        }
    }

    /// The estimated height of `row` in points, or nil when one line is enough (the default).
    /// - Parameters:
    ///   - row: the row's cells.
    ///   - widths: the column widths as written.
    ///   - merged: top-left cells (by column) of merges in this row that span columns; their
    ///     text runs over several columns, so they are not estimated, unless `spans` gives the
    ///     merge's width.
    ///   - spans: for merges within this one row (a heading over a group of columns), the top-left
    ///     column's merged width; its text wraps within that width.
    static func height(_ row: [WorkbookCell], widths: [Double], merged: Set<Int>, spans: [Int: Double] = [:]) -> Double? {
        var lines = 1
        var height = 15.0
        for (c, cell) in row.enumerated() where !merged.contains(c) || spans[c] != nil {
            guard case .text(let text, let style) = cell else { continue }
            height = max(height, lineHeight(style))
            guard style == .wrapped || style == .noteWrapped || style == .header || style == .headerRight || style == .headerCentered, c < widths.count else { continue }
            // Bold runs wider; the 10 pt note narrower than the 11 pt text.
            let factor = style == .wrapped ? 1.0 : style == .noteWrapped ? 0.9 : ColumnWidths.boldFactor
            let capacity = max(1, Int(((spans[c] ?? widths[c]) - 1) / factor))
            let needed = wrappedLines(CellText.prepared(text), capacity: capacity)
            lines = max(lines, needed)
            height = max(height, Double(needed) * lineHeight(style))
        }
        return lines > 1 ? min(height, maximum) : nil
    }

    /// The lines `text` (as `CellText` stores it) takes when wrapped at `capacity` characters: words go on a line while
    /// they fit, a word longer than a line is broken; each LF starts a new line.
    static func wrappedLines(_ text: String, capacity: Int) -> Int {
        var lines = 0
        var used = 0
        var paragraphLines = 1
        var full = false
        CharacterCount.words(text) { word in
            // No need to count past what Excel can show.
            guard !full else { return }
            guard let length = word else {
                lines += paragraphLines
                full = lines * 15 > Int(maximum)
                used = 0
                paragraphLines = 1
                return
            }
            if used > 0 && used + 1 + length <= capacity {
                used += 1 + length
                return
            }
            if used > 0 { paragraphLines += 1 }
            // A word longer than a line fills whole lines and leaves the rest on the last.
            paragraphLines += (max(length, 1) - 1) / capacity
            used = length - (max(length, 1) - 1) / capacity * capacity
        }
        return max(lines, 1)
    }
}
