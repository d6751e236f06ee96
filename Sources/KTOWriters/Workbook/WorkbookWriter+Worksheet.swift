extension WorkbookWriter {
    /// `xl/worksheets/sheetN.xml`, in the element order of CT_Worksheet (ECMA-376 Part 1, 18.3.1.99).
    /// - Throws: `WorkbookError.nonFiniteNumber` or `.unknownLinkTarget` for a bad cell.
    /// The sheet's XML with its own string table: the pieces between string cells, and per gap
    /// the index of its text in `strings` (the sheet's first uses, in order). Sheets are made on
    /// all cores this way; `SheetXML.bytes` then puts in the workbook's indices.
    static func worksheetXML(_ sheet: Worksheet, isFirst: Bool, sheetNames: Set<String>) throws(WorkbookError) -> SheetXML {
        var xml = SheetXML()
        try worksheetXML(sheet, isFirst: isFirst, sheetNames: sheetNames, into: &xml)
        return xml
    }

    private static func worksheetXML(
        _ sheet: Worksheet, isFirst: Bool, sheetNames: Set<String>, into xml: inout SheetXML
    ) throws(WorkbookError) {
        xml += declaration + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        if sheet.fitToWidth { xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        let columnCount = sheet.columnCount
        let dimension = sheet.rows.isEmpty || columnCount == 0
            ? "A1" : "A1:" + CellReference.name(row: sheet.rows.count - 1, column: columnCount - 1)
        xml += "<dimension ref=\"\(dimension)\"/>"
        xml += sheetView(sheet, isFirst: isFirst)
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        let widths = ColumnWidths.widths(sheet)
        if !widths.isEmpty {
            xml += "<cols>"
            for (c, width) in widths.enumerated() {
                xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(XMLText.number(width))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        var spanning: [Int: Set<Int>] = [:]
        var spans: [Int: [Int: Double]] = [:]
        for range in sheet.merges where range.lastColumn > range.firstColumn {
            spanning[range.firstRow, default: []].insert(range.firstColumn)
            // A merge within one row wraps its text over the merged width.
            if range.firstRow == range.lastRow, range.lastColumn < widths.count {
                spans[range.firstRow, default: [:]][range.firstColumn] = widths[range.firstColumn...range.lastColumn].reduce(0, +)
            }
        }
        var links: [(reference: String, target: String, text: String)] = []
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            // Rows without cells are left out; the row numbers (r) keep every cell in place.
            guard row.contains(where: { if case .empty = $0 { return false } else { return true } }) else { continue }
            xml.append("<row r=\"")
            xml.append(r + 1)
            if let height = RowHeights.height(row, widths: widths, merged: spanning[r] ?? [], spans: spans[r] ?? [:]) {
                xml.append("\" ht=\"")
                xml.appendNumber(height)
            }
            xml.append("\">")
            // Each cell written as bytes (no String per cell: a study's workbook has tens of
            // thousands of cells).
            for (c, cell) in row.enumerated() {
                switch cell {
                case .empty:
                    continue
                case .text(let text, let style):
                    stringCell(row: r, column: c, text, style: style, into: &xml)
                case .link(let text, let target):
                    guard sheetNames.contains(target) else {
                        throw .unknownLinkTarget(sheet: sheet.name, row: r, column: c, target: target)
                    }
                    stringCell(row: r, column: c, text, style: .link, into: &xml)
                    links.append((CellReference.name(row: r, column: c), target, text))
                case .number(let value, let format, let style):
                    guard value.isFinite else { throw .nonFiniteNumber(sheet: sheet.name, row: r, column: c) }
                    xml.append("<c r=\"")
                    xml.appendReference(row: r, column: c)
                    xml.append("\" s=\"")
                    xml.append(Stylesheet.index(style, format))
                    xml.append("\"><v>")
                    xml.appendNumber(value)
                    xml.append("</v></c>")
                }
            }
            xml.append("</row>")
        }
        xml += "</sheetData>"
        if !sheet.merges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.merges.count)\">"
            for range in sheet.merges { xml += "<mergeCell ref=\"\(range.reference)\"/>" }
            xml += "</mergeCells>"
        }
        if !links.isEmpty {
            xml += "<hyperlinks>"
            for link in links {
                let location = XMLText.attribute(quotedSheet(link.target) + "!A1")
                xml += "<hyperlink ref=\"\(link.reference)\" location=\"\(location)\" display=\"\(XMLText.attribute(CellText.prepared(link.text)))\"/>"
            }
            xml += "</hyperlinks>"
        }
        if sheet.printGridLines { xml += "<printOptions gridLines=\"1\"/>" }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\""
        xml += sheet.fitToWidth ? " fitToWidth=\"1\" fitToHeight=\"0\"/>" : "/>"
        // Footer: the sheet's name at the left, "Pagina 3 van 7" at the right.
        xml += "<headerFooter><oddFooter>&amp;L&amp;A&amp;RPagina &amp;P van &amp;N</oddFooter></headerFooter>"
        xml += "</worksheet>"
    }

    /// A shared-string cell, or only the style for empty text.
    static func stringCell(row: Int, column: Int, _ text: String, style: CellStyle, into xml: inout SheetXML) {
        let prepared = CellText.prepared(text)
        xml.append("<c r=\"")
        xml.appendReference(row: row, column: column)
        xml.append("\" s=\"")
        xml.append(Stylesheet.index(style, .general))
        if prepared.isEmpty { return xml.append("\"/>") }
        xml.append("\" t=\"s\"><v>")
        xml.appendString(prepared)
        xml.append("</v></c>")
    }

    /// The sheet view, with the frozen pane when rows or columns are frozen. The first sheet is
    /// the selected tab.
    static func sheetView(_ sheet: Worksheet, isFirst: Bool) -> String {
        var xml = "<sheetViews><sheetView workbookViewId=\"0\"\(isFirst ? " tabSelected=\"1\"" : "")>"
        let rows = sheet.frozenRows, columns = sheet.frozenColumns
        if rows > 0 || columns > 0 {
            let pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
            let topLeft = CellReference.name(row: rows, column: columns)
            xml += "<pane"
            if columns > 0 { xml += " xSplit=\"\(columns)\"" }
            if rows > 0 { xml += " ySplit=\"\(rows)\"" }
            xml += " topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>"
            xml += "<selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        return xml + "</sheetView></sheetViews>"
    }
}
