import Foundation

/// Reads the R-generated CSV fixtures in Tests/Fixtures/stats (see its README.md).
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/stats")

    /// One fixture row: column name → text.
    struct Row: Sendable {
        let values: [String: String]
        /// The number in a column; NaN when missing or unparsable (so comparisons fail loudly).
        subscript(_ column: String) -> Double { values[column].flatMap(Double.init) ?? .nan }
        func text(_ column: String) -> String { values[column] ?? "" }
    }

    /// All rows of a fixture file (header line first, ',' separated, no quoting).
    static func rows(_ name: String) throws -> [Row] {
        try rows(directory.appendingPathComponent(name))
    }

    /// All rows of a fixture file in another folder of Tests/Fixtures (e.g. "stats13").
    static func rows(_ name: String, folder: String) throws -> [Row] {
        try rows(directory.deletingLastPathComponent().appendingPathComponent(folder).appendingPathComponent(name))
    }

    private static func rows(_ url: URL) throws -> [Row] {
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init) else { return [] }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(values: Dictionary(uniqueKeysWithValues: zip(header, cells)))
        }
    }
}

/// |a − b| ≤ max(rel · |b|, abs): relative tolerance with an absolute floor.
func isClose(_ a: Double, _ b: Double, rel: Double, abs absolute: Double = 0) -> Bool {
    if a == b { return true }
    guard a.isFinite, b.isFinite else { return false }
    return Swift.abs(a - b) <= Swift.max(rel * Swift.abs(b), absolute)
}

/// Relative difference for failure messages.
func relDiff(_ a: Double, _ b: Double) -> Double {
    a == b ? 0 : Swift.abs(a - b) / Swift.max(Swift.abs(b), Double.leastNormalMagnitude)
}
