import Testing
@testable import KTOText

/// `ScalarText` reads an ASCII text through a table of the 128 ASCII scalars; any other text
/// scalar by scalar. A non-ASCII character after an ASCII text sends it the general way, so the
/// two ways can be compared on the same characters.
@Suite("Scalar text")
struct ScalarTextTests {
    @Test func asciiTableEqualsTheGeneralClassification() {
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let every = String(String.UnicodeScalarView((0..<128).map { Unicode.Scalar(UInt8($0)) }))
        let texts = [every, "", "Mevrouw Jansen-de Vries belde 06-12345678 op 3 maart."]
            + (0..<300).map { _ in String(String.UnicodeScalarView((0..<next(40)).map { _ in Unicode.Scalar(UInt8(next(128))) })) }
        for text in texts {
            let ascii = ScalarText(text)
            let general = ScalarText(text + "é")
            let n = text.unicodeScalars.count
            #expect(ascii.count == n)
            #expect(ascii.scalars == Array(general.scalars.prefix(n)))
            #expect(ascii.lower == Array(general.lower.prefix(n)))
            #expect(ascii.classes == Array(general.classes.prefix(n)))
        }
        // The table itself, on the definition: capitals fold, and each class is what it says.
        let t = ScalarText("Az9 \t-")
        #expect(t.lower.map(\.value) == [0x61, 0x7A, 0x39, 0x20, 0x09, 0x2D])
        #expect(t.classes == [ScalarText.letter | ScalarText.upper, ScalarText.letter | ScalarText.lowerCase, ScalarText.digit, ScalarText.space, ScalarText.space, 0])
    }
}
