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
        #expect(cells.isNumbers)
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
        #expect(cells.isNumbers)
        #expect(zip(cells, plain).allSatisfy(Self.same))
        // The number that stands for empty cannot be stored as a number: plain cells.
        var withSysmis = cells
        withSysmis[3] = .number(Self.sysmis)
        #expect(withSysmis.isCells)
        #expect(withSysmis[3] == .number(Self.sysmis) && withSysmis[2] == .empty)
        #expect(cells.isNumbers && cells[3] == .number(.infinity))  // the copy kept its own
        // Text and booleans too.
        cells[4] = .text("x")
        plain[4] = .text("x")
        cells[5] = .boolean(true)
        plain[5] = .boolean(true)
        #expect(cells.isCells)
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
        #expect(numbers.isNumbers)
        #expect(numbers.count == Self.expectedNumbers.count)
        #expect(zip(numbers, Self.expectedNumbers).allSatisfy(Self.same))
        if case .number(let v) = numbers[6] { #expect(v.bitPattern == Self.otherNaN.bitPattern) }
        #expect(table.columns[1].cells == Self.expectedTexts)
        #expect(table.columns[1].cells.isCells)
        // The other file: the same cells.
        let other = try SAVFixtures.read(bytes: Self.file(compressed: !compressed)).get()
        #expect(zip(other.columns[0].cells, numbers).allSatisfy(Self.same))
        #expect(other.columns[1].cells == table.columns[1].cells)
    }

    /// Codes for the whole numbers -100...154 only, each read back with its own bits.
    @Test func codesAreExact() {
        for k in -100...154 {
            let value = Double(k)
            let code = TableCells.code(of: value.bitPattern)
            #expect(code.map { TableCells.value(ofCode: $0).bitPattern } == value.bitPattern, "\(k)")
            #expect(code != TableCells.emptyCode)
        }
        let none: [Double] = [-101, 155, 255, -0.0, 0.5, 1e-20, -100.5, 154.25, .nan, Self.otherNaN, .infinity, -.infinity, Self.sysmis, 1e300]
        for value in none { #expect(TableCells.code(of: value.bitPattern) == nil, "\(value)") }
    }

    @Test func codesReadAsTheirCells() {
        let bytes: [UInt8] = [101, 255, 0, 254, 100, 109]
        let cells = TableCells(codes: bytes)
        let plain: [TableCell] = [.number(1), .empty, .number(-100), .number(154), .number(0), .number(9)]
        #expect(cells.isCodes && cells.count == 6)
        #expect(Array(cells) == plain && cells.array == plain)
        #expect(cells == TableCells(plain) && cells == plain && plain == cells)
        #expect(cells == TableCells(numbers: [1, Self.sysmis, -100, 154, 0, 9], empty: Self.sysmis))
        #expect(cells != TableCells(codes: [101, 255, 0, 254, 100, 108]))
        #expect(cells != TableCells(codes: [101, 100, 0, 254, 100, 109]))
        #expect(cells != TableCells(numbers: [1, Self.sysmis, -100, 154, -0.5, 9], empty: Self.sysmis))
        #expect(TableCells(codes: []) == TableCells() && TableCells(codes: []) == [])
        // Written cells: codes stay codes, anything else makes plain cells.
        var written = cells
        written[0] = .number(-7)
        written[2] = .empty
        #expect(written.isCodes && written == [.number(-7), .empty, .empty, .number(154), .number(0), .number(9)])
        var fraction = written
        fraction[1] = .number(0.5)
        #expect(fraction.isCells && fraction == [.number(-7), .number(0.5), .empty, .number(154), .number(0), .number(9)])
        var text = written
        text[5] = .text("x")
        #expect(text.isCells && text == [.number(-7), .empty, .empty, .number(154), .number(0), .text("x")])
        #expect(written.isCodes)
    }

    /// A file of codes with one value that has none, far into the data (past the first blocks of
    /// cases): the column turns into numbers there, and every cell is the plain path's.
    @Test(arguments: [false, true])
    func aValueWithoutCodeLateInTheFile(compressed: Bool) throws {
        let count = 5000
        let late = 4321
        let values: [Double?] = (0..<count).map { (r: Int) -> Double? in
            if r == late { return 2.5 }
            if r % 7 == 0 { return nil }
            return Double(r % 11 - 3)
        }
        var f = SAVTestFile(compression: compressed ? 1 : 0, cases: Int32(count))
        f.variable("A")
        f.variable("B")
        f.end()
        // Column B holds only codes (and system-missing).
        let codes: [Double?] = (0..<count).map { (r: Int) -> Double? in
            if r % 5 == 0 { return nil }
            return Double(r % 200 - 90)
        }
        let cases: [[SAVTestFile.Element]] = (0..<count).map { r in [.number(values[r]), .number(codes[r])] }
        if compressed { f.compressedRows(cases) } else { f.rows(cases) }
        let table = try SAVFixtures.read(bytes: f.bytes).get()
        let a = table.columns[0].cells
        let b = table.columns[1].cells
        #expect(a.isNumbers && b.isCodes)
        let plainA: [TableCell] = values.map { $0.map(TableCell.number) ?? .empty }
        let plainB: [TableCell] = codes.map { $0.map(TableCell.number) ?? .empty }
        #expect(a == plainA)
        #expect(b == plainB)
        #expect(a[late] == .number(2.5) && a[0] == .empty)
        #expect(a[late - 1] == .number(Double((late - 1) % 11 - 3)))
    }

    /// Bytecode with another bias than 100: the codes in the file are not the column's codes.
    @Test func bytecodeWithAnotherBias() throws {
        var f = SAVTestFile(compression: 1, cases: 5, bias: 50)
        f.variable("A")
        f.end()
        // 51 is 1, 255 system-missing, 150 is 100, 251 is 201 (no one-byte code: the column
        // turns into numbers there), 253 a raw 2.5.
        f.group([51, 255, 150, 251, 253, 252], raw: [withUnsafeBytes(of: (2.5).bitPattern.littleEndian) { Array($0) }])
        let cells = try SAVFixtures.read(bytes: f.bytes).get().columns[0].cells
        #expect(cells == [.number(1), .empty, .number(100), .number(201), .number(2.5)])
    }

    /// A file whose system-missing value is a whole number with a code (5): the code that stands
    /// for 5 in the bytecode is an empty cell, as a raw 5 is.
    @Test func systemMissingWithACode() throws {
        var f = SAVTestFile(compression: 1, cases: 4)
        f.variable("A")
        var info: [UInt8] = []
        for v in [5.0, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude] {
            withUnsafeBytes(of: v.bitPattern.littleEndian) { info += $0 }
        }
        f.extensionRecord(subtype: 4, size: 8, count: 3, data: info)
        f.end()
        f.group([105, 106, 253, 255, 252], raw: [withUnsafeBytes(of: (5.0).bitPattern.littleEndian) { Array($0) }])
        let cells = try SAVFixtures.read(bytes: f.bytes).get().columns[0].cells
        // Code 255 is the file's system-missing value, 5: empty too.
        #expect(cells == [.empty, .number(6), .empty, .empty])
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

extension TableCells {
    var isCells: Bool { if case .cells = storage { true } else { false } }
    var isNumbers: Bool { if case .numbers = storage { true } else { false } }
    var isCodes: Bool { if case .codes = storage { true } else { false } }
}
