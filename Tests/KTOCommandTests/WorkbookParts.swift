import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import KTOImport

/// A written .xlsx read back for the tests: the parts unzipped with the project's own zip reader
/// (KTOImport's ZipArchive, which checks every CRC), the XML parsed by the toolchain's XMLParser
/// (libxml2), cells by sheet name and reference with shared strings resolved.
struct WorkbookParts {
    struct Cell: Equatable {
        /// `t`: "s" for a shared string, nil for a number.
        var type: String?
        var style: Int
        /// The number, or the shared string.
        var value: String?
        var hasFormula: Bool
    }

    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    let archive: ZipArchive
    let sheetNames: [String]
    let strings: [String]

    init(_ bytes: [UInt8]) throws {
        archive = try ZipArchive(bytes: bytes)
        sheetNames = try Self.elements(archive.extract(named: "xl/workbook.xml")).filter { $0.name == "sheet" }.compactMap { $0.attributes["name"] }
        // Each <si> holds one <t> (the writer writes no rich text).
        strings = try Self.elements(archive.extract(named: "xl/sharedStrings.xml")).filter { $0.name == "t" }.map(\.text)
    }

    /// The text of a part.
    func part(_ name: String) throws -> String { String(decoding: try archive.extract(named: name), as: UTF8.self) }

    /// Every element of a part in document order, with its own text.
    func elements(_ name: String) throws -> [Element] { try Self.elements(archive.extract(named: name)) }

    /// The part of a sheet by its name.
    func sheetPart(_ sheet: String) throws -> String {
        guard let k = sheetNames.firstIndex(of: sheet) else { throw CocoaError(.fileNoSuchFile) }
        return "xl/worksheets/sheet\(k + 1).xml"
    }

    /// The cells of a sheet by reference (`B3`).
    func cells(_ sheet: String) throws -> [String: Cell] {
        var cells: [String: Cell] = [:]
        var current: (reference: String, cell: Cell)?
        for element in try elements(sheetPart(sheet)) {
            switch element.name {
            case "c":
                if let current { cells[current.reference] = current.cell }
                current = (element.attributes["r"] ?? "?", Cell(type: element.attributes["t"], style: Int(element.attributes["s"] ?? "0") ?? -1, value: nil, hasFormula: false))
            case "f": current?.cell.hasFormula = true
            case "v":
                if current?.cell.type == "s", let k = Int(element.text), k < strings.count {
                    current?.cell.value = strings[k]
                } else {
                    current?.cell.value = element.text
                }
            default: break
            }
        }
        if let current { cells[current.reference] = current.cell }
        return cells
    }

    /// The number format code of a style index, as styles.xml defines it.
    func format(style: Int) throws -> String? {
        let styles = try elements("xl/styles.xml")
        let codes = Dictionary(styles.filter { $0.name == "numFmt" }.compactMap { e in e.attributes["numFmtId"].map { ($0, e.attributes["formatCode"] ?? "") } }, uniquingKeysWith: { a, _ in a })
        // cellXfs follows cellStyleXfs: the cell formats are the <xf> after the first (the style's own).
        let xfs = styles.filter { $0.name == "xf" }.dropFirst()
        guard style >= 0, style < xfs.count, let id = xfs[xfs.startIndex + style].attributes["numFmtId"] else { return nil }
        let builtIn = ["0": "General", "1": "0", "2": "0.00", "3": "#,##0"]
        return builtIn[id] ?? codes[id]
    }

    static func elements(_ bytes: [UInt8]) throws -> [Element] {
        final class Collector: NSObject, XMLParserDelegate {
            var elements: [Element] = []
            var open: [Int] = []
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                open.append(elements.count)
                elements.append(Element(name: name, attributes: attributes, text: ""))
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if let k = open.last { elements[k].text += string }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                open.removeLast()
            }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return collector.elements
    }
}
