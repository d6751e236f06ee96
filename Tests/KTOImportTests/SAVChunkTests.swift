import Foundation
import Testing
@testable import KTOImport

/// Bytecode is decoded a chunk of cases ahead of the filling of the columns (on another core
/// where there is one). Read with chunks of 16 cases, so that small files take many chunks,
/// every file gives the same table, or the same error, as read in one chunk.
@Suite("SAV reader: chunks of cases")
struct SAVChunkTests {
    static func read(_ bytes: [UInt8], chunkBytes: Int) -> Result<DataTable, SAVError.Kind> {
        bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(SAVError.Kind) -> DataTable in
                try SAVReader.readTable(buffer, displayName: "test.sav", maxCells: SAVReader.defaultMaxCells, chunkBytes: chunkBytes)
            }
        }
    }

    /// The same cells, numbers compared by bit pattern (NaN is then the same as itself).
    static func same(_ a: Result<DataTable, SAVError.Kind>, _ b: Result<DataTable, SAVError.Kind>) -> Bool {
        switch (a, b) {
        case (.failure(let x), .failure(let y)): return x == y
        case (.success(let x), .success(let y)):
            guard x.rowCount == y.rowCount, x.columns.count == y.columns.count else { return false }
            return zip(x.columns, y.columns).allSatisfy { c, d in
                c.name == d.name && c.cells.count == d.cells.count && zip(c.cells, d.cells).allSatisfy(TableCellsTests.same)
            }
        default: return false
        }
    }

    static func expectSameInChunks(_ bytes: [UInt8], _ comment: Comment) {
        let whole = read(bytes, chunkBytes: SAVReader.Limits.defaultChunkBytes)
        for chunkBytes in [1, 256, 4096] {
            #expect(same(read(bytes, chunkBytes: chunkBytes), whole), comment)
        }
    }

    @Test(arguments: SAVReaderTests.files + [
        "hostile-bad-record.sav", "hostile-corrupt-zlib.zsav", "hostile-flipped-bytecode.sav", "hostile-huge-count.sav",
        "hostile-truncated-data.sav",
    ])
    func fixtures(file: String) {
        let bytes = SAVFixtures.bytes(file)
        #expect(!bytes.isEmpty)
        Self.expectSameInChunks(bytes, "\(file)")
    }

    /// 5000 cases: codes, a value without a code late in the file, strings; then the same file
    /// cut short, with a wrong code late in it, and with more cases than its header says.
    @Test func generatedFiles() throws {
        let count = 5000
        let (bytes, headerEnd) = SAVTestFile.generated(compression: 1, count: count)
        let good = try Self.read(bytes, chunkBytes: 256).get()
        #expect(good.rowCount == count)
        #expect(good.columns[0].cells[4321] == .number(2.5) && good.columns[1].cells[4999] == .number(Double(4999 % 150)))
        #expect(good.columns[2].cells[1] == .text("r1") && good.columns[2].cells[3] == .empty)
        Self.expectSameInChunks(bytes, "good")
        // Cut short at several places (inside groups and raw values).
        for cut in [headerEnd + 100, bytes.count / 2, bytes.count / 2 + 3, bytes.count - 20] {
            let short = Array(bytes[..<cut])
            #expect((try? Self.read(short, chunkBytes: 256).get()) == nil)
            Self.expectSameInChunks(short, "cut at \(cut)")
        }
        // Blanks (254) in a number late in the file.
        var wrong = bytes
        if let k = (headerEnd..<(wrong.count - 8)).reversed().first(where: { wrong[$0] == 101 }) { wrong[k] = 254 }
        #expect((try? Self.read(wrong, chunkBytes: 256).get()) == nil)
        Self.expectSameInChunks(wrong, "wrong code")
        // A header that declares fewer cases than the data holds.
        var fewer = bytes
        let declared = Int32(count - 100)
        withUnsafeBytes(of: declared.littleEndian) { fewer.replaceSubrange(80..<84, with: $0) }
        #expect(Self.read(fewer, chunkBytes: 256) == .failure(.caseCountMismatch(declared: count - 100, found: count)))
        Self.expectSameInChunks(fewer, "fewer declared")
    }
}
