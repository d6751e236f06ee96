import Testing
import KTOImport
@testable import KTOModel

/// A deterministic pseudo-random export for `ParallelLoaderTests.codebook`, with what the loader
/// must make of it: the ids, lines, groups and decoded cells of the rows it must use, and the line
/// and reason of every row it must reject. The expectations follow the README's rules (the ledger,
/// numbers, labels), written down per generated cell, not computed by the loader's code.
///
/// Rows mix LF, CRLF and CR line ends; quoted open answers hold `;`, doubled quotes and LF, CRLF
/// and CR inside; there are blank lines and lines of only separators; some rows are rejected
/// (wrong field counts, text after a closing quote, no or unknown gemeente, no or duplicate id),
/// some cells unusable, some are labels.
struct SyntheticExport {
    enum Encoding: Sendable, CustomTestStringConvertible {
        case utf8, utf8BOM, windows1252, utf16LE

        var textEncoding: TextEncoding {
            switch self {
            case .utf8: return .utf8
            case .utf8BOM: return .utf8BOM
            case .windows1252: return .windows1252
            case .utf16LE: return .utf16LE
            }
        }

        var testDescription: String { textEncoding.rawValue }
    }

    static let headerLine = "respnr;gemeente;cijfer;stipt;wisselen;traject;goed;goed_codes;opmerking"
    static let width = 9

    var rng: SplitMix64
    var encoding: Encoding
    /// No rejected rows and no blank lines (for `--strict`).
    var clean: Bool
    /// Whether `bytes` starts with the header row.
    var header = true
    /// The first row's open answer is a quoted run of this many letters (shifts the file).
    var firstAnswerPadding: Int?
    var nextID: Int
    /// The physical line the next row starts on.
    var nextLine = 1
    /// Offset of the first data record in the normalised bytes.
    private(set) var dataStart = 0

    // What the loader must produce.
    private(set) var ids: [String] = []
    private(set) var lines: [Int32] = []
    private(set) var groups: [UInt16] = []
    private(set) var cijfer: [Int16] = []
    private(set) var stipt: [Int16] = []
    private(set) var traject: [Int16] = []
    private(set) var goed: [String?] = []
    private(set) var goedCodes: [[Int16]] = []
    private(set) var rejections: [(line: Int, kind: String)] = []
    private(set) var rowsRead = 0
    private(set) var blankLines = 0

    /// Numeric ids that reached the id check (and so are registered), the last one for duplicates.
    private var registered: Set<Int> = []
    private var lastRegistered: Int?
    /// The previous line end was a bare CR: a blank line after it must not start with LF.
    private var endedWithCR = false
    private var lastEndLength = 0

    init(seed: UInt64, encoding: Encoding = .utf8, clean: Bool = false, firstID: Int = 1, firstAnswerPadding: Int? = nil) {
        rng = SplitMix64(seed: seed)
        self.encoding = encoding
        self.clean = clean
        nextID = firstID
        self.firstAnswerPadding = firstAnswerPadding
    }

    /// At least `minimumSize` bytes of rows (plus the header); the last row without a line end.
    mutating func bytes(minimumSize: Int) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(minimumSize + 4096)
        start(&text)
        while text.count < minimumSize { row(&text) }
        text.removeLast(lastEndLength)
        return encoded(text)
    }

    /// `rows` rows (plus the header), each with its line end.
    mutating func bytes(rows: Int) -> [UInt8] {
        var text: [UInt8] = []
        start(&text)
        for _ in 0..<rows { row(&text) }
        return encoded(text)
    }

    private mutating func start(_ text: inout [UInt8]) {
        guard header else { return }
        text += Array(Self.headerLine.utf8) + [0x0D, 0x0A]
        dataStart = text.count
        nextLine = 2
    }

    /// The UTF-8 text in the file's encoding.
    private func encoded(_ utf8: [UInt8]) -> [UInt8] {
        switch encoding {
        case .utf8: return utf8
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + utf8
        case .utf16LE:
            var out: [UInt8] = [0xFF, 0xFE]
            for unit in String(decoding: utf8, as: UTF8.self).utf16 { out += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return out
        case .windows1252:
            let high: [Unicode.Scalar: UInt8] = ["€": 0x80, "“": 0x93, "”": 0x94, "–": 0x96]
            return String(decoding: utf8, as: UTF8.self).unicodeScalars.map { s in
                s.value < 0x80 || (s.value >= 0xA0 && s.value <= 0xFF) ? UInt8(s.value) : high[s] ?? 0x3F
            }
        }
    }

    private mutating func pick<T>(_ choices: Choices<T>) -> T {
        let r = Int(rng.next() % UInt64(choices.total))
        var k = 0
        while choices.bounds[k] <= r { k += 1 }
        return choices.values[k]
    }

    private mutating func chance(_ percent: Int) -> Bool { Int(rng.next() % 1000) < percent * 10 }

    /// A line end: mostly CRLF, some LF, a few bare CR.
    private mutating func lineEnd() -> String { pick(Self.lineEnds) }

    // The choices, with weights (static: built once, the generator runs for every row).
    static let lineEnds = Choices([(70, "\r\n"), (25, "\n"), (5, "\r")])
    static let blankAfterCR = Choices([(1, "\r\n"), (1, "\r")])
    static let kinds = Choices<Kind>([
        (900, .ok), (10, .short), (6, .long), (6, .extraBlanks), (6, .strayQuote), (6, .empty),
        (6, .noGroup), (6, .unknownGroup), (6, .noID), (8, .duplicate),
    ])
    static let idForms = Choices([(90, 0), (4, 1), (3, 2), (2, 3), (1, 4)])
    static let noIDs = Choices([(1, ""), (1, "  ")])
    static let noGroups = Choices([(1, ""), (1, " ")])
    static let unknownGroups = Choices([(1, "4"), (1, "Den Haag"), (1, "0")])
    static let groupCells = Choices<(String, UInt16)>([
        (28, ("1", 0)), (28, ("2", 1)), (28, ("3", 2)), (2, ("Voorschoten", 1)), (1, (" wassenaar ", 2)),
        (1, ("LEIDSCHENDAM-VOORBURG", 0)), (1, ("Wassenaar.", 2)), (3, ("\"2\"", 1)), (2, ("2,0", 1)), (5, (" 3", 2)),
    ])
    static let trajectCells = Choices<(String, Int16)>([
        (40, ("1", 1)), (40, ("2", 2)), (5, ("Ja", 2)), (5, ("nee", 1)), (7, ("", Dataset.noAnswer)), (3, ("3", Dataset.unreadable)),
    ])
    static let codesCells = Choices<(String, [Int16])>([
        (50, ("", [])), (20, ("1", [1])), (8, ("1|3", [1, 3])), (5, ("3+1", [3, 1])), (3, ("2 2", [2])),
        (4, ("\"1;2\"", [1, 2])), (4, ("9", [])), (3, ("x", [])), (3, ("1|x", [1])),
    ])
    static let remarks = Choices([(80, ""), (10, "n.v.t."), (10, "\"zie ; notitie\"")])
    static let shortBy = Choices([(1, 1), (1, 3), (1, 8)])
    static let emptyCells = Choices([(3, ""), (1, " ")])
    /// A grade cell (1-10, missing 98 and 99 with labels) and its code; `nil`: a valid grade.
    static let gradeCells = Choices<(String, Int16)?>([
        (75, nil), (3, ("99", 99)), (2, ("98", 98)), (2, ("weet niet", 99)), (1, ("Weet Niet", 99)),
        (1, ("n.v.t.", 98)), (1, ("7,0", 7)), (1, ("8.0", 8)), (1, ("10,0", 10)), (2, (" 9 ", 9)), (1, ("11", Dataset.unreadable)),
        (1, ("0", Dataset.unreadable)), (2, ("6,5", Dataset.unreadable)), (1, ("zes", Dataset.unreadable)),
        (5, ("", Dataset.noAnswer)), (1, ("\"7\"", 7)), (1, ("007", 7)), (1, ("-1", Dataset.unreadable)),
        (1, ("99999999999999999999", Dataset.unreadable)),
    ])
    /// A statement cell (1-5, missing 9, the default scale labels) and its code; `nil`: a valid point.
    static let likertCells = Choices<(String, Int16)?>([
        (80, nil), (4, ("9", 9)), (3, ("helemaal eens", 5)), (2, ("ONEENS", 2)), (2, ("neutraal", 3)),
        (5, ("", Dataset.noAnswer)), (2, ("6", Dataset.unreadable)), (2, ("n.v.t.", Dataset.unreadable)),
    ])
    static let answerKinds = Choices([(45, 0), (30, 1), (22, 2), (3, 3)])

    enum Kind: Sendable { case ok, short, long, extraBlanks, strayQuote, empty, noGroup, unknownGroup, noID, duplicate }

    private mutating func row(_ text: inout [UInt8]) {
        let first = rowsRead == 0
        if !clean && !first && chance(1) {
            // A blank line (not an LF right after a bare CR: that would be one CRLF line end).
            let end = endedWithCR ? pick(Self.blankAfterCR) : lineEnd()
            text += Array(end.utf8)
            endedWithCR = end == "\r"
            blankLines += 1
            nextLine += 1
        }
        var kind = Kind.ok
        if !clean && !first {
            kind = pick(Self.kinds)
        }
        let line = nextLine
        let id = nextID
        nextID += 1

        // The id cell and what the loader keeps of it.
        var idCell: String
        var idValue: String
        var numericID: Int? = id
        let digits = String(id)
        switch first ? 0 : pick(Self.idForms) {
        case 1: (idCell, idValue) = ("00" + digits, digits)
        case 2: (idCell, idValue, numericID) = ("R-" + digits, "R-" + digits, nil)
        case 3: (idCell, idValue) = (" " + digits + " ", digits)
        case 4: (idCell, idValue) = ("\"" + digits + "\"", digits)
        default: (idCell, idValue) = (digits, digits)
        }
        if kind == .noID { (idCell, numericID) = (pick(Self.noIDs), nil) }
        if kind == .duplicate, let previous = lastRegistered { (idCell, idValue, numericID) = ("\(previous)", "\(previous)", previous) }

        let (groupCell, group): (String, UInt16) = switch kind {
        case .noGroup: (pick(Self.noGroups), 0)
        case .unknownGroup: (pick(Self.unknownGroups), 0)
        default: pick(Self.groupCells)
        }
        var (cijferCell, cijferCode) = gradeCell()
        if kind == .strayQuote { cijferCell = "\"7\"x" }
        let (stiptCell, stiptCode) = likertCell()
        let (wisselenCell, _) = likertCell()
        let (trajectCell, trajectCode) = pick(Self.trajectCells)
        var (goedCell, goedText, goedLines) = answerCell()
        if let padding = firstAnswerPadding, rowsRead == 0 {
            goedText = String(repeating: "a", count: padding + 1) + "\r\nb"
            goedCell = "\"\(goedText)\""
            goedLines = 1
        }
        let (codesCell, codes) = pick(Self.codesCells)
        let remark = pick(Self.remarks)

        var cells = [idCell, groupCell, cijferCell, stiptCell, wisselenCell, trajectCell, goedCell, codesCell, remark]
        switch kind {
        case .short: cells.removeLast(pick(Self.shortBy))
        case .long: cells.append("x")
        case .extraBlanks: cells += ["", " "]
        case .empty: cells = Array(repeating: pick(Self.emptyCells), count: Self.width)
        default: break
        }
        let end = lineEnd()
        for (k, cell) in cells.enumerated() {
            if k > 0 { text.append(0x3B) }
            text.append(contentsOf: cell.utf8)
        }
        text.append(contentsOf: end.utf8)
        endedWithCR = end == "\r"
        lastEndLength = end.utf8.count
        if kind == .empty {
            // A line of only separators is how Excel saves an empty row: a blank line.
            blankLines += 1
            nextLine += 1
            return
        }
        rowsRead += 1
        // The answer's line ends, when the row still has it.
        nextLine += (cells.count > 6 && kind != .empty ? goedLines : 0) + 1

        // The ledger's checks, in its order.
        var reason: String?
        switch kind {
        case .short, .long: reason = "aantal velden"
        case .strayQuote: reason = "aanhalingstekens"
        case .empty: break
        case .noGroup: reason = "geen gemeente"
        case .unknownGroup: reason = "onbekende gemeente"
        case .noID: reason = "geen respondentnummer"
        case .ok, .extraBlanks, .duplicate:
            if let n = numericID {
                if registered.contains(n) { reason = "dubbel respondentnummer" }
                registered.insert(n)
                lastRegistered = n
            }
        }
        if let reason {
            rejections.append((line, reason))
        } else {
            ids.append(idValue)
            lines.append(Int32(line))
            groups.append(group)
            cijfer.append(cijferCode)
            stipt.append(stiptCode)
            traject.append(trajectCode)
            goed.append(goedText.isEmpty || goedText.allSatisfy({ $0 == " " }) ? nil : goedText)
            goedCodes.append(codes)
        }
    }

    private mutating func gradeCell() -> (String, Int16) {
        let value = Int16(1 + rng.next() % 10)
        return pick(Self.gradeCells) ?? ("\(value)", value)
    }

    private mutating func likertCell() -> (String, Int16) {
        let value = Int16(1 + rng.next() % 5)
        return pick(Self.likertCells) ?? ("\(value)", value)
    }

    /// An open answer cell, the text the loader keeps, and the line ends inside it.
    private mutating func answerCell() -> (cell: String, text: String, lines: Int) {
        switch pick(Self.answerKinds) {
        case 1:
            let t = Self.plainAnswers[Int(rng.next() % UInt64(Self.plainAnswers.count))]
            return (t, t, 0)
        case 2:
            // Pieces as written inside the quotes, and as read.
            var (cell, text) = Self.quotedPieces[Int(rng.next() % UInt64(Self.quotedPieces.count))]
            var lines = 0
            for _ in 0..<Int(rng.next() % 3) {
                var glue = " "
                if chance(60) {
                    glue = Self.breaks[Int(rng.next() % 3)]
                    lines += 1
                }
                let (written, read) = Self.quotedPieces[Int(rng.next() % UInt64(Self.quotedPieces.count))]
                cell += glue + written
                text += glue + read
            }
            return ("\"" + cell + "\"", text, lines)
        case 3: return ("   ", "", 0)
        default: return ("", "", 0)
        }
    }

    static let plainAnswers = ["Prima", "Goede hulp van mijn consulent", "Snel geholpen", "Café-achtige sfeer", "geïnformeerd", "€ 50 te laat"]
    static let breaks = ["\n", "\r\n", "\r"]
    static let quotedPieces = [
        ("tekst met ; erin", "tekst met ; erin"), ("zei \"\"ja\"\"", "zei \"ja\""), ("“netjes”", "“netjes”"), ("regel", "regel"),
        ("a;b;c", "a;b;c"), ("x", "x"),
    ]

    /// Checks a sequential read of the whole file against the plan.
    func expectMatches(_ dataset: Dataset, _ ledger: RowLedger, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(ledger.rowsRead == rowsRead, sourceLocation: sourceLocation)
        #expect(ledger.rowsUsed == ids.count, sourceLocation: sourceLocation)
        #expect(ledger.isBalanced, sourceLocation: sourceLocation)
        #expect(ledger.blankLines == blankLines, sourceLocation: sourceLocation)
        let got = ledger.rejections.map { "\($0.line):\($0.reason.kind)" }
        let want = rejections.map { "\($0.line):\($0.kind)" }
        #expect(got == want, sourceLocation: sourceLocation)
        #expect(Array(dataset.ids) == ids, sourceLocation: sourceLocation)
        #expect(dataset.lines == lines, sourceLocation: sourceLocation)
        #expect(dataset.group == groups, sourceLocation: sourceLocation)
        #expect(dataset.column("cijfer") == .codes(CodeColumn(cijfer)), sourceLocation: sourceLocation)
        #expect(dataset.column("stipt") == .codes(CodeColumn(stipt)), sourceLocation: sourceLocation)
        #expect(dataset.column("traject") == .codes(CodeColumn(traject)), sourceLocation: sourceLocation)
        #expect(dataset.column("goed") == .texts(goed), sourceLocation: sourceLocation)
        #expect(dataset.column("goed_codes") == .multi(goedCodes), sourceLocation: sourceLocation)
        #expect(ledger.unknownColumns == ["opmerking"], sourceLocation: sourceLocation)
    }

    /// Every kind of rejection the generator makes, for checking that a file has them all.
    var rejectionKinds: Set<String> { Set(rejections.map(\.kind)) }
}

/// Weighted choices: value `k` is picked with probability `weight[k] / total`.
struct Choices<T: Sendable>: Sendable {
    let values: [T]
    /// Cumulative weights.
    let bounds: [Int]
    var total: Int { bounds.last ?? 0 }

    init(_ weighted: [(Int, T)]) {
        values = weighted.map(\.1)
        var sum = 0
        bounds = weighted.map { sum += $0.0; return sum }
    }
}

/// SplitMix64: a tiny deterministic generator (the same numbers on every platform).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
