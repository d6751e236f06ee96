import Foundation

/// A byte buffer at a fixed address, freed with its last owner.
final class ByteStorage: @unchecked Sendable {
    // Written only during init, so sharing across threads is safe.
    let base: UnsafeMutablePointer<UInt8>
    let count: Int

    /// An allocation of `count` bytes, zero-filled.
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: 0, count: max(count, 1))
    }

    /// An allocation of `count` bytes left unset, for a caller that fills every byte before
    /// anyone reads them (zero-filling 140 MB first would be a pass over memory for nothing).
    private init(unsetCount count: Int) {
        self.count = count
        base = .allocate(capacity: max(count, 1))
        HugePages.advise(UnsafeMutableRawPointer(base), bytes: count)
    }

    convenience init(copying bytes: [UInt8]) {
        self.init(count: bytes.count)
        bytes.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { base.update(from: from, count: source.count) }
        }
    }

    /// All bytes.
    var all: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    deinit { base.deallocate() }

    /// The contents of the regular file at `path`; nil when it cannot be opened or read, is not
    /// a regular file, or changes size while it is read.
    ///
    /// Read, not mapped: a mapping is about a tenth faster for a large export, but a file that
    /// shrinks while mapped (rewritten in place by another program, a network share that fails)
    /// ends the process with SIGBUS instead of an error message.
    static func contents(ofFile path: String) -> ByteStorage? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return ByteStorage(count: 0) }
        let storage = ByteStorage(unsetCount: size)
        var done = 0
        while done < size {
            let got = read(fd, storage.base + done, size - done)
            if got < 0 && errno == EINTR { continue }
            // A short file (truncated since fstat) or a read error: no partly unset buffer escapes.
            guard got > 0 else { return nil }
            done += got
        }
        return storage
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
