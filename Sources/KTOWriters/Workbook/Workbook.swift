/// A workbook to write as `.xlsx` with `WorkbookWriter`: sheets of cells with a small fixed set of
/// styles and number formats. A plain value; the writer validates it and turns it into bytes.
public struct Workbook: Sendable, Equatable {
    /// The sheets in tab order; at least one. Names must be valid and unique (see
    /// `Worksheet.safeName(_:taken:)`).
    public var sheets: [Worksheet]
    /// The author in the document properties (`dc:creator`), or none.
    public var creator: String?
    /// The title in the document properties (`dc:title`), or none.
    public var title: String?

    /// - Parameters:
    ///   - sheets: the sheets in tab order.
    ///   - creator: the author shown in the file's properties.
    ///   - title: the title shown in the file's properties.
    public init(sheets: [Worksheet], creator: String? = nil, title: String? = nil) {
        self.sheets = sheets
        self.creator = creator
        self.title = title
    }
}
