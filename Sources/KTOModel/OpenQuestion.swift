import KTOImport

/// A coded open question: the `multi` variable that holds the codes (its labels are the code
/// list) and, when the codebook has one, the `text` variable with the answers in the client's own
/// words.
///
/// The codebook links them: a `text` variable and a `multi` variable with the same chapter and
/// section form one question (`goed_tekst` and `goed_codes`, both in section "Goed"). When a
/// section holds more than one of either, they are paired by the part of the name before the last
/// `_` (`goed_tekst` ↔ `goed_codes`); what stays ambiguous is a codebook error.
public struct OpenQuestion: Sendable, Equatable {
    /// The variable with the codes; its labels are the code list.
    public var codes: Variable
    /// The answers as written; nil when the codebook has only the codes.
    public var text: Variable?

    public init(codes: Variable, text: Variable?) {
        self.codes = codes
        self.text = text
    }

    /// A closed multi-select question (options to tick, no answer in the client's own words).
    public var isClosed: Bool { text == nil }

    /// Whether the base is everyone asked rather than those who ticked an option: the question
    /// has a 'geen van deze' option, so an empty answer is a real non-answer, not 'none apply'.
    public var hasNoneOption: Bool {
        codes.labels.contains { label in
            let key = Variable.labelKey(label.label)
            return key.hasPrefix("geen van") || key == "geen" || key == "geen enkele" || key == "niets"
        }
    }

    /// The code list: (code, label) in code order. Codes without a label are shown by number.
    public var codeList: [ValueLabel] {
        let codes = self.codes.validCodes.isEmpty ? self.codes.labels.map(\.code) : self.codes.validCodes
        return codes.sorted().map { ValueLabel(code: $0, label: self.codes.label(of: $0) ?? String($0)) }
    }
}

extension Codebook {
    /// The coded open questions in codebook order, and the codebook lines where a `text` and a
    /// `multi` variable cannot be paired unambiguously.
    public func openQuestionPairing() -> (questions: [OpenQuestion], problems: [StudyProblem]) {
        var problems: [StudyProblem] = []
        var textFor: [String: Variable] = [:]  // multi code (lowercased) → text variable
        var order: [String] = []
        var sections: [String: (texts: [Variable], multis: [Variable])] = [:]
        // A multi-select question in option columns is closed: it never pairs with a text.
        for variable in variables where variable.type == .text || (variable.type == .multi && variable.optionColumns.isEmpty) {
            let key = Variable.labelKey(variable.chapter) + "\u{1F}" + Variable.labelKey(variable.section)
            if sections[key] == nil { order.append(key) }
            if variable.type == .text { sections[key, default: ([], [])].texts.append(variable) }
            else { sections[key, default: ([], [])].multis.append(variable) }
        }
        for key in order {
            guard let (texts, multis) = sections[key], !texts.isEmpty, !multis.isEmpty else { continue }
            if texts.count == 1 && multis.count == 1 {
                textFor[multis[0].code.lowercased()] = texts[0]
                continue
            }
            // Several in one section: pair by name stem; every multi must find exactly one text.
            for multi in multis {
                let matches = texts.filter { Self.stem($0.code) == Self.stem(multi.code) }
                if matches.count == 1 {
                    textFor[multi.code.lowercased()] = matches[0]
                } else {
                    problems.append(StudyProblem(
                        "open vraag '\(multi.code)' is niet eenduidig aan een tekstvariabele te koppelen: "
                            + "onderdeel '\(multi.section)' heeft \(texts.count) tekstvariabelen en \(multis.count) codevariabelen; "
                            + "geef ze dezelfde naam vóór de laatste '_' (bijvoorbeeld goed_tekst en goed_codes) of zet ze in een eigen onderdeel",
                        at: SourceLocation(file: file, line: multi.line)))
                }
            }
        }
        let questions = variables.filter { $0.type == .multi }.map { OpenQuestion(codes: $0, text: textFor[$0.code.lowercased()]) }
        return (questions, problems)
    }

    /// The coded open questions (see `openQuestionPairing()`), without the problems.
    public var openQuestions: [OpenQuestion] { openQuestionPairing().questions }

    /// Open questions without codes: `text` variables that no `multi` variable pairs with.
    public var uncodedOpenQuestions: [Variable] {
        let paired = Set(openQuestions.compactMap { $0.text?.code.lowercased() })
        return variables.filter { $0.type == .text && !paired.contains($0.code.lowercased()) }
    }

    /// `goed_tekst` → `goed`; a name without `_` is its own stem.
    static func stem(_ code: String) -> String {
        let lower = code.lowercased()
        guard let underscore = lower.lastIndex(of: "_") else { return lower }
        return String(lower[..<underscore])
    }
}
