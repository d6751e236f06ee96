import Testing
@testable import KTOText

@Suite("HTML escaping")
struct HTMLEscaperTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTMLEscaper.escapeContent("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        #expect(HTMLEscaper.escapeAttribute("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    }

    @Test func ampersandIsEscapedOnce() {
        #expect(HTMLEscaper.escapeContent("&amp;") == "&amp;amp;")
    }

    @Test func ordinaryTextIsUnchanged() {
        let text = "Mijn consulent is heel vriendelijk, een 7,5! € 50 — ëïé (…) \u{FFFD}"
        #expect(HTMLEscaper.escapeContent(text) == text)
    }

    @Test func lineBreaksInContentAndAttributes() {
        #expect(HTMLEscaper.escapeContent("a\r\nb\rc\nd\te") == "a\nb\nc\nd\te")
        #expect(HTMLEscaper.escapeAttribute("a\r\nb\tc") == "a&#10;b&#9;c")
    }

    @Test func controlCharactersAreRemoved() {
        let text = "a\u{0}b\u{1}c\u{1F}d\u{7F}e\u{80}f\u{9F}g\u{202E}h\u{2066}i\u{FFFF}j"
        #expect(HTMLEscaper.escapeContent(text) == "abcdefghij")
    }

    @Test func emojiAndCombiningMarksSurvive() {
        let text = "top 👍🏽 e\u{0301}"
        #expect(HTMLEscaper.escapeContent(text) == text)
    }
}
