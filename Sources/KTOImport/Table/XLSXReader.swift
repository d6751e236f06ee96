import Foundation

/// Reads one worksheet of an .xlsx workbook (ECMA-376, Office Open XML) into a `DataTable`:
/// the first non-empty row names the columns, every later non-empty row is a data row.
///
/// Cells keep what the file holds: numbers as numbers, text as text, booleans, Excel errors as
/// their text (`#N/A`), formula cells as their cached result (formulas are never evaluated).
/// Date-formatted numbers stay serial day numbers of the 1900 system (1904 workbooks are
/// shifted); a column whose numbers are all date-formatted gets `dateEpoch = .excelDays`.
public struct XLSXReader {
    /// Caps on what a workbook may make us allocate.
    public struct Limits: Sendable, Equatable {
        public var archive: ZipArchive.Limits
        /// Most cells (data rows × columns) in the table.
        public var maxCells: Int

        public init(archive: ZipArchive.Limits, maxCells: Int) {
            self.archive = archive
            self.maxCells = maxCells
        }

        public static let standard = Limits(archive: .standard, maxCells: 100_000_000)
    }

    /// Reads the sheet called `sheet` (the first worksheet when nil) of the file at `path`;
    /// `displayName` is the file as messages name it.
    public static func read(
        path: String, displayName: String, sheet: String? = nil, limits: Limits = .standard
    ) throws(XLSXError) -> DataTable {
        try read(bytes: readFile(path, displayName: displayName), displayName: displayName, sheet: sheet, limits: limits)
    }

    public static func read(
        bytes: [UInt8], displayName: String, sheet: String? = nil, limits: Limits = .standard
    ) throws(XLSXError) -> DataTable {
        let package = try XLSXPackage(bytes: bytes, file: displayName, limits: limits.archive)
        let workbook = try XLSXWorkbook(package: package)
        let chosen = try choose(sheet, in: workbook, file: displayName)
        guard let sheetPart = chosen.part else { throw .missingPart(file: displayName, part: "werkblad '\(chosen.name)'") }

        var sharedStrings: [String] = []
        let stringsPart = workbook.sharedStringsPart ?? "xl/sharedStrings.xml"
        if let strings = try package.optionalPart(stringsPart) {
            sharedStrings = try XLSXSharedStrings.read(strings, part: stringsPart, package: package)
        }
        var styles = XLSXStyles()
        let stylesPart = workbook.stylesPart ?? "xl/styles.xml"
        if let styleBytes = try package.optionalPart(stylesPart) {
            styles = try XLSXStyles(styleBytes, part: stylesPart, package: package)
        }
        // The sheet's CRC is checked on another core while the sheet is read (a tenth of the
        // time); a mismatch is reported, as before, instead of anything the reading found.
        let (sheetBytes, verify) = try package.uncheckedPart(sheetPart)
        let checking = Background { Result { () throws(XLSXError) in try verify() } }
        var builder = XLSXTableBuilder(file: displayName, sheet: chosen.name, maxCells: limits.maxCells)
        let parser = XLSXSheetParser(
            file: package.file, part: sheetPart, sheet: chosen.name, sharedStrings: sharedStrings, styles: styles,
            date1904: workbook.date1904)
        let read = Result { () throws(XLSXError) in try parser.read(sheetBytes, into: &builder) }
        try checking.wait().get()
        try read.get()
        return try builder.table()
    }

    /// The names of all sheets, in workbook order.
    public static func sheetNames(bytes: [UInt8], displayName: String = "werkmap") throws(XLSXError) -> [String] {
        let package = try XLSXPackage(bytes: bytes, file: displayName, limits: Limits.standard.archive)
        return try XLSXWorkbook(package: package).sheets.map(\.name)
    }

    /// The requested sheet: by exact name, else ignoring case (Excel names are unique that way);
    /// without a name, the first worksheet.
    private static func choose(_ name: String?, in workbook: XLSXWorkbook, file: String) throws(XLSXError) -> XLSXWorkbook.Sheet {
        let all = workbook.sheets
        guard let name else {
            guard let first = all.first(where: \.isWorksheet) ?? all.first else { throw .noSheets(file: file) }
            return first
        }
        if let exact = all.first(where: { $0.name == name }) { return exact }
        let lowered = name.lowercased()
        if let loose = all.first(where: { $0.name.lowercased() == lowered }) { return loose }
        throw .sheetNotFound(file: file, sheet: name, available: all.map(\.name))
    }

    private static func readFile(_ path: String, displayName: String) throws(XLSXError) -> [UInt8] {
        guard let storage = ByteStorage.contents(ofFile: path) else {
            throw .unreadableFile(file: displayName, reason: ByteStorage.unreadableReason(path))
        }
        return Array(storage.all)
    }
}
