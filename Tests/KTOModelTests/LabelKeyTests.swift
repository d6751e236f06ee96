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

    /// Taking out or replacing an ASCII character byte by byte gives what Foundation gives, for
    /// text without a combining mark right after that character (Foundation then keeps the pair
    /// together; such text is no number or list of codes anyway).
    @Test func removingAndReplacingAsFoundationDoes() {
        let pieces = [" ", ".", ",", "%", "1", "10", "a", "é", "ß", "😀", "\u{A0}", "\t", "-", "İ"]
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            let text = (0..<(next() % 8)).map { _ in pieces[next() % pieces.count] }.joined()
            for (byte, character) in [(UInt8(0x20), " "), (0x2E, "."), (0x25, "%")] {
                #expect(text.removingASCII(byte) == text.replacingOccurrences(of: character, with: ""), "\(Array(text.unicodeScalars))")
            }
            #expect(text.replacingASCII(0x2C, with: 0x2E) == text.replacingOccurrences(of: ",", with: "."), "\(Array(text.unicodeScalars))")
            let part = text.dropFirst()
            #expect(part.removingASCII(0x20) == String(part).replacingOccurrences(of: " ", with: ""))
        }
    }
}

