/// A text as an array of Unicode scalars with a lowercased twin and precomputed
/// character classes, so the detectors can scan by integer offset cheaply.
///
/// Only ASCII digits count as digits. Typographic apostrophes are folded to `'`
/// in `lower`, which is the array used for case-insensitive matching.
struct ScalarText {
    /// The original scalars.
    let scalars: [Unicode.Scalar]
    /// Lowercased scalars, one per original scalar (multi-scalar mappings keep the original).
    let lower: [Unicode.Scalar]
    /// Character classes per scalar, a combination of the flags below (for tight loops).
    let classes: [UInt8]

    static let letter: UInt8 = 1
    static let upper: UInt8 = 2
    static let lowerCase: UInt8 = 4
    static let digit: UInt8 = 8
    static let space: UInt8 = 16

    init(_ text: String) {
        if let ascii = Self.ascii(text) {
            (scalars, lower, classes) = ascii
            return
        }
        let scalars = Array(text.unicodeScalars)
        var lower: [Unicode.Scalar] = []
        var classes: [UInt8] = []
        lower.reserveCapacity(scalars.count)
        classes.reserveCapacity(scalars.count)
        for scalar in scalars {
            let (folded, cls) = ScalarText.classify(scalar)
            lower.append(folded)
            classes.append(cls)
        }
        self.scalars = scalars
        self.lower = lower
        self.classes = classes
    }

    /// An ASCII text's arrays through a table of the 128 ASCII scalars (most open answers are
    /// ASCII); nil for any other text.
    private static func ascii(_ text: String) -> ([Unicode.Scalar], [Unicode.Scalar], [UInt8])? {
        let result = text.utf8.withContiguousStorageIfAvailable { bytes -> ([Unicode.Scalar], [Unicode.Scalar], [UInt8])? in
            var any: UInt8 = 0
            for byte in bytes { any |= byte }
            guard any < 0x80 else { return nil }
            let table = asciiTable
            var scalars: [Unicode.Scalar] = [], lower: [Unicode.Scalar] = [], classes: [UInt8] = []
            scalars.reserveCapacity(bytes.count)
            lower.reserveCapacity(bytes.count)
            classes.reserveCapacity(bytes.count)
            for byte in bytes {
                let (folded, cls) = table[Int(byte)]
                scalars.append(Unicode.Scalar(byte))
                lower.append(folded)
                classes.append(cls)
            }
            return (scalars, lower, classes)
        }
        return result ?? nil
    }

    /// `classify` of every ASCII scalar.
    private static let asciiTable: [(Unicode.Scalar, UInt8)] = (0..<128).map { classify(Unicode.Scalar(UInt8($0))) }

    private static func classify(_ scalar: Unicode.Scalar) -> (Unicode.Scalar, UInt8) {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return (scalar, digit)
            case 0x41...0x5A: return (Unicode.Scalar(value + 0x20) ?? scalar, letter | upper)
            case 0x61...0x7A: return (scalar, letter | lowerCase)
            case 0x20, 0x09: return (scalar, space)
            default: return (scalar, 0)
            }
        }
        switch value {
        case 0xA0, 0x202F, 0x2007: return (scalar, space)
        case 0x2018, 0x2019: return ("'", 0)
        default: break
        }
        let props = scalar.properties
        var cls: UInt8 = 0
        let isMark: Bool
        switch props.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: isMark = true
        default: isMark = false
        }
        if props.isAlphabetic || isMark { cls |= letter }
        if props.isUppercase { cls |= upper }
        if props.isLowercase { cls |= lowerCase }
        var folded = scalar
        if props.changesWhenLowercased {
            let mapped = props.lowercaseMapping.unicodeScalars
            if mapped.count == 1, let first = mapped.first { folded = first }
        }
        return (folded, cls)
    }

    /// Number of scalars.
    var count: Int { scalars.count }

    private func has(_ i: Int, _ flag: UInt8) -> Bool {
        i >= 0 && i < classes.count && classes[i] & flag != 0
    }

    func isLetter(_ i: Int) -> Bool { has(i, ScalarText.letter) }
    func isUpper(_ i: Int) -> Bool { has(i, ScalarText.upper) }
    func isLower(_ i: Int) -> Bool { has(i, ScalarText.lowerCase) }
    func isDigit(_ i: Int) -> Bool { has(i, ScalarText.digit) }
    /// Horizontal white space: space, tab and no-break spaces (never a line break).
    func isSpace(_ i: Int) -> Bool { has(i, ScalarText.space) }
    func isWordChar(_ i: Int) -> Bool { has(i, ScalarText.letter | ScalarText.digit) }

    /// Whether the scalar at `i` equals `scalar` (false when out of range).
    func `is`(_ i: Int, _ scalar: Unicode.Scalar) -> Bool {
        i >= 0 && i < scalars.count && scalars[i] == scalar
    }

    /// Whether the scalar at `i` joins parts of one word: a hyphen or an apostrophe
    /// ("Jansen-de", "O'Brien"; typographic apostrophes count).
    func isWordJoiner(_ i: Int) -> Bool {
        i >= 0 && i < lower.count && (lower[i] == "-" || lower[i] == "'")
    }

    /// The value of the ASCII digit at `i`, if any.
    func digitValue(_ i: Int) -> Int? {
        isDigit(i) ? Int(scalars[i].value) - 0x30 : nil
    }

    /// Whether a word may start at `i`: nothing alphanumeric directly before it.
    func isBoundaryBefore(_ i: Int) -> Bool { !isWordChar(i - 1) }

    /// The first offset at or after `i` that is not horizontal white space.
    func skipSpaces(from i: Int) -> Int {
        var j = i
        while isSpace(j) { j += 1 }
        return j
    }

    /// The end of the run of letters starting at `i` (equal to `i` when there is none).
    func letterRunEnd(from i: Int) -> Int {
        var j = i
        while isLetter(j) { j += 1 }
        return j
    }

    /// The end of the run of ASCII digits starting at `i`.
    func digitRunEnd(from i: Int) -> Int {
        var j = i
        while isDigit(j) { j += 1 }
        return j
    }

    /// Matches a lowercase `pattern` case-insensitively at `i`; a space in the
    /// pattern matches one or more horizontal spaces. Returns the end offset.
    func match(_ pattern: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i
        for p in pattern {
            if p == " " {
                guard isSpace(j) else { return nil }
                j = skipSpaces(from: j)
            } else {
                guard j < lower.count, lower[j] == p else { return nil }
                j += 1
            }
        }
        return j
    }

    /// The lowercased text of `range` as a `String`.
    func lowercased(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: lower[range])
        return String(view)
    }
}
