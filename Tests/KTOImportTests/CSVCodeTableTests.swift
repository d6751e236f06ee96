import Testing
@testable import KTOImport

/// The code table settles short plain numbers while the reader splits a record: its answer for
/// every field must be what the rules say (checked here against a plain reading of the field's
/// text), on the fast loop (records away from the end of the data) and the general loop (the
/// last bytes, fields after a quote), with every separator and line end.
@Suite("CSV reader: code table")
struct CSVCodeTableTests {
    /// Field texts: short numbers in every form the table knows, and near misses.
    static let tokens = [
        "", "0", "7", "9", "10", "42", "99", "07", "00", "7,0", "10,0", "7.0", "99.0", "100", "1234", "7,00",
        ",0", "7,", ".", "a", "7a", "a7", " 7", "7 ", "-1", "+1", "x1", "1x", "abcdef", "12345678901", "\"7\"", "\"\"",
    ]

    /// Per column an entry for empty cells and for three values in four; column 3 left unfilled.
    static func table(columns: Int) -> CSVCodeTable {
        var table = CSVCodeTable(columns: columns)
        for k in 0..<columns where k != 3 {
            table[emptyIn: k] = Int16(-1 - k % 5)
            for v in 0...CSVCodeTable.maxValue where (v + k) % 4 != 0 { table[k, v] = Int16(v * 10 + k % 10) }
        }
        return table
    }

    /// What the table must give: its entry for an unquoted empty field, or for one or two digits
    /// (optionally followed by `,0` or `.0`); `slow` for anything else.
    static func expected(_ text: String, column k: Int, table: CSVCodeTable) -> Int16 {
        if text.hasPrefix("\"") { return CSVCodeTable.slow }
        if text.isEmpty { return table[emptyIn: k] }
        var digits = Array(text.utf8)
        if digits.count >= 3, digits[digits.count - 1] == UInt8(ascii: "0"),
           digits[digits.count - 2] == UInt8(ascii: ",") || digits[digits.count - 2] == UInt8(ascii: ".") {
            digits.removeLast(2)
        }
        guard (1...2).contains(digits.count), digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return CSVCodeTable.slow }
        return table[k, digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }]
    }

    struct Layout: Sendable, CustomTestStringConvertible {
        var separator: UInt8
        var lineEnd: String
        var testDescription: String { "separator \(separator), line end \(Array(lineEnd.utf8))" }
    }

    static let layouts: [Layout] = [
        Layout(separator: UInt8(ascii: ";"), lineEnd: "\r\n"), Layout(separator: UInt8(ascii: ";"), lineEnd: "\n"),
        Layout(separator: UInt8(ascii: ","), lineEnd: "\r"), Layout(separator: 0x09, lineEnd: "\n"),
        Layout(separator: UInt8(ascii: "|"), lineEnd: "\r\n"), Layout(separator: UInt8(ascii: "5"), lineEnd: "\n"),
    ]

    @Test(arguments: layouts)
    func everyFieldGetsTheRulesAnswer(_ layout: Layout) throws {
        let columns = 12
        let separator = String(UnicodeScalar(layout.separator))
        let tokens = Self.tokens.filter { !$0.contains(separator) && !($0 == "," && layout.separator == UInt8(ascii: ",")) }
        // Deterministic mix: every token in every column, records of varying length, so that
        // fields sit at every offset of the 64-byte masks and near the end of the data.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var rows: [[String]] = []
        for r in 0..<600 {
            rows.append((0..<columns).map { k in
                // The first rows walk through every token per column; the rest at random.
                r < tokens.count ? tokens[(r + k) % tokens.count] : tokens[next() % tokens.count]
            })
        }
        let header = (0..<columns).map { "c\($0)" }.joined(separator: separator)
        let text = ([header] + rows.map { $0.joined(separator: separator) }).joined(separator: layout.lineEnd) + layout.lineEnd
        let source = try SourceText(bytes: Array(text.utf8), file: "t.csv", encoding: .utf8)
        let reader = try CSVReader(source: source, dialect: CSVDialect(separator: layout.separator))
        let table = Self.table(columns: columns)

        // Stride 1 (the cursor's own values) and a column-major tile (the loader's way).
        for stride in [1, 64] {
            var cursor = reader.makeCursor(decoding: table)
            let tile = UnsafeMutablePointer<Int16>.allocate(capacity: columns * stride)
            defer { tile.deallocate() }
            var index = 0
            while let record = try (stride == 1 ? cursor.next() : cursor.next(writingValuesTo: tile, stride: stride)) {
                let row = rows[index]
                #expect(record.count == columns)
                var slow = 0
                for k in 0..<columns {
                    let want = k == 3 ? CSVCodeTable.slow : Self.expected(row[k], column: k, table: table)
                    let got = record.tableValue(k)
                    // The reader looks a field up only where eight bytes can be loaded from its
                    // start; in the last bytes `slow` ("decode it yourself") is also right.
                    let nearEnd = record.offset(ofField: k) + 8 > source.bytes.count
                    #expect(got == want || (nearEnd && got == CSVCodeTable.slow), "row \(index) column \(k) '\(row[k])' (stride \(stride))")
                    if k != 3 && got == CSVCodeTable.slow { slow += 1 }
                }
                #expect(record.slowValues == slow, "row \(index) (stride \(stride))")
                index += 1
            }
            #expect(index == rows.count)
        }
    }

    /// The fast loop's lane mask to bits (`pmovmskb` on x86-64) equals the portable multiply, on
    /// every single lane and on random masks.
    @Test func laneMaskBitsAreThePortableOnes() {
        var state: UInt64 = 16
        var masks: [SIMD16<Int8>] = (0..<16).map { k in SIMD16<Int8>((0..<16).map { $0 == k ? -1 : 0 }) }
        masks += [SIMD16(repeating: 0), SIMD16(repeating: -1)]
        for _ in 0..<10_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let bits = state >> 40
            masks.append(SIMD16<Int8>((0..<16).map { bits >> UInt64($0) & 1 == 1 ? -1 : 0 }))
        }
        for mask in masks {
            let lanes = mask .== SIMD16(repeating: -1)
            #expect(RecordParser.bits(lanes) == RecordParser.bitsBySum(lanes), "\(mask)")
            let expected = (0..<16).reduce(UInt64(0)) { $0 | (mask[$1] == -1 ? 1 << UInt64($1) : 0) }
            #expect(RecordParser.bits(lanes) == expected, "\(mask)")
        }
    }

    @Test func withoutATableEveryFieldIsSlow() throws {
        let text = "a;b;c\n" + String(repeating: "1;;22\n7;x;\n", count: 40)
        let source = try SourceText(bytes: Array(text.utf8), file: "t.csv", encoding: .utf8)
        var cursor = try CSVReader(source: source).makeCursor()
        var records = 0
        while let record = try cursor.next() {
            #expect((0..<3).allSatisfy { record.tableValue($0) == CSVCodeTable.slow })
            #expect(record.slowValues == 0)
            records += 1
        }
        #expect(records == 80)
    }
}
