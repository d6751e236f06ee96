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

    /// A batch gives the same texts as one answer at a time. (Speed is measured by kto-bench,
    /// not asserted here: a timed unit test fails on a busy machine, not on slow code.)
    @Test func aBatchEqualsOneAtATime() {
        let cases = AnonymisationCorpus.cases.map(\.input)
        #expect(!cases.isEmpty)
        var answers: [String] = []
        while answers.count < 2_000 { answers += cases }
        let anonymizer = Anonymizer(knownNames: AnonymisationCorpus.knownNames + (1...200).map { "Medewerker\($0) Achternaam\($0)" })
        let batch = anonymizer.anonymize(answers)
        #expect(batch.results.count == answers.count)
        for k in stride(from: 0, to: answers.count, by: 97) {
            #expect(batch.results[k].text == anonymizer.anonymize(answers[k]).text, "answer \(k)")
        }
    }

    /// Long runs of digits and of titles without a name come out whole and unchanged.
    @Test func longHostileInputComesOutWhole() {
        let digits = String(repeating: "0 ", count: 20_000)
        let letters = String(repeating: "Meneer ", count: 20_000)
        #expect(Anonymizer().anonymize(digits).text == digits)
        #expect(Anonymizer().anonymize(letters).text.count >= letters.count - 20)
    }

    /// Runs of first names and of birth dates come out as many placeholders as items, no crash.
    @Test func longRunsOfNamesAndDatesAreReplacedOneByOne() {
        let dates = String(repeating: "geboren 1-1-1980 ", count: 2_000)
        let result = Anonymizer(configuration: .init(referenceYear: 2026)).anonymize(dates)
        #expect(result.text.components(separatedBy: "(…)").count - 1 == 2_000)
    }
}
