/// A tiny HTML builder: every text goes through `HTMLEscaper`, every attribute is quoted and
/// escaped, and every element it opens it closes. Writers never concatenate raw text into markup.
///
/// The document grows as UTF-8 bytes: a report has hundreds of thousands of tags, and appending
/// bytes costs a fraction of growing a String piece by piece.
struct HTMLBuilder {
    private(set) var bytes: [UInt8] = []

    /// The document so far.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// An element with attributes and content built by `body`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout HTMLBuilder) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// An element whose content is text (escaped).
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        close(name)
    }

    /// A void element (`<meta>`, `<br>`).
    mutating func void(_ name: String, _ attributes: [(String, String)] = []) {
        open(name, attributes)
    }

    /// Escaped text content.
    mutating func text(_ text: String) {
        bytes.appendUTF8(InertText.content(text))
    }

    /// Markup made by our own code (CSS, SVG from `SVGBuilder`): never user text.
    mutating func trusted(_ markup: String) { bytes.appendUTF8(markup) }

    mutating func newline() { bytes.append(0x0A) }

    private mutating func open(_ name: String, _ attributes: [(String, String)]) {
        bytes.append(0x3C)  // <
        bytes.appendUTF8(name)
        for (key, value) in attributes {
            bytes.append(0x20)
            bytes.appendUTF8(key)
            bytes.append(0x3D)  // =
            bytes.append(0x22)  // "
            bytes.appendUTF8(InertText.attribute(value))
            bytes.append(0x22)
        }
        bytes.append(0x3E)  // >
    }

    private mutating func close(_ name: String) {
        bytes.append(0x3C)
        bytes.append(0x2F)  // /
        bytes.appendUTF8(name)
        bytes.append(0x3E)
    }
}
