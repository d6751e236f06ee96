/// The shared string table: every distinct cell text once, in order of first use, so that the
/// same workbook always gives the same table.
struct SharedStrings: Sendable {
    private(set) var strings: [String] = []
    private var indices: [String: Int] = [:]
    /// Cells that refer to the table (the `count` attribute).
    private(set) var references = 0

    /// The index of `text` (already prepared by `CellText`), added when new.
    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indices[text] { return index }
        let index = strings.count
        strings.append(text)
        indices[text] = index
        return index
    }

    /// Takes over another table (a sheet's): its texts in their order, its references counted.
    /// - Returns: per index of `other`, the index here.
    mutating func merge(_ other: SharedStrings) -> [Int] {
        let mapped = other.strings.map { text -> Int in
            if let index = indices[text] { return index }
            strings.append(text)
            indices[text] = strings.count - 1
            return strings.count - 1
        }
        references += other.references
        return mapped
    }

    /// `xl/sharedStrings.xml`.
    var xml: String {
        var xml = WorkbookWriter.declaration
        xml += "<sst xmlns=\"\(WorkbookWriter.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">"
        for text in strings {
            // Leading or trailing white space is kept only with xml:space="preserve".
            let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
            xml += preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            xml += XMLText.content(XMLText.xstring(text))
            xml += "</t></si>"
        }
        xml += "</sst>"
        return xml
    }
}
