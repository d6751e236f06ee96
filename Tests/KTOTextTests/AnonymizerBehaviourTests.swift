import Testing
@testable import KTOText

@Suite("Anonymizer behaviour", .serialized)
struct AnonymizerBehaviourTests {
    let mask = "(\u{2026})"

    @Test func defaultPlaceholderIsEllipsisInParentheses() {
        #expect(Anonymizer().configuration.placeholder == "(\u{2026})")
    }

    @Test func countsPerKind() {
        let text = "Mevrouw Bakker, 06-12345678, jan@x.nl, BSN 111222333, NL91ABNA0417164300, "
            + "Damstraat 12, 2262 AB, meneer Jansen en Ria. Bedankt Kees! Ook Jan de Boer en Sandra. "
            + "Geboren 12-03-1978, verhuisd op 1-2-1990."
        let result = Anonymizer(configuration: .init(knownNames: ["Ria"], referenceYear: 2026)).anonymize(text)
        #expect(result.counts == [
            .name: 2, .phone: 1, .email: 1, .bsn: 1, .iban: 1, .address: 1, .postcode: 1, .listedName: 1,
            .introducedName: 1, .fullName: 1, .firstName: 1, .birthDate: 1, .oldDate: 1,
        ])
        #expect(result.total == 14)
        #expect(result.orderedCounts.map(\.kind) == AnonymizationKind.allCases)
        let hasDigit = result.text.contains { $0.isNumber }
        #expect(!hasDigit)
    }

    @Test func unchangedTextIsReturnedAsIs() {
        let result = Anonymizer().anonymize("Een 8 voor de balie.")
        #expect(result.text == "Een 8 voor de balie.")
        #expect(result.counts.isEmpty)
        #expect(!result.wasChanged)
        #expect(Anonymizer().anonymize("").text == "")
    }

    @Test func kindsCanBeSwitchedOff() {
        let onlyPhones = Anonymizer(configuration: .init(kinds: [.phone]))
        let result = onlyPhones.anonymize("meneer Jansen, 0612345678, BSN 111222333")
        #expect(result.text == "meneer Jansen, \(mask), BSN 111222333")
    }

    @Test func customPlaceholder() {
        let custom = Anonymizer(configuration: .init(placeholder: "[weg]"))
        #expect(custom.anonymize("bel 0612345678").text == "bel [weg]")
    }

    @Test func deterministic() {
        let anonymizer = Anonymizer(knownNames: ["Anouk Verbeek", "Verbeek"])
        let text = "Anouk Verbeek en meneer Verbeek, 06-12345678 of 070 310 3800."
        let first = anonymizer.anonymize(text)
        for _ in 0..<20 { #expect(anonymizer.anonymize(text) == first) }
        #expect(first.text == "\(mask) en meneer \(mask), \(mask) of \(mask).")
    }

    @Test func lineBreaksAndSurroundingTextArePreserved() {
        let text = "Regel één\nmeneer Jansen\r\nbel 0612345678\tdank 👍🏽"
        #expect(Anonymizer().anonymize(text).text == "Regel één\nmeneer \(mask)\r\nbel \(mask)\tdank 👍🏽")
    }

    @Test func summaryTotalsManyTexts() {
        let (results, summary) = Anonymizer().anonymize(["bel 0612345678", "prima", "meneer Jansen, 0612345678"])
        #expect(results.map(\.text) == ["bel \(mask)", "prima", "meneer \(mask), \(mask)"])
        #expect(summary.textsSeen == 3)
        #expect(summary.textsChanged == 2)
        #expect(summary.count(of: .phone) == 2)
        #expect(summary.count(of: .name) == 1)
        #expect(summary.total == 3)
    }

    /// Thousands of answers must anonymise in well under a second in a release build (5,000 corpus
    /// answers take about 0.2 s there). Tests run in debug builds, in parallel, on a shared machine,
    /// so the absolute bound is loose; the rules on names without titles and on dates, which look up
    /// every word, may at most triple the time of the number, address and staff-name rules measured
    /// alongside in the same run.
    @Test func thousandsOfAnswersAreFast() {
        let cases = AnonymisationCorpus.cases.map(\.input)
        #expect(!cases.isEmpty)
        var answers: [String] = []
        while answers.count < 5_000 { answers += cases }
        let names = AnonymisationCorpus.knownNames + (1...200).map { "Medewerker\($0) Achternaam\($0)" }
        let anonymizer = Anonymizer(knownNames: names)
        let wordRules: Set<AnonymizationKind> = [.name, .introducedName, .fullName, .firstName, .birthDate, .oldDate]
        let numbersOnly = Anonymizer(configuration: .init(
            kinds: Set(AnonymizationKind.allCases).subtracting(wordRules), knownNames: names))
        let clock = ContinuousClock()
        var all = Duration.zero
        var base = Duration.zero
        for half in [answers.prefix(2_500), answers.suffix(2_500)] {
            base += clock.measure { _ = numbersOnly.anonymize(Array(half)) }
            all += clock.measure { _ = anonymizer.anonymize(Array(half)) }
        }
        print("5000 answers: \(all); without the word rules: \(base)")
        #expect(all < base * 3, "5000 answers took \(all), without the word rules \(base)")
        #expect(all < .seconds(10), "5000 answers took \(all)")
    }

    /// Time grows linearly with the length of hostile input (runs of digits that look like the start
    /// of a number, a title before every word, first names without end): four times the input may
    /// take at most ten times as long (a quadratic scan would take sixteen), and the long runs stay
    /// within a loose bound for a debug build on a busy machine.
    @Test func longHostileInputIsLinear() {
        let clock = ContinuousClock()
        let anonymizer = Anonymizer()
        func time(_ count: Int) -> Duration {
            let inputs = [
                String(repeating: "0 ", count: count), String(repeating: "Meneer ", count: count),
                String(repeating: "Jan de ", count: count), String(repeating: "geboren 1-1-1980 ", count: count / 4),
            ]
            return clock.measure { for input in inputs { _ = anonymizer.anonymize(input) } }
        }
        _ = time(500)
        let short = time(5_000)
        let long = time(20_000)
        #expect(long < short * 10, "5,000: \(short), 20,000: \(long)")
        #expect(long < .seconds(20), "took \(long)")
    }
}
