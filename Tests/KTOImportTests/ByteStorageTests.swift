import Foundation
import Testing
@testable import KTOImport

/// Reading a file goes through `ByteStorage.contents(ofFile:)` (one `read` loop into a buffer
/// that is not zero-filled first): every byte must arrive, for any size.
@Suite("Byte storage: reading a file")
struct ByteStorageTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "kto-bytestorage-\(UUID().uuidString).bin"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 7, 4096, 65_537, 1_000_003])
    func everyByteArrives(_ size: Int) throws {
        // Deterministic bytes of every value, so a missed or zeroed stretch would show.
        var state: UInt32 = 2_463_534_242
        let bytes = (0..<size).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let storage = try #require(ByteStorage.contents(ofFile: path))
        #expect(storage.count == size)
        #expect(Array(storage.all) == bytes)
        // In pieces on several threads (pieces of at least 1,000 bytes here): the same bytes.
        for threads in [2, 3, 5, 16] {
            let pieces = try #require(ByteStorage.contents(ofFile: path, threads: threads, minimumPart: 1000))
            #expect(Array(pieces.all) == bytes, "\(threads) threads")
        }
    }

    @Test func notARegularFileIsNil() {
        #expect(ByteStorage.contents(ofFile: NSTemporaryDirectory()) == nil)
        #expect(ByteStorage.contents(ofFile: "/nonexistent/kto.csv") == nil)
    }

    @Test func aCSVFileReadsLikeItsBytes() throws {
        let text = "a;b\n" + String(repeating: "1;22\n7,0;\n", count: 5_000)
        let path = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try SourceText(contentsOf: path)
        let fromBytes = try SourceText(bytes: Array(text.utf8), file: path)
        #expect(Array(fromFile.bytes) == Array(fromBytes.bytes))
    }
}
