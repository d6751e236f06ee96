import Foundation

/// Writes a report folder atomically: files go to a temporary sibling folder, which replaces the
/// target only when every file is written. A failed run leaves the previous report as it was.
public struct OutputFolder: Sendable {
    public var path: String

    public init(path: String) { self.path = path }

    /// A problem writing the output.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): kan niet schrijven: \(reason)" }
    }

    /// Writes `files` (relative path → bytes) and swaps the folder into place.
    /// - Throws: `WriteError`; the previous folder is then untouched.
    public func write(_ files: [(path: String, bytes: [UInt8])]) throws {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: path).standardized
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".tmp-\(target.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for file in files.sorted(by: { $0.path < $1.path }) {
                let url = staging.appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard fm.createFile(atPath: url.path, contents: Data(file.bytes)) else {
                    throw WriteError(path: url.path, reason: "bestand kan niet worden aangemaakt")
                }
            }
            // Swap by renames within one folder: the old report is moved aside, the new one moved
            // in, and only then is the old one removed.
            let aside = parent.appendingPathComponent(".old-\(target.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
            try? fm.removeItem(at: aside)
            let hadTarget = fm.fileExists(atPath: target.path)
            if hadTarget { try fm.moveItem(at: target, to: aside) }
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                if hadTarget { try? fm.moveItem(at: aside, to: target) }
                throw error
            }
            if hadTarget { try? fm.removeItem(at: aside) }
        } catch let error as WriteError {
            try? fm.removeItem(at: staging)
            throw error
        } catch {
            try? fm.removeItem(at: staging)
            throw WriteError(path: path, reason: error.localizedDescription)
        }
    }
}
