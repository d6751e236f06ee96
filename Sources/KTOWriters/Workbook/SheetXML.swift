/// A worksheet's XML whose string cells refer to the sheet's own string table: the bytes, and per
/// string cell where in them its index goes and the sheet's index of its text. `bytes(indices:)`
/// puts in the workbook's indices, so sheets can be made independently and still give the bytes
/// of one pass over the workbook.
struct SheetXML: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Per string cell, in order: its place in `bytes`, and its text's index in `strings`.
    private(set) var gaps: [(offset: Int, string: Int)] = []
    private(set) var strings = SharedStrings()

    static func += (xml: inout SheetXML, text: String) {
        xml.bytes.appendUTF8(text)
    }

    /// Markup that is the same for every sheet, without a String.
    mutating func append(_ literal: StaticString) { bytes.append(literal) }

    mutating func append(_ value: Int) { bytes.appendDecimal(Int64(value)) }

    /// A cell's A1 name.
    mutating func appendReference(row: Int, column: Int) { CellReference.append(row: row, column: column, to: &bytes) }

    /// A finite number as `<v>` holds it (`XMLText.number`).
    mutating func appendNumber(_ value: Double) { bytes.appendNumber(value) }

    /// A string cell's text (prepared by `CellText`): its index goes here.
    mutating func appendString(_ text: String) {
        gaps.append((bytes.count, strings.index(of: text)))
    }

    /// The XML, with `indices[k]` for the sheet's string k.
    func bytes(indices: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + gaps.count * 7)
        bytes.withUnsafeBufferPointer { bytes in
            var from = 0
            for gap in gaps {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<gap.offset]))
                out.appendDecimal(Int64(indices[gap.string]))
                from = gap.offset
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from...]))
        }
        return out
    }
}
