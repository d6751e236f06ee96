import Testing
@testable import KTOImport

@Suite("XML scanner and xlsx values")
struct XMLScannerTests {
    /// All events of `xml`, names and text rendered for comparison.
    func events(_ xml: String) throws(XMLScanner.Failure) -> [String] {
        let bytes = Array(xml.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(XMLScanner.Failure) in
            var scanner = XMLScanner(buffer)
            var out: [String] = []
            func name(_ n: XMLScanner.Name) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: buffer[n.start..<n.end]), as: UTF8.self)
            }
            while let event = try scanner.next() {
                switch event {
                case .start(let n, let selfClosing):
                    let attributes = try scanner.attributes.map { a throws(XMLScanner.Failure) in
                        "\(name(a.name))=\(try scanner.text(a.value))"
                    }
                    out.append("<\(name(n))\(attributes.map { " " + $0 }.joined())\(selfClosing ? "/" : "")>")
                case .end(let n): out.append("</\(name(n))>")
                case .text(let r): out.append("text:" + (try scanner.text(r)))
                case .cdata(let r): out.append("cdata:" + String(decoding: UnsafeBufferPointer(rebasing: buffer[r]), as: UTF8.self))
                }
            }
            return out
        }
    }

    @Test func tokens() throws {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"boom\">]><!-- c > -->"
            + "<x:a p:q='1 &amp; 2' r=\"&lt;&gt;\"><b/>t&#233;&#xE9;&quot;&apos;<![CDATA[<&>]]></x:a >"
        #expect(
            try events(xml) == [
                "text:\n", "<x:a p:q=1 & 2 r=<>>", "<b/>", "text:téé\"'", "cdata:<&>", "</x:a>",
            ])
        // Line ends in text become LF (XML 1.0 2.11).
        #expect(try events("<a>1\r\n2\r3</a>") == ["<a>", "text:1\n2\n3", "</a>"])
    }

    @Test func localNamesIgnorePrefixes() throws {
        let bytes = Array("<x:sheet r:id=\"rId1\" sheetId=\"1\"/>".utf8)
        try bytes.withUnsafeBufferPointer { buffer throws(XMLScanner.Failure) in
            var scanner = XMLScanner(buffer)
            guard case .start(let name, true) = try scanner.next() else {
                Issue.record("no start tag")
                return
            }
            #expect(scanner.isLocal(name, "sheet"))
            #expect(!scanner.isLocal(name, "x:sheet"))
            #expect(scanner.isQualified(name, "x:sheet"))
            #expect(scanner.attribute("id").map { scanner.equals($0, "rId1") } == true)
            #expect(scanner.attribute("sheetId").map { scanner.equals($0, "1") } == true)
        }
    }

    @Test(arguments: [
        ("<a", 0), ("<a b>", 4), ("<a b=c>", 5), ("<a b=\"c>", 6), ("<a>&nbsp;</a>", 3), ("<a>&#xD800;</a>", 3),
        ("<a>&#0;</a>", 3), ("<a>& x</a>", 3), ("<!-- x", 0), ("<![CDATA[x", 9), ("</a", 3), ("<a/ >", 2),
        ("<a b=\"<\"/>", 6),
    ])
    func malformed(_ xml: String, _ offset: Int) {
        #expect(throws: XMLScanner.Failure.self) { try events(xml) }
        do {
            _ = try events(xml)
        } catch {
            #expect(error.offset == offset, "\(xml): \(error.detail)")
        }
    }

    @Test func ooxmlEscapes() {
        func unescape(_ s: String) -> String {
            var bytes = Array(s.utf8)
            OOXMLEscapes.unescape(&bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        // ECMA-376 Part 1, 22.9.2.19: _xHHHH_ is a UTF-16 code unit; _x005F_ escapes the '_'.
        #expect(unescape("a_x000D_b") == "a\rb")
        #expect(unescape("_x0009_tab") == "\ttab")
        #expect(unescape("_x005F_x000D_") == "_x000D_")
        #expect(unescape("_xD83D__xDE00_") == "😀")
        #expect(unescape("_xD83D_ alleen") == "_xD83D_ alleen")
        #expect(unescape("_x00zz_ en _x12_") == "_x00zz_ en _x12_")
    }

    @Test(arguments: [
        "0", "1", "-1", "+3", "7.5", "0.1", "-0.0015", "1E3", "1e-7", "2.5E+300", "0.30000000000000004",
        "45367.614930555558", "123456789012345678", "4.9E-324", "1.7976931348623157E308", "0.000000000000000000001234",
        "1234567890123456789012345", "9007199254740993", "1e400", "00012.50", ".5", "5.", "1e22", "1e23", " 7 ",
    ])
    func numbersMatchTheStandardLibrary(_ text: String) {
        let bytes = Array(text.utf8)
        let ours = bytes.withUnsafeBufferPointer { XLSXValues.double($0, 0..<$0.count) }
        let theirs = Double(text.trimmingCharacters(in: [" "]))
        #expect(ours == theirs, "\(text)")
        if let ours, let theirs { #expect(ours.bitPattern == theirs.bitPattern, "\(text)") }
    }

    @Test(arguments: ["", " ", "-", "1e", "1e+", "abc", "1,5", "1.2.3", "0x10", "nan", "inf", "--1", "1 2"])
    func notNumbers(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { XLSXValues.double($0, 0..<$0.count) } == nil)
    }

    @Test func references() {
        func ref(_ s: String) -> [Int?]? {
            let bytes = Array(s.utf8)
            return bytes.withUnsafeBufferPointer { XLSXValues.reference($0, 0..<$0.count) }.map { [$0.column, $0.row] }
        }
        #expect(ref("A1") == [0, 1])
        #expect(ref("Z9") == [25, 9])
        #expect(ref("AA10") == [26, 10])
        #expect(ref("$B$3") == [1, 3])
        #expect(ref("XFD1048576") == [16_383, 1_048_576])
        #expect(ref("C") == [2, nil])
        #expect(ref("XFE1") == nil)
        #expect(ref("A1048577") == nil)
        #expect(ref("A0") == nil)
        #expect(ref("1A") == nil)
        #expect(ref("AAAA1") == nil)
        #expect(ref("A1x") == nil)
        for k in [0, 25, 26, 701, 702, 16_383] {
            let letters = TablePlace.columnLetters(k)
            #expect(ref(letters + "1") == [k, 1])
        }
    }

    @Test func isoDates() {
        // Serials checked against openpyxl's reading of the same dates (see expected.json) and
        // Excel's documented 1900-03-01 = 61.
        #expect(XLSXValues.isoDate("2024-03-15") == 45366)
        #expect(XLSXValues.isoDate("1900-03-01") == 61)
        #expect(XLSXValues.isoDate("1899-12-30") == 0)
        #expect(XLSXValues.isoDate("2024-03-15T18:00:00") == 45366.75)
        #expect(XLSXValues.isoDate("2024-03-15T18:00:00Z") == 45366.75)
        #expect(XLSXValues.isoDate("2024-03-15T06:00:00.5+01:00") == 45366.25 + 0.5 / 86_400)
        #expect(XLSXValues.isoDate("12:00:00") == 0.5)
        #expect(XLSXValues.isoDate("2024-13-01") == nil)
        #expect(XLSXValues.isoDate("2024-03-15 x") == nil)
        #expect(XLSXValues.isoDate("morgen") == nil)
    }

    @Test(arguments: [
        ("yyyy-mm-dd", true), ("d-m-yy", true), ("[$-413]d\\ mmmm\\ yyyy;@", true), ("h:mm", true), ("[h]:mm:ss", true),
        ("[mm]", true), ("mm:ss.0", true), ("General", false), ("0.00", false), ("#,##0.00\" dagen\"", false),
        ("[Red]#,##0", false), ("[$€-413] #,##0.00", false), ("0.00E+00", false), ("@", false), ("\\d0", false),
        ("_d0", false), ("*d0", false), ("[]0", false), ("\"yyyy\"0", false),
    ])
    func dateFormats(_ code: String, _ isDate: Bool) {
        #expect(XLSXStyles.isDateFormat(code) == isDate, "\(code)")
    }

    @Test func builtInDateFormats() {
        #expect(XLSXStyles.builtInDateFormats == Set(Array(14...22) + [45, 46, 47]))
    }

    /// Random bytes and damaged XML never crash the scanner.
    @Test func scannerNeverCrashes() {
        var seed: UInt64 = 7
        let alphabet = Array("<>/?!-[]CDATA=\"'&#x;amp a:b \n".utf8)
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<(round % 60) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            bytes.withUnsafeBufferPointer { buffer in
                var scanner = XMLScanner(buffer)
                var steps = 0
                while steps < 1000, let event = try? scanner.next() {
                    steps += 1
                    switch event {
                    case .text(let r): _ = try? scanner.text(r)
                    case .start: for a in scanner.attributes { _ = try? scanner.text(a.value) }
                    default: break
                    }
                }
                #expect(steps < 1000)
            }
        }
    }
}
