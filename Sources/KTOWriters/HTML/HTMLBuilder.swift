import KTOText

/// A tiny HTML builder: every text goes through `HTMLEscaper`, every attribute is quoted and
/// escaped, and every element it opens it closes. Writers never concatenate raw text into markup.
struct HTMLBuilder {
    private(set) var html = ""

    /// An element with attributes and content built by `body`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout HTMLBuilder) -> Void) {
        open(name, attributes)
        body(&self)
        html += "</\(name)>"
    }

    /// An element whose content is text (escaped).
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        html += "</\(name)>"
    }

    /// A void element (`<meta>`, `<br>`).
    mutating func void(_ name: String, _ attributes: [(String, String)] = []) {
        open(name, attributes)
    }

    /// Escaped text content.
    mutating func text(_ text: String) { html += HTMLEscaper.escapeContent(text) }

    /// Markup made by our own code (CSS, SVG from `SVGBuilder`): never user text.
    mutating func trusted(_ markup: String) { html += markup }

    mutating func newline() { html += "\n" }

    private mutating func open(_ name: String, _ attributes: [(String, String)]) {
        html += "<\(name)"
        for (key, value) in attributes { html += " \(key)=\"\(HTMLEscaper.escapeAttribute(value))\"" }
        html += ">"
    }
}
