import Foundation
import KTOModel
import KTOText

/// Chooses illustrative quotes for each code of an open question, the same every run.
///
/// Every written answer is first cleaned (`TextCleaner.plain`, one line, control characters gone)
/// and anonymised (`Anonymizer`, with the study's staff names); only the results are candidates.
/// A candidate for a code is an answer with that code from a gemeente whose base for the question
/// is shown (not below the suppression threshold). Candidates are ranked:
///
/// 1. answers coded with this code only, with an informative length (40-300 characters);
/// 2. answers with several codes, informative length;
/// 3. the rest (shorter or longer), single code before several codes;
///
/// and within a rank by a stable hash (FNV-1a, 64 bits) of the question and the respondent id, so
/// the choice does not depend on row order and looks arbitrary, not cherry-picked. A respondent is
/// quoted at most once per question, and an answer whose normalised text (lower case, accents
/// removed, letters and digits only) equals, contains or lies within an answer already chosen for
/// the question is skipped, so no sentence is shown twice.
struct QuoteSelection {
    /// Written answers cleaned and anonymised, with their rows, in row order; empty ones left out.
    typealias Answers = [(row: Int, result: AnonymizationResult)]

    var perCode: Int
    var lengths: ClosedRange<Int> = 40...300

    struct Outcome {
        var quotes: [CodeQuotes]
        var writtenAnswers: Int
        /// Written answers without a valid code (not codable, or not coded yet).
        var uncodedAnswers: Int
        var anonymization: AnonymizationSummary
    }

    /// - Parameter answers: `prepare`'s answers of the question's text column.
    func select(question: OpenQuestion, dataset: Dataset, order: [Int], domains: MetingResult, answers: Answers) -> Outcome {
        let labels = Dictionary(question.codeList.map { ($0.code, $0.label) }, uniquingKeysWith: { a, _ in a })
        let empty = order.map { CodeQuotes(code: $0, label: labels[$0] ?? String($0), quotes: []) }
        guard let textVariable = question.text, case .texts? = dataset.column(textVariable.code) else {
            return Outcome(quotes: empty, writtenAnswers: 0, uncodedAnswers: 0, anonymization: AnonymizationSummary())
        }
        var lists: [[Int16]] = []
        if case .multi(let l)? = dataset.column(question.codes.code) { lists = l }
        // Clean and anonymise every written answer once; the summary counts them all.
        var summary = AnonymizationSummary()
        var prepared: [Int: String] = [:]
        var written = 0
        var uncoded = 0
        for answer in answers {
            written += 1
            if answer.row >= lists.count || lists[answer.row].isEmpty { uncoded += 1 }
            summary.add(answer.result)
            prepared[answer.row] = answer.result.text
        }
        guard perCode > 0 else { return Outcome(quotes: empty, writtenAnswers: written, uncodedAnswers: uncoded, anonymization: summary) }
        let shownGroups = Set(domains.domains.compactMap { domain -> Int? in
            guard case .gemeente(let g) = domain.domain, domain.size.allowsQuotes else { return nil }
            return g
        })
        struct Candidate {
            var row: Int
            var text: String
            var codes: [Int16]
            var hash: UInt64
            /// Of an informative length (counted once: `String.count` walks the text).
            var informative: Bool
        }
        var candidates: [Candidate] = []
        let seed = Self.hashSeed(question.codes.code)
        for (row, text) in prepared.sorted(by: { $0.key < $1.key }) {
            guard row < lists.count, !lists[row].isEmpty, shownGroups.contains(Int(dataset.group[row])) else { continue }
            candidates.append(Candidate(
                row: row, text: text, codes: lists[row], hash: Self.respondentHash(seed, dataset, row: row),
                informative: Self.hasLength(text, in: lengths)))
        }
        var usedRows = Set<Int>()
        var usedTexts: [String] = []
        var result: [CodeQuotes] = []
        for code in order {
            func rank(_ c: Candidate) -> Int { (c.informative ? 0 : 2) + (c.codes.count == 1 ? 0 : 1) }
            let ranked = candidates
                .filter { $0.codes.contains(Int16(truncatingIfNeeded: code)) && !usedRows.contains($0.row) }
                .sorted { a, b in
                    let (ra, rb) = (rank(a), rank(b))
                    if ra != rb { return ra < rb }
                    if a.hash != b.hash { return a.hash < b.hash }
                    return a.row < b.row
                }
            var chosen: [Quote] = []
            for candidate in ranked where chosen.count < perCode {
                // Padded with spaces so that containment is on whole words.
                let key = " " + Self.normalised(candidate.text) + " "
                guard key.count > 2, !usedTexts.contains(where: { Self.contains($0, key) || Self.contains(key, $0) }) else { continue }
                usedTexts.append(key)
                usedRows.insert(candidate.row)
                let id = dataset.ids[candidate.row]
                chosen.append(Quote(respondent: id, text: candidate.text))
            }
            result.append(CodeQuotes(code: code, label: labels[code] ?? String(code), quotes: chosen))
        }
        return Outcome(quotes: result, writtenAnswers: written, uncodedAnswers: uncoded, anonymization: summary)
    }

    /// Quotes of an open question without codes: `count` written answers, chosen by the same rules
    /// (informative length first, then the stable hash; no repeats), only from gemeenten in
    /// `gemeenten` (those with enough written answers not to be recognisable).
    func selectUncoded(
        text variable: Variable, dataset: Dataset, gemeenten: Set<Int>, count: Int, answers: Answers
    ) -> (quotes: [Quote], written: Int, anonymization: AnonymizationSummary) {
        guard case .texts? = dataset.column(variable.code) else { return ([], 0, AnonymizationSummary()) }
        var summary = AnonymizationSummary()
        var candidates: [(row: Int, text: String, hash: UInt64, rank: Int)] = []
        var written = 0
        let seed = Self.hashSeed(variable.code)
        for answer in answers {
            written += 1
            summary.add(answer.result)
            let row = answer.row
            guard gemeenten.contains(Int(dataset.group[row])) else { continue }
            let text = answer.result.text
            // The rank once per candidate: `String.count` walks the text.
            candidates.append((row, text, Self.respondentHash(seed, dataset, row: row), Self.hasLength(text, in: lengths) ? 0 : 1))
        }
        let ranked = candidates.sorted { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.hash != b.hash { return a.hash < b.hash }
            return a.row < b.row
        }
        var chosen: [Quote] = []
        var used: [String] = []
        for candidate in ranked where chosen.count < count {
            let key = " " + Self.normalised(candidate.text) + " "
            guard key.count > 2, !used.contains(where: { Self.contains($0, key) || Self.contains(key, $0) }) else { continue }
            used.append(key)
            chosen.append(Quote(respondent: dataset.ids[candidate.row], text: candidate.text))
        }
        return (chosen, written, summary)
    }

    /// The written answers of `rows` cleaned (`TextCleaner.plain`, one line) and anonymised, in
    /// row order; empty ones left out. Answers are independent, so the analysis prepares pieces
    /// of rows on all cores and joins them in order: the same answers as one pass.
    static func prepare(_ texts: [String?], rows: Range<Int>, anonymizer: Anonymizer) -> Answers {
        var answers: Answers = []
        for row in rows {
            guard let text = texts[row] else { continue }
            let cleaned = TextCleaner.plain(text, singleLine: true)
            guard !cleaned.isEmpty else { continue }
            answers.append((row, anonymizer.anonymize(cleaned)))
        }
        return answers
    }

    /// Whether `text` contains `part`, as `text.contains(part)` says. Normalised texts are
    /// nearly always ASCII: then it is a byte search (for ASCII, characters are bytes, so the
    /// answer is the same); otherwise Foundation's search, as before.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        let found: Bool? = text.withUTF8 { haystack in
            part.withUTF8 { needle -> Bool? in
                // Not ASCII, a CR (CR LF is one character), or an empty part: Foundation decides.
                func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
                guard !needle.isEmpty, plain(haystack), plain(needle) else { return nil }
                guard needle.count <= haystack.count else { return false }
                let first = needle[0]
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var k = 1
                    while k < needle.count && haystack[start + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                return false
            }
        }
        return found ?? text.contains(part)
    }

    /// Lower case, accents removed, letters and digits only, words separated by one space.
    static func normalised(_ text: String) -> String {
        KeywordDictionary.words(of: text).joined(separator: " ")
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes: stable across runs and platforms.
    static func fnv1a(_ text: String, from seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `fnv1a` of a question's `code|`: the part of every respondent's hash that is the same.
    static func hashSeed(_ code: String) -> UInt64 { fnv1a(code.lowercased() + "|") }

    /// `fnv1a("code|id")` of a respondent (`regel N` without an id), from `hashSeed(code)`: FNV-1a
    /// goes byte by byte, so the same hash without a String per answer.
    static func respondentHash(_ seed: UInt64, _ dataset: Dataset, row: Int) -> UInt64 {
        let id = dataset.ids[row]
        return fnv1a(id.isEmpty ? "regel \(dataset.lines[row])" : id, from: seed)
    }

    /// Whether the text has a length (in characters) in `lengths`. Counting characters walks
    /// the text, so a text with fewer bytes than the shortest length (a character is at least a
    /// byte) is settled without it.
    static func hasLength(_ text: String, in lengths: ClosedRange<Int>) -> Bool {
        guard text.utf8.count >= lengths.lowerBound else { return false }
        return lengths.contains(text.count)
    }
}
