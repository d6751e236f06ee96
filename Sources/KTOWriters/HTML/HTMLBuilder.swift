import KTOText

/// A tiny HTML builder: every text goes through `HTMLEscaper`, every attribute is quoted and
/// escaped, and every element it opens it closes. Writers never concatenate raw text into markup.
struct HTMLBuilder {
    private(set) var html = ""

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
    mutating func text(_ text: String) { html += InertText.content(text) }

    /// Markup made by our own code (CSS, SVG from `SVGBuilder`): never user text.
    mutating func trusted(_ markup: String) { html += markup }

    mutating func newline() { html += "\n" }

    // Piece by piece rather than interpolated: a report has hundreds of thousands of tags.
    private mutating func open(_ name: String, _ attributes: [(String, String)]) {
        html += "<"
        html += name
        for (key, value) in attributes {
            html += " "
            html += key
            html += "=\""
            html += InertText.attribute(value)
            html += "\""
        }
        html += ">"
    }

    private mutating func close(_ name: String) {
        html += "</"
        html += name
        html += ">"
    }
}
