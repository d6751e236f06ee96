/// A worksheet's XML whose string cells refer to the sheet's own string table: the text between
/// string cells in `pieces`, and per gap the sheet's index of the cell's text. `bytes(indices:)`
/// joins it with the workbook's indices, so sheets can be made independently and still give the
/// bytes of one pass over the workbook.
struct SheetXML: Sendable {
    private(set) var pieces: [String] = [""]
    private(set) var gaps: [Int] = []
    private(set) var strings = SharedStrings()

    static func += (xml: inout SheetXML, text: String) {
        xml.pieces[xml.pieces.count - 1] += text
    }

    /// A string cell's text (prepared by `CellText`): its index goes here.
    mutating func appendString(_ text: String) {
        gaps.append(strings.index(of: text))
        pieces.append("")
    }

    /// The XML, with `indices[k]` for the sheet's string k.
    func bytes(indices: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count } + gaps.count * 4)
        for (k, piece) in pieces.enumerated() {
            out += piece.utf8
            if k < gaps.count { out += String(indices[gaps[k]]).utf8 }
        }
        return out
    }
}
