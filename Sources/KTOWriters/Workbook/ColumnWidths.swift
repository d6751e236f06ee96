/// Column widths fitted to content. Excel cannot fit columns when it opens a file, so the writer
/// estimates: a width in Excel's units (about one digit of the default font) from the number of
/// characters a cell shows, bold a little wider, within 8-60.
enum ColumnWidths {
    static let minimum = 8.0
    static let maximum = 60.0
    /// How much wider bold text runs than regular text.
    static let boldFactor = 1.1

    /// The widths of `sheet`'s columns: the fixed ones where given, fitted ones elsewhere.
    /// A cell's place (a set of these costs no array per cell).
    private struct Place: Hashable {
        var row: Int
        var column: Int
    }

    static func widths(_ sheet: Worksheet) -> [Double] {
        let count = max(sheet.columnCount, sheet.columnWidths?.count ?? 0)
        var characters = [Double](repeating: 0, count: count)
        // A text merged across columns spans them; it says nothing about one column's width.
        let spanning = Set(sheet.merges.filter { $0.lastColumn > $0.firstColumn }.map { Place(row: $0.firstRow, column: $0.firstColumn) })
        for (r, row) in sheet.rows.enumerated() {
            for (c, cell) in row.enumerated() where spanning.isEmpty || !spanning.contains(Place(row: r, column: c)) {
                characters[c] = max(characters[c], shownLength(cell))
            }
        }
        return (0..<count).map { c in
            if let fixed = sheet.columnWidths, c < fixed.count { return fixed[c] }
            let fitted = min(max(characters[c] + 2, minimum), maximum)
            return (fitted * 4).rounded(.up) / 4
        }
    }

    /// About how many characters wide `cell` shows, weighted for bold; 0 for cells that do not
    /// count (empty, titles, notes).
    static func shownLength(_ cell: WorkbookCell) -> Double {
        switch cell {
        case .empty: return 0
        case .text(let raw, let style):
            // As stored: without dropped characters, line breaks made LF, cut at the limit.
            let text = CellText.prepared(raw)
            switch style {
            case .title, .note, .noteWrapped: return 0
            case .header, .headerRight, .headerCentered:
                // Headers wrap: the longest word, or half the text so that it takes two lines.
                let length = max(Double(CharacterCount.longestWord(text)), (Double(CharacterCount.of(text[...])) / 2).rounded(.up))
                return length * boldFactor
            case .bold: return Double(CharacterCount.longestLine(text)) * boldFactor
            case .normal, .wrapped, .link: return Double(CharacterCount.longestLine(text))
            }
        case .link(let text, _): return Double(CharacterCount.longestLine(CellText.prepared(text)))
        case .number(let value, let format, let style):
            let length = Double(numberLength(value, format))
            return style == .bold || style == .header || style == .headerRight || style == .headerCentered ? length * boldFactor : style == .title || style == .note || style == .noteWrapped ? 0 : length
        }
    }

    /// The characters `value` shows in `format` (non-finite values are refused before this).
    static func numberLength(_ value: Double, _ format: NumberFormat) -> Int {
        guard value.isFinite else { return 0 }
        let sign = value < 0 ? 1 : 0
        let digits = integerDigits(value.magnitude)
        switch format {
        case .general: return min(XMLText.number(value).count, 11)
        case .whole: return sign + digits
        case .oneDecimal: return sign + digits + 2
        case .twoDecimals: return sign + digits + 3
        case .thousands: return sign + digits + (digits - 1) / 3
        case .percentWhole: return sign + digits + 1
        case .percentOneDecimal: return sign + digits + 3
        }
    }

    /// Digits before the decimal point of a non-negative value (at least 1).
    static func integerDigits(_ magnitude: Double) -> Int {
        var digits = 1
        var x = magnitude.rounded()
        while x >= 10 && digits < 400 {
            x /= 10
            digits += 1
        }
        return digits
    }
}
