import Foundation

/// A byte buffer at a fixed address, freed with its last owner.
final class ByteStorage: @unchecked Sendable {
    // Written only during init, so sharing across threads is safe.
    let base: UnsafeMutablePointer<UInt8>
    let count: Int
    /// The file the bytes were read from and its stamp when it was opened; set by
    /// `contents(ofFile:)` before the storage is handed out, never after.
    private(set) var origin: (path: String, stamp: FileStamp)?
    /// The memory behind `base`, which a later buffer may take over (`ByteReserve`).
    fileprivate let memory: Memory

    /// An allocation of `count` bytes, zero-filled.
    init(count: Int) {
        self.count = count
        memory = Memory(capacity: max(count, 1))
        base = memory.base
        base.initialize(repeating: 0, count: max(count, 1))
    }

    /// An allocation of `count` bytes left unset, for a caller that fills every byte before
    /// anyone reads them (zero-filling 140 MB first would be a pass over memory for nothing);
    /// `slack` more bytes of room, so that a slightly larger file can reuse it.
    fileprivate init(unsetCount count: Int, slack: Int = 0) {
        self.count = count
        memory = Memory(capacity: max(count + slack, 1))
        base = memory.base
    }

    /// `count` bytes, left unset, in `memory`'s room.
    fileprivate init(unsetCount count: Int, in memory: Memory) {
        self.count = count
        self.memory = memory
        base = memory.base
    }

    /// A file's bytes mapped in place (`FileMapping`), unmapped with this buffer.
    private init(mapping: FileMapping) {
        count = mapping.count
        memory = Memory(mapping: mapping)
        base = memory.base
    }

    /// Whether these are a mapped file's bytes and the file was shorter than them when they
    /// were read (`FileMapping.wasCutShort`): the bytes from there on are zeros, not the file's.
    var wasCutShort: Bool { memory.mapping?.wasCutShort ?? false }

    /// Whether these are a mapped file's bytes.
    var isMapped: Bool { memory.mapping != nil }

    /// An allocation, freed with the last buffer that uses it; or a file's mapping.
    fileprivate final class Memory: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        /// Set for a mapped file: read-only pages, never taken over by `ByteReserve`.
        let mapping: FileMapping?

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
            mapping = nil
        }

        init(mapping: FileMapping) {
            capacity = mapping.count
            base = mapping.base
            self.mapping = mapping
        }

        deinit { if mapping == nil { base.deallocate() } }
    }

    convenience init(copying bytes: [UInt8]) {
        self.init(count: bytes.count)
        bytes.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { base.update(from: from, count: source.count) }
        }
    }

    /// `bytes` made from `file`'s bytes (a transcoding), still known by that file's origin.
    convenience init(copying bytes: [UInt8], madeFrom file: ByteStorage) {
        self.init(copying: bytes)
        origin = file.origin
    }

    /// All bytes.
    var all: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Bytes of a fresh buffer faulted in at a time, just before they are read into.
    static let populateBlock = 1 << 20

    /// Smallest share of a file worth a thread of its own when it is read.
    static let minimumReadPart = 4 << 20

    /// The contents of the regular file at `path`; nil when it cannot be opened or read, is not
    /// a regular file, or changes size while it is read.
    ///
    /// With `mapping`, a file of `FileMapping.minimumBytes` or more is mapped instead of read
    /// (where the system can): its reader must then ask `fileChanged` once it has read what it
    /// needs, since a file cut short by another program while mapped reads as zeros from there.
    /// Either way the storage keeps the file's stamp from when it was opened (`origin`).
    ///
    /// A large file is read in up to `threads` pieces at once (`pread`): copying the bytes and
    /// faulting in the fresh pages they go to is kernel work on the reading thread, a fifth of
    /// a large export's read when done on one core.
    ///
    /// On 4 KB pages: 2 MB pages (`HugePages`), measured on the 1M study's CSV exports read in
    /// pieces on two cores, gave no better median and a worse tail (the kernel now and then
    /// stalls to compact memory: 0.28-0.64 s against 0.30-0.48 s for the read of both metingen
    /// over ten fresh processes).
    /// - Parameter reserve: where a large file's buffer may come from, and is left for the next.
    static func contents(
        ofFile path: String, threads: Int = 1, minimumPart: Int = minimumReadPart, reserve: ByteReserve? = nil, mapping: Bool = false
    ) -> ByteStorage? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return ByteStorage(count: 0) }
        if mapping && size >= FileMapping.minimumBytes, let mapped = FileMapping(fd: fd, count: size) {
            let storage = ByteStorage(mapping: mapped)
            storage.origin = (path, FileStamp(info))
            return storage
        }
        let reserved = size >= ByteReserve.minimumBytes ? reserve?.storage(count: size) : nil
        let (storage, fresh) = reserved ?? (ByteStorage(unsetCount: size), true)
        let pieces = max(1, min(threads, size / max(1, minimumPart), 16))
        let complete = concurrentMap(pieces) { k -> Bool in
            let base = storage.base
            let start = size * k / pieces
            let end = size * (k + 1) / pieces
            var done = start
            // Fresh pages a block at a time just before the copy into them (not one fault per
            // page during it, nor the whole piece at once, whose zeroed lines would be out of
            // the cache again before the copy overwrites them).
            var populated = fresh ? start : end
            while done < end {
                if done == populated {
                    let block = min(Self.populateBlock, end - populated)
                    Prefault.populate(base + populated, bytes: block)
                    populated += block
                }
                let got = pread(fd, base + done, populated - done, off_t(done))
                if got < 0 && errno == EINTR { continue }
                // A short file (truncated since fstat) or a read error.
                guard got > 0 else { break }
                done += got
            }
            return done == end
        }
        // No partly unset buffer escapes.
        guard complete.allSatisfy({ $0 }) else { return nil }
        storage.origin = (path, FileStamp(info))
        return storage
    }

    /// Whether the file these bytes came from was written, replaced or cut short since it was
    /// opened (its stamp is another now, or it is gone), or was cut short while it was mapped.
    var fileChanged: Bool {
        if wasCutShort { return true }
        guard let origin else { return false }
        return FileStamp(path: origin.path) != origin.stamp
    }

    /// Takes the pages of `range` out of this process's memory where these are a mapped file's
    /// bytes that a reader is done with; the file system keeps them cached, and a later read of
    /// the range maps them again (so this changes no byte, only the peak memory: at 1M
    /// respondents the export being read was a third of it). No-op for read buffers, which hold
    /// the only copy. Only whole pages inside `range` go.
    func releasePages(_ range: Range<Int>) {
        #if os(Linux)
        guard isMapped, range.lowerBound >= 0, range.upperBound <= count else { return }
        let page = 4096
        let start = (Int(bitPattern: base) + range.lowerBound + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + range.upperBound) & ~(page - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_DONTNEED)
        #endif
    }

    /// The first `count` bytes of the regular file at `path` (fewer if it is shorter); nil when
    /// it cannot be opened or read, or is not a regular file.
    static func head(ofFile path: String, count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(done)) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            done += got
        }
        return Array(bytes[..<done])
    }

    /// Why `contents(ofFile:)` gave nothing, in the words of kto's messages: the same reasons
    /// whichever reader opened the file.
    static func unreadableReason(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "bestand bestaat niet" }
        if isDirectory.boolValue { return "dit is een map, geen bestand" }
        if !FileManager.default.isReadableFile(atPath: path) { return "geen leesrechten" }
        return "leesfout"
    }
}

/// The buffer of the last large file read, for the next one to reuse its memory: pages
/// already handed out by the kernel, where a fresh buffer would have every page faulted in
/// and zeroed again (a fifth of a large export's read). A file reuses it only when nothing
/// else holds it any more (the text, records and messages of that file are gone) and it is
/// large enough; otherwise a fresh buffer is made. For one thread at a time (the loader
/// reads large metingen one after the other).
package final class ByteReserve: @unchecked Sendable {
    /// Smaller files take fresh memory: there is little to save.
    static let minimumBytes = 4 << 20

    var last: ByteStorage?
    /// Buffers made in an earlier buffer's memory (for tests).
    package private(set) var reuses = 0

    package init() {}

    /// Storage for `count` bytes, left unset: the last buffer's memory when that can be
    /// taken over (`fresh` false), else a fresh allocation with room for a file up to an eighth
    /// larger.
    func storage(count: Int) -> (storage: ByteStorage, fresh: Bool) {
        var taken: ByteStorage?
        if var previous = last {
            last = nil
            if isKnownUniquelyReferenced(&previous), previous.memory.mapping == nil, previous.memory.capacity >= count {
                taken = ByteStorage(unsetCount: count, in: previous.memory)
                reuses += 1
            }
        }
        let storage = taken ?? ByteStorage(unsetCount: count, slack: count / 8)
        last = storage
        return (storage, taken == nil)
    }
}
