import Testing
@testable import KTOAnalysis
@testable import KTOModel

/// The frame numbers its cells from the rows' mixed-radix keys (`RowKeys`, `CellIndex`), and
/// adds code columns to the keys through tables (`RowKeys.append(_:through:)`): both must give
/// what the plain definitions give, also where the keys' range passes `Int.max`.
@Suite("Cell keys and code tables")
struct CellKeysTests {
    /// The cells of rows described by their parts, numbered in the order they first occur, by a
    /// dictionary of the parts themselves.
    static func plainCells(_ parts: [[Int]], rows: Int) -> [Int32] {
        var number: [[Int]: Int32] = [:]
        return (0..<rows).map { row in
            let key = parts.map { $0[row] }
            if let known = number[key] { return known }
            let cell = Int32(number.count)
            number[key] = cell
            return cell
        }
    }

    static func cells(_ keys: RowKeys) -> [Int32] {
        var index = CellIndex(keys: keys.range, rows: keys.keys.count)
        return keys.keys.map { index.cell(for: $0).cell }
    }

    @Test func keysNumberCellsAsTheirParts() {
        var random = TestRandom(seed: 0x9E37_79B9_7F4A_7C15)
        func next(_ n: Int) -> Int { random.next(n) }
        let rows = 3_000
        // Few parts: the keys are the plain mixed-radix numbers.
        let radices = [30, 6, 5, 4, 150]
        let parts = radices.map { radix in (0..<rows).map { _ in next(radix) } }
        var keys = RowKeys(rows: rows)
        for (part, radix) in zip(parts, radices) { keys.append(part.map { Int32($0) }, offset: 0, radix: radix) }
        #expect(keys.range == radices.reduce(1, *))
        #expect(keys.keys == (0..<rows).map { row in zip(parts, radices).reduce(0) { $0 * $1.1 + $1.0[row] } })
        #expect(Self.cells(keys) == Self.plainCells(parts, rows: rows))

        // Forty parts of seven: 7^40 passes Int.max, so the keys are renumbered on the way; a
        // row's -1 (no value) is part + 1 = 0. Rows repeat so that cells hold several rows.
        let many = (0..<40).map { _ in (0..<rows).map { row in row % 700 < 350 ? (row * 31 + next(2)) % 7 - 1 : (row % 350) % 7 - 1 } }
        var manyKeys = RowKeys(rows: rows)
        for part in many { manyKeys.append(part.map { Int32($0) }, offset: 1, radix: 7) }
        #expect(manyKeys.keys.allSatisfy { $0 >= 0 && $0 < manyKeys.range })
        let plain = Self.plainCells(many, rows: rows)
        #expect(Self.cells(manyKeys) == plain)
        #expect(Set(plain).count < rows)
    }

    @Test func columnThroughTableEqualsItsValues() {
        let table = CodeTable([(1, 0), (2, 1), (5, 2), (-3, 3), (2, 4)])
        let narrow: [Int16] = [1, 2, 3, 5, -3, 0, 127, -126, Dataset.noAnswer, Dataset.unreadable, 2, 5]
        let wide = narrow + [300, -300]
        let known: [Int16] = [1, 2, 5, -3, 5, Dataset.noAnswer]
        for codes in [narrow, wide, known] {
            let column = CodeColumn(codes)
            #expect(column.isNarrow == (codes.count != wide.count))
            for noValue in [nil, Int32(3)] {
                let values = codes.map { code -> Int32 in
                    if let noValue, code == Dataset.noAnswer || code == Dataset.unreadable { return noValue }
                    return table[code]
                }
                var direct = RowKeys(rows: codes.count)
                var plain = RowKeys(rows: codes.count)
                for k in 0..<3 {
                    // -1 (no value in the table) is 0 with offset 1.
                    let unknown = direct.append(column, through: table, noValue: noValue, offset: 1, radix: 6 + k)
                    plain.append(values, offset: 1, radix: 6 + k)
                    #expect(unknown == values.contains(-1))
                }
                #expect(direct.keys == plain.keys && direct.range == plain.range)
            }
        }
        // A repeated code keeps its last value, as the dictionary it replaced did.
        #expect(table[2] == 4)
    }
}
