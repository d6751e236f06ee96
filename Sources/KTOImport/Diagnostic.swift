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
    /// Renders one diagnostic. Tabs in the line are kept so the caret lines up in a terminal.
    public static func render(_ d: any Diagnostic) -> String {
        var out = d.location.map { "\($0): " } ?? ""
        out += d.message
        if let text = d.lineText, let column = d.location?.column {
            let shown = String(text.prefix(200))
            out += "\n    " + shown
            let prefix = shown.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            out += "\n    " + prefix + "^"
        } else if let text = d.lineText {
            out += "\n    " + String(text.prefix(200))
        }
        return out
    }
}
