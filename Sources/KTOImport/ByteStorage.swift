import Foundation

/// A byte buffer at a fixed address, freed (or unmapped) with its last owner.
///
/// A file's bytes are mapped read-only rather than read: the kernel hands over the pages of its
/// page cache, so there is no zeroed buffer to fault in and no copy (for a 71 MB export that was
/// about a tenth of the whole read). The mapping is private and never written to.
final class ByteStorage: @unchecked Sendable {
    // Written only during init (or, for a mapping, never), so sharing across threads is safe.
    let base: UnsafeMutablePointer<UInt8>
    let count: Int
    /// Bytes mapped at `base` (0: an allocation of our own).
    private let mappedLength: Int

    /// An allocation of `count` bytes, zero-filled.
    init(count: Int) {
        self.count = count
        mappedLength = 0
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    convenience init(copying bytes: [UInt8]) {
        self.init(count: bytes.count)
        bytes.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { base.update(from: from, count: source.count) }
        }
    }

    private init(mapped base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        mappedLength = count
    }

    /// All bytes.
    var all: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    deinit {
        if mappedLength > 0 {
            munmap(base, mappedLength)
        } else {
            base.deallocate()
        }
    }

    /// The contents of the regular file at `path`; nil when it cannot be opened or read, or is
    /// not a regular file.
    static func contents(ofFile path: String) -> ByteStorage? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return ByteStorage(count: 0) }
        if let mapped = mapping(fd, size: size) { return mapped }
        // Not mappable (some file systems): read it.
        let storage = ByteStorage(count: size)
        var done = 0
        while done < size {
            let got = read(fd, storage.base + done, size - done)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return storage
    }

    /// The file mapped read-only, its pages populated up front (one call instead of a fault per
    /// few pages while parsing).
    private static func mapping(_ fd: Int32, size: Int) -> ByteStorage? {
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, fd, 0), address != MAP_FAILED else { return nil }
        return ByteStorage(mapped: address.assumingMemoryBound(to: UInt8.self), count: size)
    }
}
