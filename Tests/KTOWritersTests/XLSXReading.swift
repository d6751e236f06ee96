@testable import KTOWriters

/// A written workbook read back for the tests: the zip entries, every XML part parsed, and the
/// cells of each sheet with their shared strings resolved.
struct XLSXReading {
    struct Cell: Equatable {
        /// `t`: "s" for a shared string, nil for a number (or a style-only cell).
        var type: String?
        var style: Int
        /// The `<v>` text, nil when absent.
        var value: String?
        /// The shared string, decoded as Excel decodes ST_Xstring, for `t="s"`.
        var text: String?
        var hasFormula: Bool
    }

    let entries: [ZipReading.Entry]
    let parts: [String: ParsedElement]
    let strings: [String]

    init(_ bytes: [UInt8]) throws {
        entries = try ZipReading(bytes: bytes).entries()
        var parts: [String: ParsedElement] = [:]
        for entry in entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
            parts[entry.name] = try ParsedElement.parse(entry.bytes)
        }
        self.parts = parts
        strings = (parts["xl/sharedStrings.xml"]?.all("si") ?? []).map { Self.decodeXString($0.first("t")?.text ?? "") }
    }

    /// The part of sheet `index` (from 1).
    func sheet(_ index: Int) -> ParsedElement? { parts["xl/worksheets/sheet\(index).xml"] }

    /// The cells of sheet `index` by reference (`B3`).
    func cells(_ index: Int) -> [String: Cell] {
        var cells: [String: Cell] = [:]
        for c in sheet(index)?.descendants("c") ?? [] {
            let value = c.first("v")?.text
            let type = c["t"]
            let text = type == "s" ? value.flatMap(Int.init).flatMap { $0 < strings.count ? strings[$0] : nil } : nil
            cells[c["r"] ?? "?"] = Cell(type: type, style: Int(c["s"] ?? "0") ?? -1, value: value, text: text, hasFormula: c.first("f") != nil)
        }
        return cells
    }

    /// ST_Xstring decoding (ECMA-376 Part 1, 22.9.2.19): `_xHHHH_` is the character U+HHHH.
    static func decodeXString(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "_", i + 6 < scalars.count, scalars[i + 1] == "x", scalars[i + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)...(i + 5)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.append(scalar)
                i += 7
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
