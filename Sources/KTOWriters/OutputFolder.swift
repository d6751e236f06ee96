import Foundation
import KTOAnalysis
import KTOImport

/// Writes a report folder atomically: files go to a temporary sibling folder, which replaces the
/// target only when every file is written. A failed run leaves the previous report as it was.
///
/// kto never deletes or changes what it did not write: a folder is replaced only when it is new,
/// empty, or a report folder kto wrote earlier whose files are all still as kto wrote them (the
/// manifest `.kto-rapport` lists each file with its size and CRC-32). `check(protecting:)` says
/// why a folder may not be used; `write` checks again just before it replaces anything.
public struct OutputFolder: Sendable {
    public var path: String
    /// Seconds a file must be unchanged before a check trusts its stamp for the next check. File
    /// times advance in clock ticks of a few milliseconds, so a file written in the same tick as
    /// a later change could keep its ctime; such recent files are read again (as git does with
    /// "racily clean" files).
    var settledAfter = 2

    public init(path: String) { self.path = path }

    /// The manifest kto writes into every report folder.
    public static let manifestName = ".kto-rapport"
    /// Beside it, each file's stamp when kto wrote it: a later check knows an unchanged file by
    /// its stamp instead of reading it. Of this disk only, so not part of the manifest.
    public static let stampsName = ".kto-stempels"

    /// A problem writing the output.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): kan niet schrijven: \(reason)" }
    }

    /// Throws when kto may not write a report at `path`: see `OutputRefusal`.
    /// - Parameters:
    ///   - inputs: every file the study reads (study file, codebook, data, coding, benchmarks…).
    ///   - home: the user's home folder.
    /// - Returns: what was found unchanged, so that `write` can check again without reading
    ///   every file a second time.
    @discardableResult
    public func check(
        protecting inputs: [String], home: String = NSHomeDirectory(), after earlier: Inspection? = nil
    ) throws(OutputRefusal) -> Inspection {
        let target = Self.canonical(path)
        if target == "/" { throw .root(path: path) }
        if !home.isEmpty, target == Self.canonical(home) { throw .home(path: path) }
        for input in inputs {
            let file = Self.canonical(input)
            if file == target || file.hasPrefix(target == "/" ? "/" : target + "/") {
                throw .holdsInput(path: path, input: input)
            }
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target, isDirectory: &isDirectory) else { return Inspection() }
        guard isDirectory.boolValue else { throw .isAFile(path: path) }
        let contents = (try? fm.subpathsOfDirectory(atPath: target)) ?? []
        if contents.isEmpty { return Inspection() }
        guard let manifest = Manifest.read(folder: target) else {
            throw .notAReportFolder(path: path, examples: Array(contents.sorted().prefix(5)), count: contents.count)
        }
        var foreign: [String] = []
        var listed: [(sub: String, entry: Manifest.Entry)] = []
        for sub in contents.sorted() where sub != Self.manifestName {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: target + "/" + sub, isDirectory: &isDir)
            // kto's stamps beside the manifest: a file of that name only (a folder is foreign).
            if sub == Self.stampsName && !isDir.boolValue { continue }
            if isDir.boolValue {
                if !manifest.entries.keys.contains(where: { $0.hasPrefix(sub + "/") }) { foreign.append(sub + "/") }
                continue
            }
            guard let entry = manifest.entries[sub] else { foreign.append(sub); continue }
            listed.append((sub, entry))
        }
        // The files are read and checksummed on all cores; the list stays in name order. A file
        // an earlier check of this run found unchanged is not read again while its stamp is the
        // same (any write since would have changed its ctime).
        let files = listed
        // Per file: its stamp when unchanged (nil: changed or gone), and whether it was read.
        let found = parallelMap(files.count) { k -> (stamp: FileStamp?, read: Bool) in
            let file = target + "/" + files[k].sub
            guard let stamp = FileStamp(path: file) else { return (nil, false) }
            let entry = files[k].entry
            if let known = earlier?.unchanged[file], known.stamp == stamp, known.crc == entry.crc, stamp.size == entry.size { return (stamp, false) }
            // The stamp kto noted when it wrote the file: the same stamp, the same content.
            if let noted = entry.stamp, noted == stamp, stamp.size == entry.size { return (stamp, false) }
            guard stamp.size == entry.size, let read = Self.checksum(ofFile: file) else { return (nil, true) }
            return (read.size == entry.size && read.crc == entry.crc ? stamp : nil, true)
        }
        let stamps = found.map(\.stamp)
        let changed = files.indices.filter { stamps[$0] == nil }.map { files[$0].sub }
        if !foreign.isEmpty { throw .foreignFiles(path: path, files: foreign) }
        if !changed.isEmpty { throw .changedFiles(path: path, files: changed) }
        var unchanged: [String: Inspection.Verified] = [:]
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        for (file, stamp) in zip(files, stamps) {
            guard let stamp, stamp.changed[0] + settledAfter < Int(now.tv_sec) || settledAfter == 0 else { continue }
            unchanged[target + "/" + file.sub] = .init(stamp: stamp, crc: file.entry.crc)
        }
        return Inspection(unchanged: unchanged, filesRead: found.filter(\.read).count)
    }

    /// A file's size and CRC-32, read in pieces through one small buffer: a report's files are
    /// megabytes, and reading each whole into fresh memory (and copying it into an array) cost
    /// more than the checksum.
    static func checksum(ofFile path: String) -> (size: Int, crc: UInt32)? {
        // Only a plain file is one kto wrote; opened without blocking, so that a pipe put in its
        // place is found changed instead of waited on.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 18)
        defer { buffer.deallocate() }
        var crc = CRC32()
        var size = 0
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return (size, crc.finalized) }
            crc.update(UnsafeBufferPointer(rebasing: buffer[0..<count]))
            size += count
        }
    }

    /// `entries` with the stamp each staged file has now, where that stamp will show any later
    /// change: its ctime lies before `reference`, the change time of a file written after all of
    /// them on the same file system (the manifest). A later write gets a ctime at or past that
    /// reference; a write within the same tick of the file system's clock as kto's own could
    /// otherwise keep the stamp (a tick is a second on some file systems). A file without a stamp
    /// is read at the next check, as before (git's rule for "racily clean" files).
    static func stamped(_ entries: [String: Manifest.Entry], in folder: String, before reference: [Int]) -> [String: Manifest.Entry] {
        var result = entries
        for (path, entry) in entries {
            guard let stamp = FileStamp(path: folder + "/" + path), stamp.size == entry.size, stamp.changed(before: reference) else { continue }
            result[path]?.stamp = stamp
        }
        return result
    }

    /// Whether the file system of `device` gives a file a new change time at every write, so
    /// that a stamp shows any change (Linux: found in `/proc/self/mountinfo`). Not FAT and exFAT,
    /// whose change time is the file's creation time, nor a file system kto cannot name: there the
    /// files are read at every check, as before stamps.
    static func keepsChangeTimes(device: UInt64) -> Bool {
        guard let data = FileManager.default.contents(atPath: "/proc/self/mountinfo") else { return false }
        return keepsChangeTimes(type: fileSystemType(device: device, mountinfo: String(decoding: data, as: UTF8.self)))
    }

    /// Whether a file system of `type` (nil: unknown) keeps change times (`fuseblk` may be FAT).
    static func keepsChangeTimes(type: String?) -> Bool {
        guard let type else { return false }
        return !["vfat", "msdos", "exfat", "fuseblk"].contains(type)
    }

    /// The type of the file system mounted from `device` in a `mountinfo` table (its third field
    /// is the device as major:minor, the first after " - " the type).
    static func fileSystemType(device: UInt64, mountinfo: String) -> String? {
        // glibc's major and minor of a dev_t.
        let major = ((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF)
        let minor = (device & 0xFF) | ((device >> 12) & ~0xFF)
        let wanted = "\(major):\(minor)"
        for line in mountinfo.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 2, fields[2] == wanted, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            return String(fields[dash + 1])
        }
        return nil
    }

    /// The files a `check` found as kto wrote them, each with its stamp at that moment.
    public struct Inspection: Sendable {
        /// A file's stamp and the checksum its content was found to have.
        struct Verified: Sendable {
            var stamp: FileStamp
            var crc: UInt32
        }

        var unchanged: [String: Verified] = [:]
        /// Files whose content this check read (the others it knew by their stamps).
        var filesRead = 0
    }

    /// A file's `stat` stamp; the stamps file's form is below.
    typealias FileStamp = KTOImport.FileStamp

    /// Writes `files` (relative path → bytes) plus the manifest and swaps the folder into place:
    /// `stage`, `Staging.add` for every file, `Staging.commit`, which checks the folder just
    /// before the swap.
    /// - Throws: `OutputRefusal` when the folder may not be replaced (nothing of it is touched
    ///   then; the staging folder kto made beside it is removed), `WriteError` when writing fails
    ///   (the previous folder is then untouched).
    /// - Parameter inspection: the result of this run's earlier `check`, if any: files it found
    ///   unchanged are checked again by their stamp, not read again.
    public func write(_ files: [(path: String, bytes: [UInt8])], protecting inputs: [String] = [], after inspection: Inspection? = nil) throws {
        let staging = try stage()
        // The files on all cores (each file is written whole by one).
        let failed = parallelMap(files.count) { k -> WriteError? in
            do throws(WriteError) {
                try staging.add(files[k].path, files[k].bytes)
                return nil
            } catch {
                return error
            }
        }
        if let error = failed.compactMap({ $0 }).first {
            staging.discard()
            throw error
        }
        try staging.commit(protecting: inputs, after: inspection)
    }

    /// A new, empty staging folder beside the target, to `add` the report's files to as they are
    /// made and then `commit` (or `discard`). `kto report` checks the folder before (`check`), so
    /// that a refused folder does not even get a staging sibling.
    /// - Throws: `WriteError` when the folder cannot be made.
    public func stage() throws(WriteError) -> Staging {
        let target = URL(fileURLWithPath: path).standardized
        let staging = Self.freshSibling(of: target, prefix: ".tmp-")
        // The folders above the target that do not exist yet, deepest first: made now, and
        // removed again (while empty) when the report is discarded.
        var missing: [URL] = []
        var folder = target.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        let made = Staging(folder: self, staging: staging, madeFolders: missing)
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            made.discard()
            throw WriteError(path: path, reason: error.localizedDescription)
        }
        return made
    }

    /// A report being written: files go into a staging folder (from any thread, each file whole)
    /// with their size and CRC-32 noted for the manifest; `commit` checks the target again and
    /// swaps the folder in, `discard` removes the staging folder. A report's files can so be
    /// written while other documents are still being rendered.
    public final class Staging: @unchecked Sendable {
        let folder: OutputFolder
        let staging: URL
        /// Folders above the target that `stage` made, deepest first.
        let madeFolders: [URL]
        // Guarded by `lock`.
        private var entries: [String: Manifest.Entry] = [:]
        private var folders: Set<String> = []
        private let lock = NSLock()

        init(folder: OutputFolder, staging: URL, madeFolders: [URL]) {
            self.folder = folder
            self.staging = staging
            self.madeFolders = madeFolders
        }

        /// Writes one file (relative path; folders are made as needed).
        public func add(_ path: String, _ bytes: [UInt8]) throws(WriteError) {
            try add(OutputFile(path: path, bytes: bytes))
        }

        /// Writes `file` into the staging folder, its pieces one after the other.
        public func add(_ file: OutputFile) throws(WriteError) {
            let path = file.path
            let url = staging.appendingPathComponent(path)
            let parent = url.deletingLastPathComponent().path
            let made: Bool = lock.withLock {
                guard !folders.contains(parent) else { return true }
                guard (try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)) != nil else { return false }
                folders.insert(parent)
                return true
            }
            guard made else { throw WriteError(path: url.path, reason: "map kan niet worden aangemaakt") }
            if let error = OutputFolder.writeFile(pieces: file.pieces, to: url) { throw error }
            var crc = CRC32()
            for piece in file.pieces { crc.update(piece) }
            let entry = Manifest.Entry(size: file.size, crc: crc.finalized)
            lock.withLock { entries[path] = entry }
        }

        /// Removes the staging folder and the folders above the target that `stage` made, each
        /// only while empty (kto made them all; nothing else is touched).
        public func discard() {
            try? FileManager.default.removeItem(at: staging)
            for made in madeFolders { _ = rmdir(made.path) }
        }

        /// Checks the target again (see `check`), writes the manifest and swaps the staging folder
        /// in: the old report is moved aside, the new one moved in, and only then is the old one
        /// removed. On any failure the staging folder is removed and the target left as it was.
        /// - Throws: `OutputRefusal` or `WriteError`.
        public func commit(protecting inputs: [String] = [], after inspection: Inspection? = nil) throws {
            let fm = FileManager.default
            let target = URL(fileURLWithPath: folder.path).standardized
            do {
                try folder.check(protecting: inputs, after: inspection)
                let manifest = lock.withLock { Manifest(entries: entries) }
                let manifestFile = staging.appendingPathComponent(OutputFolder.manifestName)
                if let error = OutputFolder.writeFile(manifest.bytes, to: manifestFile) { throw error }
                // The stamps, against the manifest's change time: the file system's own clock, at
                // its own granularity (a second on some), after every file was written.
                if let written = FileStamp(path: manifestFile.path), OutputFolder.keepsChangeTimes(device: written.device) {
                    let stamped = Manifest(entries: OutputFolder.stamped(manifest.entries, in: staging.path, before: written.changed))
                    if let error = OutputFolder.writeFile(stamped.stampBytes, to: staging.appendingPathComponent(OutputFolder.stampsName)) { throw error }
                }
                let aside = OutputFolder.freshSibling(of: target, prefix: ".old-")
                let hadTarget = fm.fileExists(atPath: target.path)
                if hadTarget { try fm.moveItem(at: target, to: aside) }
                do {
                    try fm.moveItem(at: staging, to: target)
                } catch {
                    if hadTarget { try? fm.moveItem(at: aside, to: target) }
                    throw error
                }
                if hadTarget { try? fm.removeItem(at: aside) }
            } catch let refusal as OutputRefusal {
                discard()
                throw refusal
            } catch let error as WriteError {
                discard()
                throw error
            } catch {
                discard()
                throw WriteError(path: folder.path, reason: error.localizedDescription)
            }
        }
    }

    /// Writes a new file in the staging folder: plainly (the folder as a whole is what is swapped
    /// in atomically) and straight from the bytes. Handed to the system like any program's
    /// output, without waiting for the disk: Foundation's `Data.write` syncs every file it
    /// writes, and the rendering threads waited for the disk once per file (at 1M respondents
    /// 36 waits, 32 ms). A report is made again from its inputs, so kto does not trade time for
    /// surviving a power cut.
    static func writeFile(_ bytes: [UInt8], to url: URL) -> WriteError? {
        writeFile(pieces: [bytes], to: url)
    }

    /// `pieces` written one after the other into a new file at `url`.
    static func writeFile(pieces: [[UInt8]], to url: URL) -> WriteError? {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return WriteError(path: url.path, reason: "bestand kan niet worden aangemaakt") }
        var failure: Int32 = 0
        for piece in pieces where failure == 0 {
            piece.withUnsafeBytes { raw in
                var done = 0
                while done < raw.count, let base = raw.baseAddress {
                    let n = writeBytes(fd, base + done, min(raw.count - done, 1 << 30))
                    if n > 0 { done += n; continue }
                    if n < 0, errno == EINTR { continue }
                    failure = n < 0 ? errno : EIO
                    break
                }
            }
        }
        // A file system may report a failed write only when the file is closed (NFS, quota);
        // an interrupted close has closed the file all the same (Linux).
        if close(fd) != 0, failure == 0, errno != EINTR { failure = errno }
        guard failure != 0 else { return nil }
        return WriteError(path: url.path, reason: failure == ENOSPC || failure == EDQUOT ? "de schijf is vol" : "bestand kan niet worden geschreven")
    }

    /// A sibling name that does not exist yet, so kto never removes a folder it did not make.
    static func freshSibling(of target: URL, prefix: String) -> URL {
        let parent = target.deletingLastPathComponent()
        let base = "\(prefix)\(target.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)"
        var candidate = parent.appendingPathComponent(base)
        var k = 1
        while FileManager.default.fileExists(atPath: candidate.path) {
            k += 1
            candidate = parent.appendingPathComponent("\(base)-\(k)")
        }
        return candidate
    }

    /// Absolute, standardized, symbolic links resolved (also of a folder that does not exist yet,
    /// through its nearest existing ancestor).
    static func canonical(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardized
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            rest.insert(url.lastPathComponent, at: 0)
            url = url.deletingLastPathComponent()
        }
        var resolved = url.resolvingSymlinksInPath()
        for component in rest { resolved.appendPathComponent(component) }
        let text = resolved.standardized.path
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}

/// The list of files kto wrote into a report folder, with size and CRC-32, as a small text file.
struct Manifest {
    struct Entry {
        var size: Int
        var crc: UInt32
        /// The file's stamp when kto wrote it (`OutputFolder.stamped`, kept in `stampsName`);
        /// nil: the check reads the file.
        var stamp: OutputFolder.FileStamp? = nil
    }

    var entries: [String: Entry]

    static let header = "# kto-rapportmap: kto schreef deze map en mag haar als geheel vervangen. Bestanden: grootte en CRC-32."
    static let stampsHeader = "# kto-stempels: stat(2) van elk bestand zoals kto het schreef (apparaat, inode, mtime, ctime), zodat een volgende controle het niet hoeft te lezen."

    init(entries: [String: Entry]) { self.entries = entries }

    /// The manifest: size, CRC-32 and path per file. It holds nothing of this disk, so a report
    /// folder's manifest is the same on every machine (and in git).
    var bytes: [UInt8] {
        var lines = [Self.header]
        for path in entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            lines.append("\(entry.size)\t\(String(entry.crc, radix: 16))\t\(path)")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The stamps beside the manifest (`OutputFolder.stampsName`): stamp and path per file that
    /// has one.
    var stampBytes: [UInt8] {
        var lines = [Self.stampsHeader]
        for path in entries.keys.sorted() {
            guard let stamp = entries[path]?.stamp else { continue }
            lines.append("\(stamp.text)\t\(path)")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// The manifest of `folder`, or nil when it has none (or not one kto wrote), with the stamps
    /// of its files where the folder has them. Stamps are only a shortcut: a missing or damaged
    /// stamps file, or a stamp of another size than listed, leaves the files to be read.
    static func read(folder: String) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + OutputFolder.manifestName),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first.map(String.init) == header else { return nil }
        var entries: [String: Entry] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let size = Int(parts[0]), let crc = UInt32(parts[1], radix: 16) else { return nil }
            entries[String(parts[2])] = Entry(size: size, crc: crc)
        }
        if let data = FileManager.default.contents(atPath: folder + "/" + OutputFolder.stampsName),
           let text = String(data: data, encoding: .utf8) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            if lines.first.map(String.init) == stampsHeader {
                for line in lines.dropFirst() {
                    let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                    guard parts.count == 2, let size = entries[String(parts[1])]?.size,
                          let stamp = OutputFolder.FileStamp(text: parts[0], size: size) else { continue }
                    entries[String(parts[1])]?.stamp = stamp
                }
            }
        }
        return Manifest(entries: entries)
    }
}

/// Why kto will not write a report into a folder. Nothing has been touched when this is thrown.
public enum OutputRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder exists, holds files, and kto did not make it for a report.
    case notAReportFolder(path: String, examples: [String], count: Int)
    /// The folder is (or contains) an input of the study.
    case holdsInput(path: String, input: String)
    /// A report folder of kto's holds files kto did not write.
    case foreignFiles(path: String, files: [String])
    /// Files kto wrote were changed afterwards.
    case changedFiles(path: String, files: [String])
    case root(path: String)
    case home(path: String)
    case isAFile(path: String)

    public var description: String {
        switch self {
        case .notAReportFolder(let path, let examples, let count):
            let shown = examples.map { "'\($0)'" }.joined(separator: ", ")
            return "uitvoermap '\(path)' bestaat al en is geen rapportmap van kto (er staan \(count) bestanden of mappen in, o.a. \(shown)); kto vervangt alleen een nieuwe of lege map of een map die het eerder zelf schreef. Kies een nieuwe map, bijvoorbeeld met --output Rapporten/kto-nieuw."
        case .holdsInput(let path, let input):
            return "uitvoermap '\(path)' bevat een invoerbestand van de studie ('\(input)'); kto schrijft nooit over de invoer heen. Kies een aparte map, bijvoorbeeld met --output Rapporten/kto."
        case .foreignFiles(let path, let files):
            return "in rapportmap '\(path)' staan bestanden die kto niet schreef: \(Self.list(files)); kto vervangt de map dan niet. Verplaats die bestanden of kies een nieuwe map met --output."
        case .changedFiles(let path, let files):
            return "in rapportmap '\(path)' zijn bestanden gewijzigd nadat kto ze schreef: \(Self.list(files)); kto vervangt de map dan niet. Bewaar de wijzigingen elders of kies een nieuwe map met --output."
        case .root(let path):
            return "uitvoermap '\(path)' is de hoofdmap van het bestandssysteem; kies een eigen map voor het rapport."
        case .home(let path):
            return "uitvoermap '\(path)' is uw persoonlijke map; kies een eigen map voor het rapport, bijvoorbeeld \(path)/Rapporten/kto."
        case .isAFile(let path):
            return "uitvoermap '\(path)' is een bestand, geen map."
        }
    }

    static func list(_ files: [String]) -> String {
        let shown = files.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return files.count > 5 ? shown + " en nog \(files.count - 5)" : shown
    }
}

/// The stamps file's form of a stamp (`device:inode:mtime:ctime`), and the rule for noting one.
extension FileStamp {
    /// Whether the ctime lies before `time` (seconds, nanoseconds).
    func changed(before time: [Int]) -> Bool {
        changed.count == 2 && time.count == 2 && (changed[0] < time[0] || (changed[0] == time[0] && changed[1] < time[1]))
    }

    /// `device:inode:mtime:ctime` (times as seconds.nanoseconds), the stamps file's form.
    var text: String { "\(device):\(inode):\(modified[0]).\(modified[1]):\(changed[0]).\(changed[1])" }

    /// The stamp of `text` for a file of `size` bytes; nil when it is not one.
    init?(text: Substring, size: Int) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return nil }
        func time(_ part: Substring) -> [Int]? {
            let halves = part.split(separator: ".", omittingEmptySubsequences: false)
            guard halves.count == 2, let seconds = Int(halves[0]), let nanoseconds = Int(halves[1]) else { return nil }
            return [seconds, nanoseconds]
        }
        guard let modified = time(parts[2]), let changed = time(parts[3]) else { return nil }
        self.init(device: device, inode: inode, size: size, modified: modified, changed: changed)
    }
}

/// The system's `write(2)` (inside `OutputFolder` the name is its own method).
private func writeBytes(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
