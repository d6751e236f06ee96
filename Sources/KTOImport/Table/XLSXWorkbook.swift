/// What the workbook part says: its sheets in order, the date system, and where the shared
/// strings and styles are.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        /// The sheet's part, nil when its relationship is missing.
        var part: String?
        /// False for chart sheets and dialog sheets, which hold no cells.
        var isWorksheet: Bool
    }

    var sheets: [Sheet]
    /// The 1904 date system (old Mac Excel): serial 0 is 1904-01-01.
    var date1904: Bool
    var sharedStringsPart: String?
    var stylesPart: String?

    init(package: XLSXPackage) throws(XLSXError) {
        // The package relationships name the workbook; xl/workbook.xml is the usual place.
        let root = try package.relationships(of: "")
        let workbookPart = root.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        let bytes = try package.part(workbookPart)
        let related = try package.relationships(of: workbookPart)
        var byID: [String: XLSXPackage.Relationship] = [:]
        for relationship in related { byID[relationship.id] = relationship }

        var entries: [(name: String, id: String?)] = []
        var date1904 = false
        try package.scan(bytes, part: workbookPart) { scanner throws(XMLScanner.Failure) in
            while let event = try scanner.next() {
                guard case .start(let element, _) = event else { continue }
                if scanner.isLocal(element, "sheet") {
                    guard let name = scanner.attribute("name") else {
                        throw XMLScanner.Failure(offset: element.start, detail: "werkblad zonder naam")
                    }
                    entries.append((try scanner.text(name), try scanner.attribute("id").map { r throws(XMLScanner.Failure) in try scanner.text(r) }))
                } else if scanner.isLocal(element, "workbookPr"), let flag = scanner.attribute("date1904") {
                    date1904 = scanner.equals(flag, "1") || scanner.equals(flag, "true")
                }
            }
        }
        sheets = entries.map { entry in
            let relationship = entry.id.flatMap { byID[$0] }
            return Sheet(
                name: entry.name, part: relationship?.target,
                isWorksheet: relationship.map { $0.type.hasSuffix("/worksheet") } ?? false)
        }
        self.date1904 = date1904
        sharedStringsPart = related.first { $0.type.hasSuffix("/sharedStrings") }?.target
        stylesPart = related.first { $0.type.hasSuffix("/styles") }?.target
    }
}
