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

    /// 3,000,017 bytes: a fresh buffer faulted in and read a block (`populateBlock`) at a time,
    /// the last block short, in one piece and in several.
    @Test(arguments: [0, 1, 7, 4096, 65_537, 1_000_003, 3_000_017])
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

    /// Bytes no generator would repeat by chance, `size` of them.
    static func bytes(_ size: Int, seed: UInt32) -> [UInt8] {
        var state = seed
        return (0..<size).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        }
    }

    /// A large file's buffer goes into the memory of the one before once nothing holds that
    /// one; while something does, or when the new file does not fit, a fresh buffer is made and
    /// the old bytes stay as they were.
    @Test func aReserveReusesOnlyAFreeBufferThatFits() throws {
        let size = ByteReserve.minimumBytes + 1000
        let first = Self.bytes(size, seed: 1)
        let second = Self.bytes(size + size / 16, seed: 2)  // within the eighth of room
        let third = Self.bytes(size * 2, seed: 3)           // too large for it
        let paths = try [first, second, third].map(Self.temporaryFile)
        defer { for path in paths { try? FileManager.default.removeItem(atPath: path) } }
        let reserve = ByteReserve()

        var held = try #require(ByteStorage.contents(ofFile: paths[0], threads: 2, reserve: reserve))
        let firstBase = held.base
        // The first buffer is still held: the second file gets fresh memory.
        let fresh = try #require(ByteStorage.contents(ofFile: paths[1], threads: 2, reserve: reserve))
        #expect(fresh.base != firstBase && reserve.reuses == 0)
        #expect(Array(held.all) == first && Array(fresh.all) == second)
        // Nothing holds the second buffer any more: the first file again goes into its memory.
        let freshBase = fresh.base
        _ = consume fresh
        held = try #require(ByteStorage.contents(ofFile: paths[0], threads: 2, reserve: reserve))
        #expect(held.base == freshBase && reserve.reuses == 1)
        #expect(Array(held.all) == first)
        // Twice the size does not fit: fresh memory (the allocator may well hand out the
        // address just freed), right bytes.
        _ = consume held
        let large = try #require(ByteStorage.contents(ofFile: paths[2], threads: 2, reserve: reserve))
        #expect(reserve.reuses == 1)
        #expect(Array(large.all) == third)
        // A small file does not touch the reserve.
        let small = try Self.temporaryFile(Self.bytes(1000, seed: 4))
        defer { try? FileManager.default.removeItem(atPath: small) }
        _ = try #require(ByteStorage.contents(ofFile: small, reserve: reserve))
        #expect(reserve.last === large)
    }

    /// Faulting pages in ahead (`Prefault`) is advice: whatever a buffer holds, in the range and
    /// around it, stays as it was, for any start and length (whole pages inside, parts of pages
    /// at the ends, below the minimum).
    @Test func prefaultingChangesNoByte() {
        let size = 1 << 20
        let pattern = Self.bytes(size, seed: 5)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { buffer.deallocate() }
        buffer.initialize(from: pattern, count: size)
        for (start, bytes) in [(0, size), (1, size - 1), (4095, 100_000), (12_345, Prefault.minimumBytes - 1), (size - 70_000, 70_000), (500, 0)] {
            Prefault.populate(buffer + start, bytes: bytes)
            #expect(Array(UnsafeBufferPointer(start: buffer, count: size)) == pattern, "start \(start), \(bytes) bytes")
        }
        // Fresh memory populated first reads back what is then written into it.
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        defer { fresh.deallocate() }
        Prefault.populate(fresh, bytes: size)
        fresh.initialize(from: pattern, count: size)
        #expect(Array(UnsafeBufferPointer(start: fresh, count: size)) == pattern)
    }

    /// A filled array is `count` copies whatever the advice (none, 2 MB pages, pages faulted in).
    @Test func aFilledArrayHoldsItsCopies() {
        for count in [0, 1, 4096, 3_000_000] {
            #expect([UInt32].filled(repeating: 7, count: count, advising: { _, _ in }) == [UInt32](repeating: 7, count: count))
            #expect([UInt32].filled(repeating: 7, count: count, advising: Prefault.populate) == [UInt32](repeating: 7, count: count))
            #expect(HugePages.array(repeating: -1.5, count: count) == [Double](repeating: -1.5, count: count))
        }
    }

    /// A large file is mapped when asked (and only then, and only a large one): the same bytes.
    /// When another program cuts the file short while it is mapped, reading past the cut does
    /// not end the process: the bytes from there read as zeros and the storage says it was cut
    /// short, so that its reader can stop with a message (`SourceText.checkUnchanged`).
    #if os(Linux)
    @Test func aMappedFileCutShortReadsAsZerosAndSaysSo() throws {
        let size = FileMapping.minimumBytes + 123_457
        let bytes = Self.bytes(size, seed: 6)
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try #require(ByteStorage.contents(ofFile: path, threads: 2)).isMapped == false)
        let storage = try #require(ByteStorage.contents(ofFile: path, threads: 2, mapping: true))
        #expect(storage.isMapped)
        #expect(Array(storage.all) == bytes && !storage.wasCutShort)
        let other = try #require(ByteStorage.contents(ofFile: path, mapping: true))

        // Cut inside a page: the rest of that page is the kernel's zeros, the pages after it
        // the guard's.
        let cut = (1 << 20) + 100
        #expect(truncate(path, off_t(cut)) == 0)
        let after = Array(storage.all)
        #expect(storage.wasCutShort)
        #expect(Array(after[..<cut]) == Array(bytes[..<cut]))
        #expect(after[cut...].allSatisfy { $0 == 0 })
        // Only the mapping that was read past the cut is marked.
        #expect(!other.wasCutShort)
        #expect(other.all[size - 1] == 0 && other.wasCutShort)
        // An address in no mapping is not the guard's.
        var local = 0
        #expect(!BusErrorGuard.shared.absorb(withUnsafeMutablePointer(to: &local) { Int(bitPattern: $0) }))

        // A small file is read, even when mapping is asked for.
        let small = try Self.temporaryFile(Self.bytes(FileMapping.minimumBytes - 1, seed: 7))
        defer { try? FileManager.default.removeItem(atPath: small) }
        #expect(try #require(ByteStorage.contents(ofFile: small, mapping: true)).isMapped == false)
    }
    #endif

    #if os(Linux)
    /// A mapped file's pages that a reader is done with leave the process's memory (the mapping's
    /// resident size in /proc/self/smaps falls to the pages outside the range), and reading them
    /// again gives the same bytes. A read buffer keeps its bytes: it holds the only copy.
    @Test func releasedPagesLeaveMemoryAndReadTheSame() throws {
        let size = FileMapping.minimumBytes + 123_457
        let bytes = Self.bytes(size, seed: 8)
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let storage = try #require(ByteStorage.contents(ofFile: path, mapping: true))
        #expect(storage.isMapped)
        #expect(Array(storage.all) == bytes)
        let touched = try #require(Self.residentKiB(of: storage.base))
        #expect(touched >= size / 1024 - 4)
        // All but the first 10,000 and last 5,000 bytes: the pages wholly inside go.
        storage.releasePages(10_000 ..< size - 5_000)
        let left = try #require(Self.residentKiB(of: storage.base))
        #expect(left <= 4 * 4 + 8)
        #expect(Array(storage.all) == bytes)
        #expect(try #require(Self.residentKiB(of: storage.base)) >= size / 1024 - 4)

        let read = try #require(ByteStorage.contents(ofFile: path))
        #expect(!read.isMapped)
        read.releasePages(0 ..< size)
        #expect(Array(read.all) == bytes)
    }

    /// The resident size of the mapping that starts at `base`, from /proc/self/smaps.
    static func residentKiB(of base: UnsafeMutablePointer<UInt8>) -> Int? {
        // Read with `read` until it returns 0: a /proc file has no size to read up to, and
        // `FileManager.contents(atPath:)` (enough for /proc/self/mountinfo in `OutputFolder`)
        // does not give this mapping's entry of smaps.
        let fd = open("/proc/self/smaps", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard got > 0 else { break }
            data += chunk[..<got]
        }
        let smaps = String(decoding: data, as: UTF8.self)
        let start = String(UInt(bitPattern: Int(bitPattern: base)), radix: 16)
        var inside = false
        for line in smaps.split(separator: "\n") {
            if let dash = line.firstIndex(of: "-"), line[..<dash].allSatisfy(\.isHexDigit) {
                inside = line[..<dash].drop { $0 == "0" } == start[...]
            } else if inside, line.hasPrefix("Rss:") {
                return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            }
        }
        return nil
    }
    #endif

    /// What is freed in the background is freed once, on another thread, even when the caller
    /// still runs when the job does.
    @Test func freedInTheBackgroundOnAnotherThread() {
        final class Watched {
            let done: DispatchSemaphore
            let freedOn: UnsafeMutablePointer<pthread_t>
            init(_ done: DispatchSemaphore, _ freedOn: UnsafeMutablePointer<pthread_t>) { self.done = done; self.freedOn = freedOn }
            deinit { freedOn.pointee = pthread_self(); done.signal() }
        }
        let freedOn = UnsafeMutablePointer<pthread_t>.allocate(capacity: 1)
        defer { freedOn.deallocate() }
        for _ in 0..<20 {
            let done = DispatchSemaphore(value: 0)
            freedOn.pointee = pthread_self()
            freeInBackground([Watched(done, freedOn)])
            #expect(done.wait(timeout: .now() + 10) == .success)
            #expect(pthread_equal(freedOn.pointee, pthread_self()) == 0)
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
