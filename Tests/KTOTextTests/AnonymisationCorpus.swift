import Foundation
@testable import KTOText

/// One hand-written case of `Tests/Fixtures/anonymisation/corpus.tsv`.
struct CorpusCase: Sendable, CustomStringConvertible {
    let id: String
    let input: String
    let expected: String
    /// The kinds of the labelled items, in the order their placeholders appear in `expected`.
    let items: [AnonymizationKind]

    var description: String { id }
}

/// Loads the anonymisation corpus fixture.
enum AnonymisationCorpus {
    /// The staff names the corpus is anonymised with (see the fixture README).
    static let knownNames = ["Anouk Verbeek", "Hoogland", "Marloes"]

    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/anonymisation/corpus.tsv")

    /// The cases, or an empty list when the file cannot be read (a separate test fails then).
    static let cases: [CorpusCase] = (try? load()) ?? []

    static func load() throws -> [CorpusCase] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard lines.first == "id\tinput\texpected\titems" else { throw CorpusError.badHeader }
        lines.removeFirst()
        return try lines.map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4 else { throw CorpusError.badLine(line) }
            var items: [AnonymizationKind] = []
            if columns[3] != "-" {
                for word in columns[3].split(separator: " ") {
                    guard let kind = AnonymizationKind(rawValue: String(word)) else { throw CorpusError.badLine(line) }
                    items.append(kind)
                }
            }
            return CorpusCase(id: columns[0], input: columns[1], expected: columns[2], items: items)
        }
    }

    enum CorpusError: Error {
        case badHeader
        case badLine(String)
    }
}
