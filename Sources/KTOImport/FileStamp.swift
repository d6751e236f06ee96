import Foundation

/// What `stat(2)` says of a file that changes when its content does: device, inode, size,
/// modification and status-change times. The status-change time (ctime) cannot be set back by a
/// user, so an equal stamp means the file was not written since. The loader compares an
/// export's stamp before and after reading it (`SourceText.checkUnchanged`); the output folder
/// knows its earlier report's files by their stamps (`OutputFolder.stamped`).
package struct FileStamp: Equatable, Sendable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int
    package var modified: [Int]
    package var changed: [Int]

    package init(device: UInt64, inode: UInt64, size: Int, modified: [Int], changed: [Int]) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The stamp of `stat` or `fstat`'s answer.
    package init(_ info: stat) {
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size),
            modified: [Int(modified.tv_sec), Int(modified.tv_nsec)],
            changed: [Int(changed.tv_sec), Int(changed.tv_nsec)])
    }

    /// The stamp of the file at `path`; nil where it cannot be stat'ed.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
