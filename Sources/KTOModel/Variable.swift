/// The kinds of questionnaire variables a KTO has.
public enum VariableType: String, Sendable, Codable, CaseIterable {
    /// Rapportcijfer, a grade 1-10.
    case grade
    /// A statement on a 5-point scale, helemaal oneens (1) ... helemaal eens (5).
    case likert
    /// A single choice among labelled categories.
    case category
    /// Several codes per respondent (coded open answers), separated by `|` in a cell.
    case multi
    /// An open answer in the respondent's own words.
    case text
    /// The respondent identifier; must be unique.
    case id
    /// The grouping variable (gemeente); values must be groups the study knows.
    case group
}

/// Whether agreeing with a statement is good (positive) or bad (negative) news.
public enum Polarity: String, Sendable, Codable {
    case positive
    case negative
}

/// A value code with its Dutch label.
public struct ValueLabel: Sendable, Hashable, Codable {
    public var code: Int
    public var label: String

    public init(code: Int, label: String) {
        self.code = code
        self.label = label
    }
}

/// Who was asked a routed question: the respondents with one of `codes` on `variable`.
public struct Routing: Sendable, Equatable, Codable {
    public var variable: String
    public var codes: [Int]

    public init(variable: String, codes: [Int]) {
        self.variable = variable
        self.codes = codes
    }
}

/// One option of a multi-select question stored as a column of its own (1/0, 1/leeg, Ja/Nee, or
/// the option's label when ticked).
public struct OptionColumn: Sendable, Equatable, Codable {
    public var code: Int
    public var column: String

    public init(code: Int, column: String) {
        self.code = code
        self.column = column
    }
}

/// Why a respondent gave no valid answer, by the missing code's label.
public enum MissingKind: Sendable, Equatable {
    /// 'weet niet', 'geen mening', 'wil niet zeggen': asked, but no opinion given.
    case dontKnow
    /// 'n.v.t.', 'niet van toepassing': the question did not apply.
    case notApplicable
}

/// One variable of the questionnaire, as the codebook describes it.
public struct Variable: Sendable, Equatable, Codable {
    /// The column name in the export (the questionnaire's variable code).
    public var code: String
    public var type: VariableType
    /// Report chapter (e.g. "Eerstelijnsdienstverlening").
    public var chapter: String
    /// Section within the chapter (e.g. "Bereikbaarheid").
    public var section: String
    /// The question or statement as asked, in Dutch.
    public var text: String
    /// Valid answer codes (for grade, likert and category; for multi the known codes).
    public var validCodes: [Int]
    /// Labels of valid codes (category names; likert scale points).
    public var labels: [ValueLabel]
    /// Missing-value codes with labels ("weet niet", "n.v.t."): excluded from every base.
    public var missing: [ValueLabel]
    /// For likert statements: positively or negatively worded.
    public var polarity: Polarity
    /// The data codes a statement the other way round (1 = helemaal eens): the codebook says so
    /// (`scale = reversed`) and the loader turns each valid code c into low + high − c, so that
    /// the labels (given as the data has them) and every figure read the usual way.
    public var reversedScale: Bool = false
    /// How the variable is named in the previous meting's data: `nil` = same code;
    /// `.some(nil)` = not asked in the previous meting.
    public var previousCode: String??
    /// Per earlier meting (`previous = 2013:oud_naam|2011:-`): its name then, nil = not asked.
    /// A meting not listed here follows `previousCode`.
    public var previousCodes: [String: String?] = [:]
    /// A multi-select question stored as one column per option (`columns = 1=kanaal_tel|2=…`).
    public var optionColumns: [OptionColumn] = []
    /// Who was asked this question (`routing = traject=2,3`); nil: everyone.
    public var routing: Routing?
    /// 1-based line in the codebook file, for messages.
    public var line: Int

    public init(
        code: String, type: VariableType, chapter: String = "", section: String = "", text: String = "",
        validCodes: [Int] = [], labels: [ValueLabel] = [], missing: [ValueLabel] = [],
        polarity: Polarity = .positive, previousCode: String?? = nil, line: Int = 0
    ) {
        self.code = code
        self.type = type
        self.chapter = chapter
        self.section = section
        self.text = text
        self.validCodes = validCodes
        self.labels = labels
        self.missing = missing
        self.polarity = polarity
        self.previousCode = previousCode
        self.line = line
    }

    /// What a missing code means, by its label: 'n.v.t.' and 'niet van toepassing' do not apply;
    /// every other missing code ('weet niet', 'geen mening') is an answer without an opinion.
    public func missingKind(of code: Int) -> MissingKind? {
        guard let label = missing.first(where: { $0.code == code })?.label else { return nil }
        let key = Self.labelKey(label).removingASCII(0x2E)
        return key.contains("nvt") || key.contains("van toepassing") ? .notApplicable : .dontKnow
    }

    /// The column name in an earlier meting's data; nil when the variable was not asked then.
    public func code(inMeting meting: String) -> String? {
        if let specific = previousCodes[meting] { return specific }
        if let general = previousCode { return general }
        return code
    }

    /// The label of a code, valid or missing.
    public func label(of code: Int) -> String? {
        labels.first { $0.code == code }?.label ?? missing.first { $0.code == code }?.label
    }

    /// The code whose label matches `text` (trimmed, case-insensitive, `.` and spaces ignored at the ends).
    public func code(forLabel text: String) -> Int? {
        let key = Self.labelKey(text)
        guard !key.isEmpty else { return nil }
        if let hit = labels.first(where: { Self.labelKey($0.label) == key }) { return hit.code }
        return missing.first { Self.labelKey($0.label) == key }?.code
    }

    /// Which end of an agreement or satisfaction scale a label names, if it names one
    /// ("Helemaal mee oneens", "Zeer ontevreden" → disagree; "Eens", "Tevreden" → agree).
    public static func agreement(of label: String) -> Polarity? {
        let key = labelKey(label)
        if key.contains("oneens") || key.contains("ontevreden") || key.contains("slecht") { return .negative }
        if key.contains("eens") || key.contains("tevreden") || key.hasSuffix("goed") { return .positive }
        return nil
    }

    /// Normalises a label for matching: lower case, trimmed, inner runs of spaces folded.
    public static func labelKey(_ text: String) -> String {
        text.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" })
            .joined(separator: " ")
            .trimmingCharacters(in: CharacterSetLite.dotsAndSpaces)
    }
}

/// Avoids pulling Foundation's CharacterSet into hot code paths' signatures.
enum CharacterSetLite {
    static let dotsAndSpaces: Set<Character> = [" ", "."]
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        // Index steps, each O(1): `Substring.dropLast()` counts the whole string every time.
        var start = startIndex
        var end = endIndex
        while start < end, set.contains(self[start]) { start = index(after: start) }
        while end > start, set.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
