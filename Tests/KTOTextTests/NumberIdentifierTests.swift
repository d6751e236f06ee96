import Testing
@testable import KTOText

/// BSN and IBAN: checksums decide, and invalid numbers stay (except Dutch-shaped IBANs, see below).
@Suite("BSN and IBAN")
struct NumberIdentifierTests {
    let anonymizer = Anonymizer()
    let mask = "(\u{2026})"

    @Test(arguments: ["111222333", "123456782", "123.456.782", "1234 56 782", "123 456 782", "123-456-782"])
    func validBSNIsMasked(_ bsn: String) {
        let result = anonymizer.anonymize("Mijn BSN is \(bsn).")
        #expect(result.text == "Mijn BSN is \(mask).")
        #expect(result.counts == [.bsn: 1])
    }

    @Test(arguments: ["123456789", "123.456.789", "111222334", "000000000", "987654321"])
    func nineDigitsFailingElevenProofStay(_ number: String) {
        let text = "Kenmerk \(number) staat op de brief."
        #expect(anonymizer.anonymize(text).text == text)
    }

    @Test func elevenProofByHand() {
        // 9·1 + 8·1 + 7·1 + 6·2 + 5·2 + 4·2 + 3·3 + 2·3 − 1·3 = 66 = 6·11
        #expect(BSNDetector.passesElevenProof([1, 1, 1, 2, 2, 2, 3, 3, 3]))
        // 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 1·2 = 154 = 14·11
        #expect(BSNDetector.passesElevenProof([1, 2, 3, 4, 5, 6, 7, 8, 2]))
        #expect(!BSNDetector.passesElevenProof([1, 2, 3, 4, 5, 6, 7, 8, 9]))
        #expect(!BSNDetector.passesElevenProof([0, 0, 0, 0, 0, 0, 0, 0, 0]))
        #expect(!BSNDetector.passesElevenProof([1, 2, 3]))
    }

    @Test(arguments: ["1234567820", "12345678", "€ 123456782,50", "123456782a"])
    func numbersThatAreNotNineDigitsStay(_ text: String) {
        #expect(anonymizer.anonymize(text).text == text)
    }

    @Test(arguments: [
        "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300",
        "BE68539007547034", "BE68 5390 0754 7034", "DE89 3704 0044 0532 0130 00", "NL 91 ABNA 0417 1643 00",
        "nl91 abna 0417 1643 00",
    ])
    func validIBANIsMasked(_ iban: String) {
        let result = anonymizer.anonymize("Rekening \(iban) graag.")
        #expect(result.text == "Rekening \(mask) graag.")
        #expect(result.counts == [.iban: 1])
    }

    @Test func checksum() {
        #expect(IBANDetector.checksumIsValid(Array("nl91abna0417164300".unicodeScalars)))
        #expect(!IBANDetector.checksumIsValid(Array("nl91abna0417164301".unicodeScalars)))
        #expect(IBANDetector.isDutchShape(Array("nl91abna0417164301".unicodeScalars)))
        #expect(!IBANDetector.isDutchShape(Array("be68539007547034".unicodeScalars)))
    }

    /// Decision: a Dutch-shaped IBAN with a wrong checksum is masked by default,
    /// because a mistyped account number still identifies a person and nothing
    /// else in ordinary text has that shape.
    @Test func invalidDutchShapedIBANIsMaskedByDefault() {
        let result = anonymizer.anonymize("Rekening NL91ABNA0417164301 klopt niet.")
        #expect(result.text == "Rekening \(mask) klopt niet.")
        #expect(result.counts == [.iban: 1])
    }

    @Test func invalidDutchShapedIBANStaysWhenSwitchedOff() {
        let strict = Anonymizer(configuration: .init(maskInvalidDutchIBANs: false))
        let text = "Rekening NL91ABNA0417164301 klopt niet."
        #expect(strict.anonymize(text).text == text)
        #expect(strict.anonymize("Rekening NL91ABNA0417164300.").text == "Rekening \(mask).")
    }

    @Test(arguments: ["BE68539007547035", "GB82 WEST 1234 5698 7654 33", "XY12 ABCD 1234 5678 90"])
    func invalidForeignIBANStays(_ text: String) {
        #expect(anonymizer.anonymize(text).text == text)
    }

    @Test func ibanDoesNotSwallowFollowingWords() {
        #expect(anonymizer.anonymize("NL91 ABNA 0417 1643 00 en 2014").text == "\(mask) en 2014")
        #expect(anonymizer.anonymize("NL91 ABNA 0417 1643 00 1234 5678").text == "\(mask) 1234 5678")
        #expect(anonymizer.anonymize("NL91ABNA0417164300é").text == "NL91ABNA0417164300é")
    }

    @Test(arguments: ["AB12 dit zijn gewoon woorden in een zin hier", "ok 45 jaar en 3 kinderen van 12 jaar oud"])
    func wordsAfterLetterDigitTokensAreNotAnIBAN(_ text: String) {
        #expect(anonymizer.anonymize(text).text == text)
    }
}
