import Foundation
import Testing
@testable import KTOImport

/// `TableCells` reads like the plain array of cells it stands for, whatever its storage: the
/// numeric storage's cells (system-missing, NaN, infinities, -0) equal the cells made one by one,
/// its equality is the cells' equality, and writing a cell keeps every other cell. A .sav file's
/// numeric columns come back in the numeric storage with the same cells as the plain path.
@Suite("TableCells: numbers and plain cells alike")
struct TableCellsTests {
    static let sysmis = -Double.greatestFiniteMagnitude
    /// A NaN with another payload than the default one.
    static let otherNaN = Double(nan: 0x1234, signaling: false)
    static let values: [Double] = [1, sysmis, .nan, .infinity, -.infinity, -0.0, 2.5, otherNaN, sysmis, 1e-300]

    /// The cells as the reader made them before: system-missing empty, every other number kept.
    static let plain: [TableCell] = values.map { $0.bitPattern == sysmis.bitPattern ? .empty : .number($0) }

    /// The same cell, numbers compared by bit pattern (so that NaN is the same as itself).
    static func same(_ a: TableCell, _ b: TableCell) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return x.bitPattern == y.bitPattern }
        return a == b
    }

    @Test func numbersReadAsTheirCells() {
        let cells = TableCells(numbers: Self.values, empty: Self.sysmis)
        #expect(cells.count == Self.plain.count)
        #expect(cells.numbers != nil)
        #expect(zip(cells, Self.plain).allSatisfy(Self.same))
        #expect(cells.indices.allSatisfy { Self.same(cells[$0], Self.plain[$0]) })
        #expect(zip(cells.array, Self.plain).allSatisfy(Self.same) && cells.array.count == Self.plain.count)
        #expect(cells[1] == .empty && cells[8] == .empty)
        // The other NaN and -0 keep their bits.
        if case .number(let v) = cells[7] { #expect(v.bitPattern == Self.otherNaN.bitPattern) } else { Issue.record("not a number") }
        if case .number(let v) = cells[5] { #expect(v.sign == .minus && v == 0) } else { Issue.record("not a number") }
        #expect(cells.reversed().map(\.self).count == Self.plain.count)
    }

    @Test func equalityIsTheCellsEqualityAcrossStorages() {
        let finite: [Double] = [1, Self.sysmis, 3.25, .infinity, -.infinity]
        let numbers = TableCells(numbers: finite, empty: Self.sysmis)
        let cells: [TableCell] = [.number(1), .empty, .number(3.25), .number(.infinity), .number(-.infinity)]
        #expect(numbers == TableCells(cells))
        #expect(TableCells(cells) == numbers)
        #expect(numbers == cells)
        #expect(cells == numbers)
        #expect(numbers == [.number(1), .empty, .number(3.25), .number(.infinity), .number(-.infinity)])
        // Another empty number: the same cells.
        let otherEmpty = TableCells(numbers: [1, .nan, 3.25, .infinity, -.infinity], empty: .nan)
        #expect(numbers == otherEmpty)
        // Different cells, in every storage pairing.
        var changed = cells
        changed[2] = .number(3.5)
        #expect(numbers != TableCells(changed))
        #expect(numbers != TableCells(numbers: [1, Self.sysmis, 3.5, .infinity, -.infinity], empty: Self.sysmis))
        #expect(numbers != TableCells(numbers: [1, 0, 3.25, .infinity, -.infinity], empty: Self.sysmis))
        #expect(numbers != TableCells(numbers: finite, empty: 1))
        #expect(numbers != TableCells(cells.dropLast()))
        #expect(numbers != TableCells(numbers: finite.dropLast(), empty: Self.sysmis))
        // An empty cell is not the number that stands for it elsewhere.
        #expect(TableCells(numbers: [Self.sysmis], empty: Self.sysmis) != [.number(Self.sysmis)])
        #expect(TableCells(numbers: [Self.sysmis], empty: 0) == [.number(Self.sysmis)])
        // NaN is not equal to itself, as with cells.
        #expect(TableCells(numbers: [.nan], empty: Self.sysmis) != TableCells(numbers: [.nan], empty: Self.sysmis))
        #expect(TableCells(numbers: [.nan], empty: Self.sysmis) != [.number(.nan)])
    }

    @Test func emptyColumnsAreEqual() {
        let none = TableCells(numbers: [], empty: Self.sysmis)
        #expect(none.isEmpty && none.count == 0 && none.first == nil)
        #expect(none == TableCells())
        #expect(none == [])
        #expect(TableCells([]) == none)
        #expect(none != [.empty])
        #expect(Array(none).isEmpty && none.array.isEmpty)
    }

    @Test func writingACellKeepsTheOthers() {
        var cells = TableCells(numbers: Self.values, empty: Self.sysmis)
        var plain = Self.plain
        // Numbers and empty cells stay numbers.
        for (i, cell) in [(0, TableCell.number(42)), (1, .number(-7.5)), (2, .empty)] {
            cells[i] = cell
            plain[i] = cell
        }
        #expect(cells.numbers != nil)
        #expect(zip(cells, plain).allSatisfy(Self.same))
        // The number that stands for empty cannot be stored as a number: plain cells.
        var withSysmis = cells
        withSysmis[3] = .number(Self.sysmis)
        #expect(withSysmis.numbers == nil)
        #expect(withSysmis[3] == .number(Self.sysmis) && withSysmis[2] == .empty)
        #expect(cells.numbers != nil && cells[3] == .number(.infinity))  // the copy kept its own
        // Text and booleans too.
        cells[4] = .text("x")
        plain[4] = .text("x")
        cells[5] = .boolean(true)
        plain[5] = .boolean(true)
        #expect(cells.numbers == nil)
        #expect(zip(cells, plain).allSatisfy(Self.same) && cells.count == plain.count)
        var text: TableCells = [.text("a"), .empty]
        text[1] = .number(2)
        #expect(text == [.text("a"), .number(2)])
    }

    /// A file of one numeric and one string variable, with NaN, infinities, raw numbers,
    /// system-missing and blanks (not -0: compressed, the test writer stores it as code 100, +0).
    static let cases: [[SAVTestFile.Element]] = [
        [.number(1), .text(Array("ab      ".utf8))],
        [.number(nil), .text(Array("        ".utf8))],
        [.number(.nan), .text(Array("x       ".utf8))],
        [.number(.infinity), .text(Array("        ".utf8))],
        [.number(-.infinity), .text(Array("12345678".utf8))],
        [.number(0.1), .text(Array("c       ".utf8))],
        [.number(otherNaN), .text(Array("d       ".utf8))],
        [.number(-1e300), .text(Array("e       ".utf8))],
        [.number(251 - 100), .text(Array("f       ".utf8))],
    ]
    static let expectedNumbers: [TableCell] = [
        .number(1), .empty, .number(.nan), .number(.infinity), .number(-.infinity), .number(0.1), .number(otherNaN),
        .number(-1e300), .number(151),
    ]
    static let expectedTexts: [TableCell] = [.text("ab"), .empty, .text("x"), .empty, .text("12345678"), .text("c"), .text("d"), .text("e"), .text("f")]

    static func file(compressed: Bool) -> [UInt8] {
        var f = SAVTestFile(compression: compressed ? 1 : 0, cases: Int32(cases.count))
        f.variable("N")
        f.variable("S", width: 8)
        f.end()
        if compressed { f.compressedRows(cases) } else { f.rows(cases) }
        return f.bytes
    }

    @Test(arguments: [false, true])
    func savNumbersAreTheCellsOfThePlainPath(compressed: Bool) throws {
        let table = try SAVFixtures.read(bytes: Self.file(compressed: compressed)).get()
        let numbers = table.columns[0].cells
        #expect(numbers.numbers != nil)
        #expect(numbers.count == Self.expectedNumbers.count)
        #expect(zip(numbers, Self.expectedNumbers).allSatisfy(Self.same))
        if case .number(let v) = numbers[6] { #expect(v.bitPattern == Self.otherNaN.bitPattern) }
        #expect(table.columns[1].cells == Self.expectedTexts)
        #expect(table.columns[1].cells.numbers == nil)
        // The other file: the same cells.
        let other = try SAVFixtures.read(bytes: Self.file(compressed: !compressed)).get()
        #expect(zip(other.columns[0].cells, numbers).allSatisfy(Self.same))
        #expect(other.columns[1].cells == table.columns[1].cells)
    }

    /// A file whose system-missing value is a NaN: that NaN reads as empty, another NaN as a number.
    @Test func systemMissingNaN() throws {
        let sysmis = Double(nan: 0x77, signaling: false)
        var f = SAVTestFile(compression: 0, cases: 3)
        f.variable("N")
        var info: [UInt8] = []
        for v in [sysmis, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude] {
            withUnsafeBytes(of: v.bitPattern.littleEndian) { info += $0 }
        }
        f.extensionRecord(subtype: 4, size: 8, count: 3, data: info)
        f.end()
        for v in [sysmis, Double.nan, -Double.greatestFiniteMagnitude] { f.double(v) }
        let table = try SAVFixtures.read(bytes: f.bytes).get()
        let cells = table.columns[0].cells
        #expect(cells[0] == .empty)
        #expect(Self.same(cells[1], .number(.nan)))
        #expect(cells[2] == .number(-Double.greatestFiniteMagnitude))
    }
}
