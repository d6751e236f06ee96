/// The content of one cell.
///
/// Text is always written as a string, never as a formula: text that starts with `=`, `+`, `-`
/// or `@` is shown as typed, since a string cell in `.xlsx` is never evaluated.
public enum WorkbookCell: Sendable, Equatable {
    /// Nothing: no cell is written.
    case empty
    /// Text. Control characters other than tab and line breaks (C0, DEL, C1) and U+FFFE/U+FFFF
    /// are removed, CR and CRLF become LF, and text over Excel's limit of 32,767 characters
    /// (UTF-16 code units) is cut with the marker ` … [ingekort]`. Empty text writes only the style (an empty styled cell,
    /// e.g. to continue a header's fill).
    case text(String, style: CellStyle = .normal)
    /// A number shown with `format`. It must be finite: the writer throws
    /// `WorkbookError.nonFiniteNumber` for NaN and infinity (show a missing figure as text).
    case number(Double, format: NumberFormat = .general, style: CellStyle = .normal)
    /// Text that links to cell A1 of another sheet of the same workbook, shown in the link style.
    /// The sheet must exist (exact name), else the writer throws `WorkbookError.unknownLinkTarget`.
    case link(text: String, sheet: String)
}
