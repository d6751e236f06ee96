import Testing
@testable import KTOWriters

@Suite("Workbook writer: row heights for wrapped text")
struct RowHeightTests {
    // Counted by hand: greedy word wrap at `capacity` characters per line.
    static let wraps: [(text: String, capacity: Int, lines: Int)] = [
        ("", 10, 1),
        ("abc def", 10, 1),
        ("abc def ghi", 7, 2),  // "abc def" | "ghi"
        ("abcdefghij k", 10, 2),  // a word that fills the line exactly, then "k"
        ("a\nb\nc", 10, 3),
        ("a\n\nb", 10, 3),  // an empty line counts
        (String(repeating: "x", count: 25), 10, 3),  // 10 | 10 | 5
        ("xx " + String(repeating: "x", count: 25), 10, 4),  // "xx" | 10 | 10 | 5
        (String(repeating: "x", count: 20) + " y", 10, 3),  // 10 | 10 | "y" (the line is full)
        (String(repeating: "x", count: 15) + " y", 10, 2),  // 10 | "xxxxx y"
    ]

    @Test(arguments: wraps.indices)
    func greedyWrap(_ index: Int) {
        let (text, capacity, lines) = Self.wraps[index]
        #expect(RowHeights.wrappedLines(text, capacity: capacity) == lines)
    }

    @Test func heights() {
        // Width 21 leaves 20 characters a line for regular text: four paragraphs, four lines.
        #expect(RowHeights.height([.text("a"), .text("een\ntwee\r\ndrie\rvier", style: .wrapped)], widths: [8, 21], merged: []) == 60)
        // Single lines keep the default height (no ht written).
        #expect(RowHeights.height([.text("kort", style: .wrapped), .number(1)], widths: [21, 8], merged: []) == nil)
        #expect(RowHeights.height([.text("Titel die lang is maar niet omloopt", style: .title)], widths: [8], merged: []) == nil)
        // Text that is not wrapped does not grow the row, however long.
        #expect(RowHeights.height([.text(String(repeating: "woord ", count: 50))], widths: [10], merged: []) == nil)
        // A header takes the bold factor: 13 characters in width 14.25 need two lines (12 fit).
        #expect(RowHeights.height([.text("% onvoldoende", style: .headerRight)], widths: [14.25], merged: []) == 30)
        // Excel's maximum caps it; dropped control characters do not count as line breaks.
        #expect(RowHeights.height([.text(String(repeating: "lang ", count: 8_000), style: .wrapped)], widths: [60], merged: []) == 409)
        #expect(RowHeights.height([.text("a\u{85}b\u{0B}c", style: .wrapped)], widths: [10], merged: []) == nil)
        // A merged cell spanning columns is not estimated from its first column alone.
        #expect(RowHeights.height([.text(String(repeating: "x ", count: 30), style: .wrapped)], widths: [10], merged: [0]) == nil)
    }

    @Test func sampleRowsCarryTheirEstimate() throws {
        let book = try XLSXReading(WorkbookWriter.bytes(SampleWorkbook.workbook))
        let rows = book.sheet(3)?.descendants("row") ?? []
        let heights = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row["ht"].map { (row["r"] ?? "", $0) } })
        // "regeleinden" (row 10) has four lines; the long text (row 17) is capped; nothing else grows.
        #expect(heights == ["10": "60", "17": "409"])
        #expect(rows.allSatisfy { $0["customHeight"] == nil })
    }
}
