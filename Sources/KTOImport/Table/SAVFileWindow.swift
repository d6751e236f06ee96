import Foundation

/// A .sav file read through a window of a few megabytes as its cases are decoded, instead of
/// the whole file into memory first.
///
/// A whole 80 MB file is 80 MB of fresh pages for the kernel to hand out (and, with 2 MB pages,
/// now and then to compact memory for): most of a fresh process's read. The window is one
/// buffer, reused. Read with `pread`, not mapped, so a file that shrinks while it is read (a
/// rewrite in place, a failing network share) ends as a "truncated" message at the place it
/// ends, never as SIGBUS.
///
/// Used by one thread at a time (the decoder's), hence `@unchecked Sendable`.
final class SAVFileWindow: @unchecked Sendable {
    /// The default size: the dictionary of nearly every file fits in it, and so does the whole
    /// of a small file (one read, as before).
    static let defaultCapacity = 4 << 20

    private let fd: Int32
    /// Where the file ends: its size when opened, or where a read met the end earlier (the file
    /// shrank).
    private(set) var end: Int
    private var buffer: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// The file offset of the window's first byte.
    private(set) var offset = 0
    /// The bytes in the window.
    private(set) var count = 0

    /// Opens the regular file at `path` and reads its first `capacity` bytes; nil when it
    /// cannot be opened, is not a regular file, or the first read fails.
    init?(path: String, capacity: Int = defaultCapacity) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        self.fd = fd
        end = Int(info.st_size)
        self.capacity = max(capacity, 64)
        buffer = .allocate(capacity: self.capacity)
        do {
            try fill()
        } catch {
            return nil
        }
    }

    deinit {
        close(fd)
        buffer.deallocate()
    }

    /// The window's bytes.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: count) }

    /// Whether the window reaches the end of the file.
    var atEnd: Bool { offset + count == end }

    /// Drops the window's bytes before `keep` (they are used up), moves the rest to the front,
    /// and reads on until the window holds `need` bytes, is full, or reaches the end of the
    /// file; the window grows when `need` is more than it holds. `need: .max` reads the whole
    /// rest of the file.
    /// - Throws: `.unreadableFile` when a read fails.
    func slide(keeping keep: Int, need: Int = 0) throws(SAVError.Kind) {
        let keep = min(max(keep, 0), count)
        let rest = count - keep
        let wanted = min(need, end - offset - keep)
        if wanted > capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
            bigger.update(from: buffer + keep, count: rest)
            buffer.deallocate()
            buffer = bigger
            capacity = wanted
        } else if rest > 0 && keep > 0 {
            memmove(buffer, buffer + keep, rest)
        }
        offset += keep
        count = rest
        try fill()
    }

    /// Reads until the window is full or at the end of the file.
    private func fill() throws(SAVError.Kind) {
        while count < capacity && offset + count < end {
            let got = pread(fd, buffer + count, min(capacity - count, end - offset - count), off_t(offset + count))
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw .unreadableFile(reason: "leesfout") }
            // The file shrank since it was opened: it ends here.
            if got == 0 {
                end = offset + count
                break
            }
            count += got
        }
    }
}
