/// Replaces what identifies a person in an open answer with a placeholder,
/// `(…)` by default: names after titles and role words, names from a supplied
/// list, e-mail addresses, telephone numbers, BSNs, IBANs, postcodes and street
/// addresses. Everything else — grades ("7,5"), years, amounts, dates, place
/// names, the municipal number 14070 — is left exactly as it was.
///
/// The anonymiser is a value, safe to share between threads, and deterministic:
/// the same text and configuration always give the same result.
public struct Anonymizer: Sendable {
    /// Settings for an ``Anonymizer``.
    public struct Configuration: Sendable, Equatable {
        /// The text put in place of each item found.
        public var placeholder: String
        /// The kinds to detect and replace; others are left alone.
        public var kinds: Set<AnonymizationKind>
        /// Names to replace wherever they occur as whole words (case-insensitive).
        public var knownNames: [String]
        /// Extra capitalised words that must never be taken as a name after a title
        /// or role word (for example local place or team names).
        public var additionalNonNames: [String]
        /// Whether a Dutch-shaped IBAN with a wrong checksum is masked anyway (default true).
        public var maskInvalidDutchIBANs: Bool

        /// Creates a configuration; the defaults detect every kind.
        public init(
            placeholder: String = "(\u{2026})",
            kinds: Set<AnonymizationKind> = Set(AnonymizationKind.allCases),
            knownNames: [String] = [],
            additionalNonNames: [String] = [],
            maskInvalidDutchIBANs: Bool = true
        ) {
            self.placeholder = placeholder
            self.kinds = kinds
            self.knownNames = knownNames
            self.additionalNonNames = additionalNonNames
            self.maskInvalidDutchIBANs = maskInvalidDutchIBANs
        }
    }

    /// The configuration in use.
    public let configuration: Configuration
    private let titledNames: TitledNameDetector
    private let listedNames: ListedNameDetector
    private let streets: StreetAddressDetector
    private let ibans: IBANDetector

    /// Creates an anonymiser with the given configuration.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let grammar = NameGrammar(additionalNonNames: configuration.additionalNonNames)
        titledNames = TitledNameDetector(grammar: grammar)
        listedNames = ListedNameDetector(names: configuration.knownNames)
        streets = StreetAddressDetector(grammar: grammar)
        ibans = IBANDetector(maskInvalidDutch: configuration.maskInvalidDutchIBANs)
    }

    /// Creates an anonymiser with default settings and a list of names to replace.
    public init(knownNames: [String]) {
        self.init(configuration: Configuration(knownNames: knownNames))
    }

    /// Anonymises one text.
    public func anonymize(_ text: String) -> AnonymizationResult {
        guard !text.isEmpty else { return AnonymizationResult(text: text, counts: [:]) }
        let t = ScalarText(text)
        let kinds = configuration.kinds
        var detections: [Detection] = []
        if kinds.contains(.email) { detections += EmailDetector.detect(in: t) }
        if kinds.contains(.iban) { detections += ibans.detect(in: t) }
        if kinds.contains(.phone) { detections += PhoneDetector.detect(in: t) }
        if kinds.contains(.bsn) { detections += BSNDetector.detect(in: t) }
        if kinds.contains(.postcode) { detections += PostcodeDetector.detect(in: t) }
        if kinds.contains(.address) { detections += streets.detect(in: t) }
        if kinds.contains(.name) { detections += titledNames.detect(in: t) }
        if kinds.contains(.listedName), !listedNames.isEmpty { detections += listedNames.detect(in: t) }
        let chosen = Detection.resolve(detections)
        guard !chosen.isEmpty else { return AnonymizationResult(text: text, counts: [:]) }

        var output = String.UnicodeScalarView()
        var counts: [AnonymizationKind: Int] = [:]
        var position = 0
        for detection in chosen {
            output.append(contentsOf: t.scalars[position..<detection.range.lowerBound])
            output.append(contentsOf: configuration.placeholder.unicodeScalars)
            counts[detection.kind, default: 0] += 1
            position = detection.range.upperBound
        }
        output.append(contentsOf: t.scalars[position...])
        return AnonymizationResult(text: String(output), counts: counts)
    }

    /// Anonymises many texts, in order, and totals the replacements.
    public func anonymize(_ texts: [String]) -> (results: [AnonymizationResult], summary: AnonymizationSummary) {
        var summary = AnonymizationSummary()
        let results = texts.map { text in
            let result = anonymize(text)
            summary.add(result)
            return result
        }
        return (results, summary)
    }
}
