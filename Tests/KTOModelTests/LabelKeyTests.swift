import Foundation
import Testing
@testable import KTOModel

/// Shortcuts of the parsers that must answer as the plain code does: a cell is looked up as it is
/// before its key is made (`CellDecoder.code`), which gives the same code only because the key of
/// a key is that key; and trimming skips Foundation where there is nothing to trim.
@Suite("Label keys and trimming")
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

    @Test func trimmingAsFoundationDoes() {
        let pieces = [" ", "\t", "\n", "\r", "\u{A0}", "\u{2003}", "\u{85}", "\u{0}", "a", "Z", "7", ".", "é", "😀", "\u{301}", "~", "\u{7F}"]
        var state: UInt64 = 99
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            let text = (0..<(next() % 6)).map { _ in pieces[next() % pieces.count] }.joined()
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            #expect(text.trimmingWhitespace(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(text.unicodeScalars))")
            let part = text.dropFirst()
            #expect(part.trimmingWhitespace() == part.trimmingCharacters(in: .whitespaces))
        }
    }
}
