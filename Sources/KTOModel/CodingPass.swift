/// A first pass at coding the open answers of the current meting: every answer that still needs
/// codes, with the codes the keyword rules suggest and the words that gave them.
public struct CodingPass: Sendable, Equatable {
    /// One written answer to code.
    public struct Answer: Sendable, Equatable {
        public var respondent: String
        /// The codes variable of the question.
        public var question: String
        /// The answer as written (original text: the coding file stays inside the bureau).
        public var text: String
        /// Codes already in the export or a coding file (only with `includeCoded`).
        public var existing: [Int]
        /// Codes the rules give, ascending.
        public var suggested: [Int]
        /// The rules that fired, in dictionary order.
        public var matches: [KeywordDictionary.Match]
    }

    /// Per question and code: how many answers the rules gave the code.
    public struct CodeCount: Sendable, Equatable {
        public var question: String
        public var code: Int
        public var label: String
        public var count: Int
    }

    public var answers: [Answer]
    public var questions: [OpenQuestion]

    /// Collects the answers to code: for each coded open question with a text variable, every
    /// non-empty answer of the current meting without codes and not marked `-` in a coding file
    /// (with `includeCoded`: every non-empty answer, to check the rules against earlier coding).
    public init(_ loaded: LoadedStudy, dictionary: KeywordDictionary?, includeCoded: Bool = false) {
        let dataset = loaded.current
        questions = loaded.codebook.openQuestions
        var answers: [Answer] = []
        for question in questions {
            guard let textVariable = question.text, case .texts(let texts)? = dataset.column(textVariable.code) else { continue }
            var lists: [[Int16]]?
            if case .multi(let l)? = dataset.column(question.codes.code) { lists = l }
            let marked = loaded.notCodable[question.codes.code.lowercased()] ?? []
            for (row, text) in texts.enumerated() {
                guard let text, !text.trimmingCharacters(in: [" ", "\t", "\n", "\r"]).isEmpty else { continue }
                let existing = lists.map { $0[row].map(Int.init) } ?? []
                if !includeCoded && (!existing.isEmpty || marked.contains(row)) { continue }
                let matches = dictionary?.matches(text, question: question.codes.code) ?? []
                answers.append(Answer(
                    respondent: dataset.ids[row], question: question.codes.code, text: text, existing: existing,
                    suggested: Array(Set(matches.map(\.code))).sorted(), matches: matches))
            }
        }
        self.answers = answers
    }

    /// Answers the rules gave at least one code.
    public var codedByRules: Int { answers.filter { !$0.suggested.isEmpty }.count }

    /// Answers the rules left without a code.
    public var uncoded: Int { answers.count - codedByRules }

    /// Per question, per code in code order: the answers the rules gave that code.
    public var codeCounts: [CodeCount] {
        var result: [CodeCount] = []
        for question in questions {
            let own = answers.filter { $0.question == question.codes.code }
            guard !own.isEmpty else { continue }
            for entry in question.codeList {
                result.append(CodeCount(
                    question: question.codes.code, code: entry.code, label: entry.label,
                    count: own.filter { $0.suggested.contains(entry.code) }.count))
            }
        }
        return result
    }

    /// Against codes already given (`includeCoded`): answers with codes, those where the rules give
    /// exactly the same codes, and those where they share at least one.
    public var agreement: (compared: Int, exact: Int, overlapping: Int) {
        let coded = answers.filter { !$0.existing.isEmpty }
        let exact = coded.filter { $0.suggested == $0.existing.sorted() }.count
        let overlapping = coded.filter { !Set($0.suggested).isDisjoint(with: $0.existing) }.count
        return (coded.count, exact, overlapping)
    }
}
