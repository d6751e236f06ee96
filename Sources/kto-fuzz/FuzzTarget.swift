import KTOImport
import KTOModel

/// What one fuzz target made of one input: a short signature of the behaviour (new signatures
/// put the input in the corpus) and the invariants it broke.
struct TargetOutcome {
    var signature: String
    var violations: [String] = []
}

/// The parsers under fuzzing; each reads one input the way `kto` reads that kind of file and
/// checks invariants beyond "does not crash".
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `CSVReader`/`CSVCursor`: records, the code table (`next(writingValuesTo:)`), `partition`.
    case csv
    /// `Study.parse`.
    case study
    /// `Codebook.parse`, then the fuzz study's data read with the parsed codebook.
    case codebook
    /// `CodingFile.apply` against the fuzz study's dataset.
    case coding
    /// `Aggregates.parse` (benchmarks, published figures) against the sample codebook.
    case aggregates
    /// `KeywordDictionary.parse` against the sample codebook's questions, then matching.
    case dictionary
    /// `DatasetLoader` on the fuzz study with the input as its data file, sequential and in parts.
    case loader

    /// The seed files of this target, by name (see `Seeds`).
    func accepts(seedNamed name: String) -> Bool {
        let lower = name.lowercased()
        switch self {
        case .csv: return lower.hasSuffix(".csv")
        case .study: return lower.hasSuffix(".study")
        case .codebook: return lower.hasSuffix("codebook.csv")
        case .coding: return lower.hasPrefix("codering") || lower.contains("coding")
        case .aggregates: return lower.hasPrefix("benchmark") || lower.contains("aggregates")
        case .dictionary: return lower.hasPrefix("trefwoorden") || lower.contains("dictionary")
        case .loader: return lower.hasSuffix(".csv") && !lower.hasSuffix("codebook.csv") && !lower.hasPrefix("benchmark")
            && !lower.hasPrefix("trefwoorden") && !lower.hasPrefix("codering")
        }
    }

    func run(_ input: [UInt8], context: FuzzContext) -> TargetOutcome {
        var checker = Checker()
        let signature: String
        switch self {
        case .csv: signature = CSVTarget.run(input, checker: &checker)
        case .study: signature = ModelTargets.study(input, context: context, checker: &checker)
        case .codebook: signature = ModelTargets.codebook(input, context: context, checker: &checker)
        case .coding: signature = ModelTargets.coding(input, context: context, checker: &checker)
        case .aggregates: signature = ModelTargets.aggregates(input, context: context, checker: &checker)
        case .dictionary: signature = ModelTargets.dictionary(input, context: context, checker: &checker)
        case .loader: signature = LoaderTarget.run(input, context: context, checker: &checker)
        }
        return TargetOutcome(signature: signature, violations: checker.violations)
    }
}

/// Collects broken invariants.
struct Checker {
    var violations: [String] = []
    /// The lines of the source checked last (sources are checked many times in a row).
    private var index: LineIndex?

    mutating func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { violations.append(message()) }
    }

    /// A location must name a line that exists in `source` (when the source was read) and a
    /// column from 1 to one past the end of that line.
    mutating func checkLocation(_ location: SourceLocation?, in source: SourceText?, _ what: String) {
        guard let location else { return }
        check(location.line >= 1, "\(what): line \(location.line) < 1")
        // Only places in the input itself can be checked (a loader error may name the codebook).
        guard let source, location.file == source.file else { return }
        if index?.isIndex(of: source) != true { index = LineIndex(source) }
        guard let index, let length = index.length(ofLine: location.line) else {
            return check(false, "\(what): line \(location.line) does not exist (\(location))")
        }
        if let column = location.column {
            check(column >= 1 && column <= length + 1, "\(what): column \(column) outside line \(location.line) (\(length) characters)")
        }
    }

    /// An error thrown by a parser: one of the documented types, with locations that exist.
    /// Returns a short name for the signature.
    mutating func checkError(_ error: any Error, source: SourceText?, _ what: String) -> String {
        switch error {
        case let e as ImportError:
            checkLocation(e.location, in: e.kind == .invalidUTF16 ? nil : source, "\(what) ImportError")
            return "import:" + "\(e.kind)".prefix(while: { $0 != "(" })
        case let e as StudyError:
            check(!e.problems.isEmpty, "\(what): StudyError without problems")
            for p in e.problems { checkLocation(p.location, in: source, "\(what) StudyError '\(p.message)'") }
            return "study:\(min(e.problems.count, 3))"
        case let e as StrictModeError:
            checkLocation(e.location, in: source, "\(what) StrictModeError")
            return "strict"
        default:
            check(false, "\(what): undocumented error type \(type(of: error)): \(error)")
            return "other"
        }
    }
}

/// Where the lines of a source start, by the rules of `SourceText.lineText` (LF, CR, CRLF), and
/// their lengths in the characters `SourceText.column(ofByte:)` counts.
struct LineIndex {
    private let source: SourceText
    private var starts: [Int] = [0]

    init(_ source: SourceText) {
        self.source = source
        let bytes = source.bytes
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                starts.append(i + 1)
            } else if bytes[i] == 0x0D {
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
    }

    func isIndex(of other: SourceText) -> Bool {
        other.bytes.baseAddress == source.bytes.baseAddress && other.bytes.count == source.bytes.count && other.file == source.file
    }

    /// Characters in line `line` (1-based), nil when there is no such line.
    func length(ofLine line: Int) -> Int? {
        guard line >= 1 && line <= starts.count else { return nil }
        let bytes = source.bytes
        var i = starts[line - 1]
        var count = 0
        while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D {
            if source.encoding == .windows1252 || bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }
}
