import Foundation

/// Replaces what identifies a person in an open answer with a placeholder,
/// `(…)` by default: names after titles and role words, after greetings and
/// introductions, first names from the list of common first names (alone or with a
/// surname), names from a supplied list, e-mail addresses, telephone numbers, BSNs,
/// IBANs, postcodes, street addresses, dates of birth and full dates at least 15
/// years back. Everything else — grades ("7,5"), years, amounts, recent dates,
/// place names, the municipal number 14070 — is left exactly as it was.
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
        /// The current year: full dates up to this year minus 15 are masked as possible birth
        /// dates. Defaults to the year of the system clock; set it for reproducible output.
        public var referenceYear: Int

        /// Creates a configuration; the defaults detect every kind.
        public init(
            placeholder: String = "(\u{2026})",
            kinds: Set<AnonymizationKind> = Set(AnonymizationKind.allCases),
            knownNames: [String] = [],
            additionalNonNames: [String] = [],
            maskInvalidDutchIBANs: Bool = true,
            referenceYear: Int = Anonymizer.currentYear()
        ) {
            self.placeholder = placeholder
            self.kinds = kinds
            self.knownNames = knownNames
            self.additionalNonNames = additionalNonNames
            self.maskInvalidDutchIBANs = maskInvalidDutchIBANs
            self.referenceYear = referenceYear
        }
    }

    /// The configuration in use.
    public let configuration: Configuration
    private let titledNames: TitledNameDetector
    private let introducedNames: IntroducedNameDetector
    private let firstNames: FirstNameDetector
    private let birthDates: BirthDateDetector
    private let listedNames: ListedNameDetector
    private let streets: StreetAddressDetector
    private let ibans: IBANDetector
    /// Which detectors run, decided once from `configuration.kinds` (not by set lookups for
    /// every answer).
    private let runs: Runs

    private struct Runs: Sendable {
        var email, iban, phone, bsn, postcode, address, words, name, introducedName, firstNames, dates, listed: Bool

        init(_ kinds: Set<AnonymizationKind>) {
            email = kinds.contains(.email)
            iban = kinds.contains(.iban)
            phone = kinds.contains(.phone)
            bsn = kinds.contains(.bsn)
            postcode = kinds.contains(.postcode)
            address = kinds.contains(.address)
            name = kinds.contains(.name)
            introducedName = kinds.contains(.introducedName)
            firstNames = kinds.contains(.fullName) || kinds.contains(.firstName)
            dates = kinds.contains(.birthDate) || kinds.contains(.oldDate)
            words = name || introducedName || firstNames || dates
            listed = kinds.contains(.listedName)
        }
    }

    /// Creates an anonymiser with the given configuration.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        runs = Runs(configuration.kinds)
        let grammar = NameGrammar(additionalNonNames: configuration.additionalNonNames)
        let reader = PersonNameReader(additionalNonNames: configuration.additionalNonNames)
        titledNames = TitledNameDetector(reader: reader)
        introducedNames = IntroducedNameDetector(reader: reader)
        firstNames = FirstNameDetector(reader: reader)
        birthDates = BirthDateDetector(referenceYear: configuration.referenceYear)
        listedNames = ListedNameDetector(names: configuration.knownNames)
        streets = StreetAddressDetector(grammar: grammar)
        ibans = IBANDetector(maskInvalidDutch: configuration.maskInvalidDutchIBANs)
    }

    /// Builds the word tables every anonymiser shares (the lexicon of names and words, the cues
    /// that introduce a name), which are otherwise built on the first answer while every other
    /// core waits for them. A caller that will anonymise can call this on a spare core earlier.
    public static func prepareTables() {
        _ = WordClass.lexicon
        IntroducedNameDetector.prepareTables()
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
        if runs.email { detections += EmailDetector.detect(in: t) }
        if runs.iban { detections += ibans.detect(in: t) }
        if runs.phone { detections += PhoneDetector.detect(in: t) }
        if runs.bsn { detections += BSNDetector.detect(in: t) }
        if runs.postcode { detections += PostcodeDetector.detect(in: t) }
        if runs.address { detections += streets.detect(in: t) }
        if runs.words {
            let words = WordTokens(t)
            if runs.name { detections += titledNames.detect(in: words) }
            if runs.introducedName { detections += introducedNames.detect(in: words) }
            if runs.firstNames {
                let found = firstNames.detect(in: words)
                if !found.isEmpty { detections += found.filter { kinds.contains($0.kind) } }
            }
            if runs.dates {
                let found = birthDates.detect(in: t, words: words)
                if !found.isEmpty { detections += found.filter { kinds.contains($0.kind) } }
            }
        }
        if runs.listed, !listedNames.isEmpty { detections += listedNames.detect(in: t) }
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

    /// The year of the system clock (Gregorian calendar).
    public static func currentYear() -> Int {
        Calendar(identifier: .gregorian).component(.year, from: Date())
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
