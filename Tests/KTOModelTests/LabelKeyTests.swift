import Testing
@testable import KTOModel

/// A cell is looked up as it is before its key is made (`CellDecoder.code`); that gives the same
/// code only because the key of a key is that key.
@Suite("Label keys")
struct LabelKeyTests {
    static let pieces = [
        "Weet", "weet", "NIET", "niet", " ", "  ", "\t", "\u{A0}", ".", "..", "n.v.t.", "N.V.T", "é", "E\u{301}", "\u{301}",
        "İ", "ΑΣ", "ß", "ﬁ", "Mee", "eens", "-", "1", "😀", "\u{0}", "\n",
    ]

    @Test func theKeyOfAKeyIsItself() {
        var state: UInt64 = 2026
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            let text = (0..<(next() % 6)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            let key = Variable.labelKey(text)
            #expect(Variable.labelKey(key) == key, "\(Array(text.unicodeScalars))")
        }
        #expect(Variable.labelKey(" Weet\u{A0} Niet. ") == "weet niet")
    }
}
