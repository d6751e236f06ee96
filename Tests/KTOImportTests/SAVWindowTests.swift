import Foundation
import Testing
@testable import KTOImport

/// A .sav file is read from disk through a window (`SAVFileWindow`) that slides on as the cases
/// are decoded. Read through windows down to 64 bytes (every group of codes and raw value then
/// straddles a window's end somewhere), every file gives the same table, or the same error, as
/// the same bytes read from memory.
@Suite("SAV reader: through a window on the file")
struct SAVWindowTests {
    /// A file of its own in a fresh folder.
    static func file(_ bytes: [UInt8], name: String = "test.sav") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kto-savwindow-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Removes the folder `file` made for `path`.
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    static func fromMemory(_ bytes: [UInt8], chunkBytes: Int = SAVReader.Limits.defaultChunkBytes) -> Result<DataTable, SAVError.Kind> {
        SAVChunkTests.read(bytes, chunkBytes: chunkBytes)
    }

    static func fromFile(_ path: String, window: Int, chunkBytes: Int = SAVReader.Limits.defaultChunkBytes) -> Result<DataTable, SAVError.Kind> {
        Result { () throws(SAVError) -> DataTable in
            try SAVReader.read(path: path, displayName: "test.sav", window: window, chunkBytes: chunkBytes)
        }.mapError(\.kind)
    }

    static func expectSameThroughWindows(_ bytes: [UInt8], _ comment: Comment) throws {
        let path = try file(bytes)
        defer { remove(path) }
        let memory = fromMemory(bytes)
        for window in [64, 100, 333, 1001, 2053, 4096, 4099, SAVFileWindow.defaultCapacity] {
            #expect(SAVChunkTests.same(fromFile(path, window: window), memory), "\(comment), window \(window)")
            #expect(SAVChunkTests.same(fromFile(path, window: window, chunkBytes: 256), memory), "\(comment), window \(window), chunks")
        }
    }

    @Test(arguments: SAVReaderTests.files + [
        "hostile-bad-record.sav", "hostile-corrupt-zlib.zsav", "hostile-flipped-bytecode.sav", "hostile-huge-count.sav",
        "hostile-truncated-data.sav",
    ])
    func fixtures(file: String) throws {
        let bytes = SAVFixtures.bytes(file)
        #expect(!bytes.isEmpty)
        try Self.expectSameThroughWindows(bytes, "\(file)")
    }

    @Test(arguments: [Int32(0), 1])
    func generatedFiles(compression: Int32) throws {
        let (bytes, headerEnd) = SAVTestFile.generated(compression: compression)
        let good = try Self.fromMemory(bytes).get()
        #expect(good.rowCount == 5000)
        try Self.expectSameThroughWindows(bytes, "good")
        // The same data through a small window (and its cells checked, not only compared).
        let path = try Self.file(bytes)
        defer { Self.remove(path) }
        let windowed = try Self.fromFile(path, window: 100).get()
        #expect(windowed.columns[0].cells[4321] == .number(2.5) && windowed.columns[2].cells[1] == .text("r1"))
        #expect(windowed.columns[1].cells[4999] == .number(Double(4999 % 150)) && windowed.columns[2].cells[3] == .empty)
        // Cut short at several places (inside groups and raw values, and between them).
        for cut in [headerEnd + 100, bytes.count / 2, bytes.count / 2 + 3, bytes.count - 20, bytes.count - 9] {
            let short = Array(bytes[..<cut])
            #expect((try? Self.fromMemory(short).get()) == nil)
            try Self.expectSameThroughWindows(short, "cut at \(cut)")
        }
        // A wrong code late in the file (bytecode), and more cases than the header says.
        if compression == 1 {
            var wrong = bytes
            if let k = (headerEnd..<(wrong.count - 8)).reversed().first(where: { wrong[$0] == 101 }) { wrong[k] = 254 }
            #expect((try? Self.fromMemory(wrong).get()) == nil)
            try Self.expectSameThroughWindows(wrong, "wrong code")
        }
        var fewer = bytes
        withUnsafeBytes(of: Int32(4900).littleEndian) { fewer.replaceSubrange(80..<84, with: $0) }
        #expect(Self.fromMemory(fewer) == .failure(.caseCountMismatch(declared: 4900, found: 5000)))
        try Self.expectSameThroughWindows(fewer, "fewer declared")
    }

    /// The window really slides: a bytecode file much larger than the window is read with the
    /// window at its first size, and a dictionary larger than the window makes it take in the
    /// whole file instead.
    @Test func windowStaysSmall() throws {
        let (bytes, headerEnd) = SAVTestFile.generated(compression: 1)
        let path = try Self.file(bytes)
        defer { Self.remove(path) }
        let window = try #require(SAVFileWindow(path: path, capacity: 4096))
        #expect(!window.atEnd && headerEnd < 4096)
        let dict = try SAVReader.readDictionary(window.bytes)
        #expect(SAVReader.readsThroughWindow(dict, fileSize: window.end))
        let table = try SAVReader.readTable(window.bytes, window: window, displayName: "test.sav", maxCells: SAVReader.defaultMaxCells)
        #expect(SAVChunkTests.same(.success(table), Self.fromMemory(bytes)))
        #expect(window.capacity == 4096 && window.atEnd)
        // A header that declares no count: the values must be counted first, over the whole
        // file, so the window takes it all in; the table is the same.
        var undeclared = bytes
        withUnsafeBytes(of: Int32(-1).littleEndian) { undeclared.replaceSubrange(80..<84, with: $0) }
        let undeclaredDict = try undeclared.withUnsafeBufferPointer { (b) throws(SAVError.Kind) in try SAVReader.readDictionary(b) }
        #expect(!SAVReader.readsThroughWindow(undeclaredDict, fileSize: undeclared.count))
        let undeclaredPath = try Self.file(undeclared)
        defer { Self.remove(undeclaredPath) }
        #expect(SAVChunkTests.same(Self.fromFile(undeclaredPath, window: 4096), Self.fromMemory(undeclared)))
        #expect((try? Self.fromFile(undeclaredPath, window: 4096).get())?.rowCount == 5000)
    }

    /// A file that shrinks while it is read (rewritten in place, a network share that fails)
    /// ends as the same message as those bytes read from memory, never as a crash.
    @Test(arguments: [Int32(0), 1])
    func fileShrinksWhileRead(compression: Int32) throws {
        let (bytes, _) = SAVTestFile.generated(compression: compression)
        for cut in [bytes.count * 3 / 4, bytes.count * 3 / 4 + 5, bytes.count - 1] {
            let path = try Self.file(bytes)
            defer { Self.remove(path) }
            let window = try #require(SAVFileWindow(path: path, capacity: 1000))
            let dict = try SAVReader.readDictionary(window.bytes)
            #expect(SAVReader.readsThroughWindow(dict, fileSize: window.end))
            #expect(truncate(path, off_t(cut)) == 0)
            let shrunk = Result { () throws(SAVError.Kind) -> DataTable in
                try SAVReader.readTable(window.bytes, window: window, displayName: "test.sav", maxCells: SAVReader.defaultMaxCells)
            }
            #expect((try? shrunk.get()) == nil, "cut at \(cut)")
            if compression == 0 {
                // The rows were counted from the size the file had: it now ends early.
                #expect(shrunk == .failure(.truncated(offset: cut)), "cut at \(cut)")
            } else {
                // The same message as the cut bytes from memory, as long as their declared
                // count still looks plausible there (it does at these cuts).
                let short = Array(bytes[..<cut])
                #expect(SAVReader.readsThroughWindow(dict, fileSize: cut))
                #expect(SAVChunkTests.same(shrunk, Self.fromMemory(short)), "cut at \(cut)")
            }
        }
    }
}
