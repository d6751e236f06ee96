extension WorkbookWriter {
    /// Checks everything about `workbook` that does not need a pass over the cells; cells are
    /// checked while they are written.
    static func validate(_ workbook: Workbook) throws(WorkbookError) {
        guard !workbook.sheets.isEmpty else { throw .noSheets }
        var seen: Set<String> = []
        for sheet in workbook.sheets {
            if let problem = Worksheet.nameProblem(sheet.name) { throw .invalidSheetName(sheet.name, problem: problem) }
            guard seen.insert(sheet.name.lowercased()).inserted else { throw .duplicateSheetName(sheet.name) }
            try validate(sheet)
        }
    }

    static func validate(_ sheet: Worksheet) throws(WorkbookError) {
        let name = sheet.name
        guard sheet.rows.count <= CellReference.maxRows else { throw .tooManyRows(sheet: name, count: sheet.rows.count) }
        for (r, row) in sheet.rows.enumerated() where row.count > CellReference.maxColumns {
            throw .tooManyColumns(sheet: name, row: r, count: row.count)
        }
        guard (0..<CellReference.maxRows).contains(sheet.frozenRows), (0..<CellReference.maxColumns).contains(sheet.frozenColumns) else {
            throw .invalidFrozenPane(sheet: name, rows: sheet.frozenRows, columns: sheet.frozenColumns)
        }
        if let widths = sheet.columnWidths {
            if widths.count > CellReference.maxColumns { throw .tooManyColumns(sheet: name, row: 0, count: widths.count) }
            for (c, width) in widths.enumerated() where !(width.isFinite && (0...255).contains(width)) {
                throw .invalidColumnWidth(sheet: name, column: c, width: width)
            }
        }
        if let rows = sheet.repeatRows, rows.lowerBound < 0 || rows.upperBound >= CellReference.maxRows {
            throw .invalidRepeatRows(sheet: name, rows: rows)
        }
        for range in sheet.merges
        where !range.isInsideSheet || range.lastRow < range.firstRow || range.lastColumn < range.firstColumn {
            throw .invalidMerge(sheet: name, range: range)
        }
        // Sorted by first row, a range can only overlap those that start before it ends.
        let merges = sheet.merges.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
        for (i, range) in merges.enumerated() {
            for other in merges[(i + 1)...] {
                if other.firstRow > range.lastRow { break }
                if range.overlaps(other) { throw .overlappingMerges(sheet: name, first: range, second: other) }
            }
        }
    }
}
