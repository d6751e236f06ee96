/// `xl/styles.xml`: one fixed table of cell formats, every `CellStyle` with every `NumberFormat`,
/// so that a cell's style index follows from the two alone and never depends on what else the
/// workbook holds.
enum Stylesheet {
    /// The `cellXfs` index of a style and number format. Index 0 is `normal` with `general`,
    /// the format Excel gives cells without a style.
    static func index(_ style: CellStyle, _ format: NumberFormat) -> Int {
        style.rawValue * NumberFormat.allCases.count + format.rawValue
    }

    /// Font ids: 0 normal, 1 bold, 2 title, 3 note, 4 link.
    static func font(_ style: CellStyle) -> Int {
        switch style {
        case .normal, .wrapped: return 0
        case .bold, .header, .headerRight, .headerCentered: return 1
        case .title: return 2
        case .note, .noteWrapped: return 3
        case .link: return 4
        }
    }

    static let fonts = [
        "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
        "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
        "<font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
        "<font><i/><sz val=\"10\"/><color rgb=\"FF595959\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
        "<font><u/><sz val=\"11\"/><color rgb=\"FF0563C1\"/><name val=\"Calibri\"/><family val=\"2\"/></font>",
    ]

    /// Fills 0 and 1 are the two that Excel expects first (none, gray125); 2 is the header fill.
    static let fills = [
        "<fill><patternFill patternType=\"none\"/></fill>",
        "<fill><patternFill patternType=\"gray125\"/></fill>",
        "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill>",
    ]

    static let borders = [
        "<border><left/><right/><top/><bottom/><diagonal/></border>",
        "<border><left/><right/><top/><bottom style=\"thin\"><color rgb=\"FF000000\"/></bottom><diagonal/></border>",
    ]

    /// One `<xf>` of `cellXfs`.
    static func xf(_ style: CellStyle, _ format: NumberFormat) -> String {
        let isHeader = style == .header || style == .headerRight || style == .headerCentered
        let alignment: String
        switch style {
        case .header: alignment = "<alignment vertical=\"bottom\" wrapText=\"1\"/>"
        case .headerRight: alignment = "<alignment horizontal=\"right\" vertical=\"bottom\" wrapText=\"1\"/>"
        case .headerCentered: alignment = "<alignment horizontal=\"center\" vertical=\"bottom\" wrapText=\"1\"/>"
        case .wrapped, .noteWrapped: alignment = "<alignment vertical=\"top\" wrapText=\"1\"/>"
        case .title: alignment = "<alignment vertical=\"bottom\"/>"
        case .normal, .bold, .note, .link: alignment = "<alignment vertical=\"top\"/>"
        }
        return "<xf numFmtId=\"\(format.id)\" fontId=\"\(font(style))\" fillId=\"\(isHeader ? 2 : 0)\" borderId=\"\(isHeader ? 1 : 0)\" xfId=\"0\""
            + " applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\" applyAlignment=\"1\">"
            + alignment + "</xf>"
    }

    /// The whole part.
    static var xml: String {
        var xml = WorkbookWriter.declaration + "<styleSheet xmlns=\"\(WorkbookWriter.mainNamespace)\">"
        let custom = NumberFormat.allCases.filter(\.isCustom)
        xml += "<numFmts count=\"\(custom.count)\">"
        for format in custom { xml += "<numFmt numFmtId=\"\(format.id)\" formatCode=\"\(XMLText.attribute(format.code))\"/>" }
        xml += "</numFmts>"
        xml += "<fonts count=\"\(fonts.count)\">" + fonts.joined() + "</fonts>"
        xml += "<fills count=\"\(fills.count)\">" + fills.joined() + "</fills>"
        xml += "<borders count=\"\(borders.count)\">" + borders.joined() + "</borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        let count = CellStyle.allCases.count * NumberFormat.allCases.count
        xml += "<cellXfs count=\"\(count)\">"
        for style in CellStyle.allCases {
            for format in NumberFormat.allCases { xml += xf(style, format) }
        }
        xml += "</cellXfs>"
        xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        xml += "<dxfs count=\"0\"/><tableStyles count=\"0\"/>"
        xml += "</styleSheet>"
        return xml
    }
}
