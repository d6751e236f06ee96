/// The look of a cell: one of a small fixed set, so that every workbook has the same style table.
public enum CellStyle: Int, Sendable, Equatable, CaseIterable {
    /// Calibri 11, top-aligned.
    case normal
    /// As `normal`, wrapping long text onto more lines in the cell.
    case wrapped
    /// Bold, e.g. a total row or a row label.
    case bold
    /// Bold 14 pt: a sheet's title. Not counted when columns are fitted to their content (a
    /// title runs on over the empty cells beside it).
    case title
    /// Italic grey 10 pt: a source line or footnote. Not counted when fitting columns either.
    case note
    /// A column header: bold, light fill, thin bottom border, wrapped, bottom-aligned.
    case header
    /// As `header`, right-aligned: the header of a column of numbers.
    case headerRight
    /// Blue underlined, as a hyperlink; `WorkbookCell.link` cells get it automatically.
    case link
    /// As `header`, centred: a heading over a group of columns (merged across them).
    case headerCentered
    /// As `note`, wrapping onto more lines: a note merged across a table's width, so that it
    /// prints within the page. Not counted when fitting columns.
    case noteWrapped
}
