@testable import KTOText

/// Recall and retention of the anonymiser over hand-labelled cases.
///
/// The labelled items of a case are the stretches of its input that its expected text replaces
/// by placeholders (found by aligning the expected text with the input); the anonymiser's items
/// are found the same way from its output. A labelled item counts as found when every character
/// of it is replaced. The ordinary words of a case are its words (runs of letters and digits)
/// that touch no labelled item; one is kept when the anonymiser replaced none of its characters.
struct AnonymisationMetrics {
    /// Per kind: items labelled and items found.
    private(set) var labelled: [AnonymizationKind: Int] = [:]
    private(set) var found: [AnonymizationKind: Int] = [:]
    private(set) var ordinaryWords = 0
    private(set) var ordinaryWordsKept = 0
    /// Ids of cases with a labelled item not found, and with an ordinary word replaced.
    private(set) var missedIn: [String] = []
    private(set) var overMaskedIn: [String] = []
    /// Ids of cases whose texts could not be aligned (a defect in the case or the output).
    private(set) var unaligned: [String] = []

    var totalLabelled: Int { labelled.values.reduce(0, +) }
    var totalFound: Int { found.values.reduce(0, +) }
    var recall: Double { totalLabelled == 0 ? 1 : Double(totalFound) / Double(totalLabelled) }
    var retention: Double { ordinaryWords == 0 ? 1 : Double(ordinaryWordsKept) / Double(ordinaryWords) }
    func recall(of kind: AnonymizationKind) -> Double? {
        guard let n = labelled[kind], n > 0 else { return nil }
        return Double(found[kind] ?? 0) / Double(n)
    }

    mutating func add(_ item: CorpusCase, output: String, placeholder: String) {
        let input = Array(item.input.unicodeScalars)
        guard let expectedSpans = Self.spans(of: item.expected, in: input, placeholder: placeholder),
            expectedSpans.count == item.items.count,
            let actualSpans = Self.spans(of: output, in: input, placeholder: placeholder)
        else {
            unaligned.append(item.id)
            return
        }
        var replaced = [Bool](repeating: false, count: input.count)
        for span in actualSpans { for k in span { replaced[k] = true } }
        var missed = false
        for (span, kind) in zip(expectedSpans, item.items) {
            labelled[kind, default: 0] += 1
            if span.allSatisfy({ replaced[$0] }) { found[kind, default: 0] += 1 } else { missed = true }
        }
        if missed { missedIn.append(item.id) }
        var labelledMask = [Bool](repeating: false, count: input.count)
        for span in expectedSpans { for k in span { labelledMask[k] = true } }
        var overMasked = false
        for word in Self.words(in: input) where !word.contains(where: { labelledMask[$0] }) {
            ordinaryWords += 1
            if word.contains(where: { replaced[$0] }) { overMasked = true } else { ordinaryWordsKept += 1 }
        }
        if overMasked { overMaskedIn.append(item.id) }
    }

    /// The stretches of `input` that `masked` replaces by `placeholder`: `masked` must be the input
    /// with some non-empty stretches replaced. Nil when no such reading exists.
    static func spans(of masked: String, in input: [Unicode.Scalar], placeholder: String) -> [Range<Int>]? {
        let pieces = masked.components(separatedBy: placeholder).map { Array($0.unicodeScalars) }
        guard let first = pieces.first else { return nil }
        if pieces.count == 1 { return input == first ? [] : nil }
        guard input.count >= first.count, Array(input[0..<first.count]) == first else { return nil }
        return alignGap(pieces, 1, input, gapStart: first.count)
    }

    /// A placeholder starts at `gapStart`; tries each end for it where the next piece follows.
    private static func alignGap(_ pieces: [[Unicode.Scalar]], _ p: Int, _ input: [Unicode.Scalar], gapStart: Int) -> [Range<Int>]? {
        let piece = pieces[p]
        if p == pieces.count - 1 {
            let end = input.count - piece.count
            guard end > gapStart, Array(input[end...]) == piece else { return nil }
            return [gapStart..<end]
        }
        var end = gapStart + 1
        while end + piece.count <= input.count {
            if Array(input[end..<(end + piece.count)]) == piece,
                let rest = alignGap(pieces, p + 1, input, gapStart: end + piece.count)
            {
                return [gapStart..<end] + rest
            }
            end += 1
        }
        return nil
    }

    /// Runs of letters and digits, as ranges of scalar offsets.
    static func words(in input: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for (k, s) in input.enumerated() {
            let isWord = s.properties.isAlphabetic || ("0"..."9").contains(s)
            if isWord, start == nil { start = k }
            if !isWord, let s0 = start { result.append(s0..<k); start = nil }
        }
        if let s0 = start { result.append(s0..<input.count) }
        return result
    }

    /// A few lines with the figures, for the test log and the README.
    var report: String {
        var lines = ["recall \(totalFound)/\(totalLabelled) = \(Self.format(recall))"]
        for kind in AnonymizationKind.allCases {
            guard let n = labelled[kind] else { continue }
            lines.append("  \(kind.rawValue): \(found[kind] ?? 0)/\(n)")
        }
        lines.append("ordinary words kept \(ordinaryWordsKept)/\(ordinaryWords) = \(Self.format(retention))")
        if !missedIn.isEmpty { lines.append("missed in: " + missedIn.joined(separator: " ")) }
        if !overMaskedIn.isEmpty { lines.append("ordinary words replaced in: " + overMaskedIn.joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    private static func format(_ x: Double) -> String {
        let permille = Int((x * 1000).rounded())
        return "\(permille / 1000).\(String(permille % 1000 + 1000).dropFirst())"
    }
}
