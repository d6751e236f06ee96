import Foundation
import Testing
@testable import KTOText

@Suite("Plain text cleaning")
struct TextCleanerTests {
    @Test func lineBreaksAreNormalised() {
        #expect(TextCleaner.plain("a\r\nb\rc\nd") == "a\nb\nc\nd")
        #expect(TextCleaner.plain("a\r\r\nb") == "a\n\nb")
    }

    @Test func tabsAndNewlinesAreKept() {
        #expect(TextCleaner.plain("a\tb\n  c  ") == "a\tb\n  c  ")
    }

    @Test func controlCharactersAreRemoved() {
        #expect(TextCleaner.plain("a\u{0}b\u{8}c\u{7F}d\u{85}e\u{202D}f") == "abcdef")
    }

    @Test func singleLineCollapsesWhiteSpace() {
        #expect(TextCleaner.plain("  Goed \t geholpen\r\n\r\nDank\u{A0}je  ", singleLine: true) == "Goed geholpen Dank je")
        #expect(TextCleaner.plain("\n\t ", singleLine: true) == "")
        #expect(TextCleaner.plain("a\u{0} b", singleLine: true) == "a b")
    }

    /// The ASCII shortcut for white space must say what Unicode says, for every ASCII scalar.
    @Test func singleLineTreatsEveryASCIIScalarAsUnicodeDoes() {
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            // Between two letters: white space becomes one space, anything else stays or goes
            // with the control characters.
            let text = "a" + String(Character(scalar)) + "b"
            let kept = TextCleaner.plain(text)
            let expected = scalar.properties.isWhitespace && kept == text ? "a b" : kept.replacingOccurrences(of: "\n", with: " ")
            #expect(TextCleaner.plain(text, singleLine: true) == expected, "\(value)")
        }
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Een 7,5 — prima (…) ë \u{FFFD}"
        #expect(TextCleaner.plain(text) == text)
        #expect(TextCleaner.plain(text, singleLine: true) == text)
    }

    /// The shortcut for plain one-line ASCII gives what the scalar rules give, on texts of
    /// printable ASCII, spaces at the ends and doubled, tabs, controls and other scalars.
    @Test func plainSingleLineShortcutMatchesTheRules() {
        var state: UInt64 = 77
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        let pieces = ["a", "Goed", "7,5", "!", "~", " ", " ", "  ", "\t", "\n", "\r\n", "\u{0}", "\u{7F}", "\u{A0}", "é", "\u{202E}", "😀"]
        var shortcut = 0
        for round in 0..<20_000 {
            let pool = round % 2 == 0 ? Array(pieces.prefix(7)) : pieces
            let text = (0..<(next() % 8)).map { _ in pool[next() % pool.count] }.joined()
            if TextCleaner.isPlainSingleLine(text) { shortcut += 1 }
            #expect(TextCleaner.plain(text, singleLine: true) == TextCleaner.plainByScalars(text, singleLine: true), "\(Array(text.unicodeScalars))")
        }
        #expect(shortcut > 2_000)
    }
}
