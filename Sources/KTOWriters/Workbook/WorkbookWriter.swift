import KTOAnalysis

/// Writes a `Workbook` as an Office Open XML spreadsheet (`.xlsx`, ECMA-376 SpreadsheetML) in a
/// zip of stored entries. No dates or random ids are written, so the same workbook always gives
/// the same bytes.
///
/// Parts: `[Content_Types].xml`, `_rels/.rels`, `docProps/core.xml` and `app.xml`,
/// `xl/workbook.xml` (sheets, print titles), `xl/_rels/workbook.xml.rels`, `xl/styles.xml` (a
/// fixed table, see `Stylesheet`), `xl/sharedStrings.xml` (every text once) and
/// `xl/worksheets/sheetN.xml`.
public enum WorkbookWriter {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    /// The `.xlsx` file of `workbook`.
    /// - Parameter workbook: the sheets and properties to write.
    /// - Returns: the bytes of the file, the same for the same workbook.
    /// - Throws: `WorkbookError` when the workbook breaks a rule of the format (no sheets, a bad or
    ///   duplicate sheet name, too many rows or columns, a non-finite number, a link to a missing
    ///   sheet, a bad width, frozen pane, print-title range or merge); nothing is written then.
    public static func bytes(_ workbook: Workbook) throws(WorkbookError) -> [UInt8] {
        try validate(workbook)
        let names = Set(workbook.sheets.map(\.name))
        // Sheets on all cores, each with its own string table; the workbook's table then takes
        // the sheets' texts in sheet order, which is the order of first use as in one pass.
        let sheets = workbook.sheets
        let made = parallelMap(sheets.count) { index in
            Result { () throws(WorkbookError) in try worksheetXML(sheets[index], isFirst: index == 0, sheetNames: names) }
        }
        var strings = SharedStrings()
        var sheetParts: [[UInt8]] = []
        for result in made {
            let sheet = try result.get()
            sheetParts.append(sheet.bytes(indices: strings.merge(sheet.strings)))
        }
        var parts: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes(sheetCount: workbook.sheets.count).utf8)),
            ("_rels/.rels", Array(rootRelationships.utf8)),
            ("docProps/core.xml", Array(coreProperties(workbook).utf8)),
            ("docProps/app.xml", Array(appProperties.utf8)),
            ("xl/workbook.xml", Array(workbookXML(workbook).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheetCount: workbook.sheets.count).utf8)),
            ("xl/styles.xml", Array(Stylesheet.xml.utf8)),
            ("xl/sharedStrings.xml", Array(strings.xml.utf8)),
        ]
        for (index, xml) in sheetParts.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", xml)) }
        do {
            return try ZipWriter.archive(parts)
        } catch {
            throw .archive(error)
        }
    }

    static func contentTypes(sheetCount: Int) -> String {
        var xml = declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(contentTypePrefix)sheet.main+xml\"/>"
        for n in 1...max(sheetCount, 1) {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(n).xml\" ContentType=\"\(contentTypePrefix)worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(contentTypePrefix)styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(contentTypePrefix)sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        return xml + "</Types>"
    }

    static let rootRelationships = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(packageRelationships)/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    /// Title and creator only: no dates, which would make every run's file different.
    static func coreProperties(_ workbook: Workbook) -> String {
        var xml = declaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        if let title = workbook.title { xml += "<dc:title>\(XMLText.content(title))</dc:title>" }
        if let creator = workbook.creator { xml += "<dc:creator>\(XMLText.content(creator))</dc:creator>" }
        return xml + "</cp:coreProperties>"
    }

    static let appProperties = declaration + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
        + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>kto</Application></Properties>"

    /// The sheets in tab order and their print titles (`_xlnm.Print_Titles`, local to the sheet).
    static func workbookXML(_ workbook: Workbook) -> String {
        var xml = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (index, sheet) in workbook.sheets.enumerated() {
            xml += "<sheet name=\"\(XMLText.attribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        let titled = workbook.sheets.enumerated().compactMap { index, sheet in sheet.repeatRows.map { (index, sheet.name, $0) } }
        if !titled.isEmpty {
            xml += "<definedNames>"
            for (index, name, rows) in titled {
                let reference = quotedSheet(name) + "!$\(rows.lowerBound + 1):$\(rows.upperBound + 1)"
                xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(XMLText.content(reference))</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    /// rId1…rIdN the sheets, then styles and shared strings.
    static func workbookRelationships(sheetCount: Int) -> String {
        var xml = declaration + "<Relationships xmlns=\"\(packageRelationships)\">"
        for n in 1...max(sheetCount, 1) {
            xml += "<Relationship Id=\"rId\(n)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(n).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    /// A sheet name as formulas and link locations write it: in apostrophes, with an apostrophe
    /// inside doubled (`'Jan''s blad'`). Not yet XML-escaped.
    static func quotedSheet(_ name: String) -> String {
        var quoted = "'"
        for c in name { quoted += c == "'" ? "''" : String(c) }
        return quoted + "'"
    }
}
