import Foundation
import Testing
@testable import KTOImport

/// A large sheet is read in two halves on two cores only when that gives what one pass gives:
/// the same table, or the same error. Checked on generated sheets with every kind of cell, rows
/// with and without numbers, and the things that must make the reader fall back to one pass
/// (comments and CDATA among the rows, broken cells in either half, a cell after the rows).
@Suite("XLSX sheet read in halves")
struct XLSXHalvesTests {
    static let shared = ["aap", "noot", "", "mies"]

    static func parser() -> XLSXSheetParser {
        var styles = XLSXStyles()
        styles.isDate = [false, true]
        return XLSXSheetParser(file: "t.xlsx", part: "xl/worksheets/sheet1.xml", sheet: "Blad1", sharedStrings: shared, styles: styles, date1904: false)
    }

    static func read(_ xml: String, halves: Bool) -> Result<DataTable, XLSXError> {
        Result { () throws(XLSXError) in
            var builder = XLSXTableBuilder(file: "t.xlsx", sheet: "Blad1", maxCells: 1_000_000)
            try parser().read(Array(xml.utf8), into: &builder, halvesFrom: halves ? 0 : Int.max)
            return try builder.table()
        }
    }

    /// A sheet of `rows` rows (after the header) drawn from `next`; `odd` adds one of the oddities.
    static func sheet(rows: Int, next: () -> Int, odd: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E9"/><sheetData>"#
        xml += #"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>d</t></is></c><c r="E1" t="inlineStr"><is><t>e</t></is></c></row>"#
        for r in 2...(rows + 1) {
            let numbered = next() % 9 != 0
            xml += numbered ? "<row r=\"\(r)\" spans=\"1:5\">" : "<row>"
            if next() % 15 == 0 { xml += "</row>\n"; continue }
            for c in 0..<5 where next() % 6 != 0 {
                let ref = next() % 4 == 0 ? "" : " r=\"\(["A", "B", "C", "D", "E"][c])\(r)\""
                switch next() % 7 {
                case 0: xml += "<c\(ref)><v>\(next() % 1000)</v></c>"
                case 1: xml += "<c\(ref) s=\"1\"><v>\(40000 + next() % 900).5</v></c>"
                case 2: xml += "<c\(ref) t=\"s\"><v>\(next() % 4)</v></c>"
                case 3: xml += "<c\(ref) t=\"inlineStr\"><is><t>tekst &amp; \(next() % 50)</t></is></c>"
                case 4: xml += "<c\(ref) t=\"b\"><v>\(next() % 2)</v></c>"
                case 5: xml += "<c\(ref) t=\"str\"><v>=\(next() % 9)</v></c>"
                default: xml += "<c\(ref)/>"
                }
                if next() % 10 == 0 { xml += "\n  " }
            }
            xml += "</row>"
        }
        xml += "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>"
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"
        // Oddities, placed in the second half of the rows (or after them).
        let late = xml.range(of: "<row r=\"\(rows * 3 / 4)\"", options: .backwards)?.lowerBound
        switch odd {
        case 1: if let late { xml.insert(contentsOf: "<!-- <row r=\"1\"> -->", at: late) }
        case 2: if let late { xml.insert(contentsOf: "<row r=\"9999\"><c t=\"q\"><v>1</v></c></row>", at: late) }
        case 3: if let late { xml.insert(contentsOf: "<row r=\"9998\"><c><v>geen getal</v></c></row>", at: late) }
        case 4: xml = xml.replacingOccurrences(of: "</sheetData>", with: "</sheetData><c><v>5</v></c>")
        case 5: if let late { xml.insert(contentsOf: "<row r=\"9997\"><c r=\"Z9997\"><v>7</v></c></row>", at: late) }
        case 6: if let late { xml.insert(contentsOf: "<row r=\"9996\"><c t=\"str\"><v><![CDATA[<row ]]></v></c></row>", at: late) }
        default: break
        }
        return xml
    }

    @Test func halvesReadWhatOnePassReads() {
        var state: UInt64 = 8
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var split = 0
        for round in 0..<240 {
            let xml = Self.sheet(rows: 20 + next() % 300, next: next, odd: round % 8)
            let one = Self.read(xml, halves: false)
            let two = Self.read(xml, halves: true)
            #expect(one == two, "round \(round)")
            // A sheet without oddities whose first row after the cut has its number is read in
            // halves indeed (not by falling back to one pass).
            let bytes = Array(xml.utf8)
            let halved = bytes.withUnsafeBufferPointer { b -> Bool in
                guard let cut = XLSXSheetParser.halves(b) else { return false }
                return Self.parser().readInHalves(b, cut, builder: XLSXTableBuilder(file: "t.xlsx", sheet: "Blad1", maxCells: 1_000_000)) != nil
            }
            if halved { split += 1 }
            if round % 8 == 0, let cut = Self.halves(xml),
               String(decoding: bytes[cut.split..<min(bytes.count, cut.split + 7)], as: UTF8.self) == "<row r=" {
                #expect(halved, "round \(round)")
            }
        }
        #expect(split > 50)
    }

    static func halves(_ xml: String) -> XLSXSheetParser.Halves? {
        Array(xml.utf8).withUnsafeBufferPointer { XLSXSheetParser.halves($0) }
    }

    @Test func placesThatAreNotSafeAreNotSplit() {
        #expect(Self.halves("<sheetData><row r=\"1\"><c><v>1</v></c></row><!-- x --><row r=\"2\"/></sheetData>") == nil)
        #expect(Self.halves("<sheetData><row r=\"1\"/><row r=\"2\"/></sheetData><c/>") == nil)
        #expect(Self.halves("<x:sheetData><x:row r=\"1\"/><x:row r=\"2\"/></x:sheetData>") == nil)
        let plain = "<sheetData><row r=\"1\"><c><v>1</v></c></row><row r=\"2\"/><row r=\"3\"/></sheetData>"
        let cut = Self.halves(plain)
        #expect(cut != nil)
        if let cut {
            let bytes = Array(plain.utf8)
            #expect(String(decoding: bytes[cut.split..<(cut.split + 5)], as: UTF8.self) == "<row ")
            #expect(String(decoding: bytes[cut.end...], as: UTF8.self) == "</sheetData>")
            #expect(String(decoding: bytes[(cut.header - 6)..<cut.header], as: UTF8.self) == "</row>" && cut.header <= cut.split)
        }
    }
}
