import Foundation
import KTOImport

/// A list of names the anonymiser must replace wherever they occur (the staff of the department):
/// a text file, one name per line; empty lines and lines starting with `#` are skipped.
public enum NameList {
    /// Reads a name list (any supported encoding).
    /// - Throws: `ImportError` when the file cannot be read.
    public static func load(_ file: Study.DataFile) throws -> [String] {
        let source = try SourceText(contentsOf: file.path, displayName: file.displayName)
        return parse(source.string(0..<source.bytes.count))
    }

    /// The names in `text`, trimmed, in file order, without repeats (case-insensitive).
    public static func parse(_ text: String) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let name = line.trimmingWhitespace()
            guard !name.isEmpty, !name.hasPrefix("#") else { continue }
            if seen.insert(name.lowercased()).inserted { names.append(name) }
        }
        return names
    }
}
