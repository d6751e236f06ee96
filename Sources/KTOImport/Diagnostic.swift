/// Something to tell the user about a place in an input file: an error or a warning.
public protocol Diagnostic: Sendable {
    var location: SourceLocation? { get }
    var message: String { get }
    /// The offending line, shown under the message with a caret at the column.
    var lineText: String? { get }
}

extension ImportError: Diagnostic {
    public var location: SourceLocation? { _location }
}

/// Formats diagnostics as compilers do: `file:line:column: message`, the line, and a caret.
public enum DiagnosticRenderer {
    /// Characters of the offending line shown at most; a longer line is shown as a window
    /// around the column, marked with … where it is cut.
    public static let lineWidth = 120

    /// Renders one diagnostic. Tabs in the line are kept so the caret lines up in a terminal.
    public static func render(_ d: any Diagnostic) -> String {
        var out = d.location.map { "\($0): " } ?? ""
        out += d.message
        guard let text = d.lineText else { return out }
        let characters = Array(text)
        guard let column = d.location?.column else {
            return out + "\n    " + String(characters.prefix(lineWidth)) + (characters.count > lineWidth ? "…" : "")
        }
        // A window that keeps the column in view, about a third from the left.
        let target = min(max(0, column - 1), characters.count)
        var start = 0
        if characters.count > lineWidth { start = max(0, min(target - lineWidth / 3, characters.count - lineWidth)) }
        let end = min(characters.count, start + lineWidth)
        let lead = start > 0 ? "…" : ""
        let shown = lead + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        let before = (lead.isEmpty ? [] : [" "]) + characters[start..<target].map { $0 == "\t" ? "\t" : " " }
        return out + "\n    " + shown + "\n    " + before.joined() + "^"
    }
}
