import Foundation

/// The one entry point for a data file of any kind: CSV (plain, or a Qualtrics, LimeSurvey or
/// SurveyMonkey export, recognised from its header), SPSS .sav/.zsav and Excel .xlsx. Every kind
/// comes back as the same `DataTable`, with the rows it left out and why.
///
/// The kind follows from the extension; a file whose first bytes say otherwise (an .xlsx saved as
/// `export.csv`) is read as what it is. `.xls` and `.ods` are refused with advice.
public enum TableFile {
    /// The most cells (rows × columns) a CSV file may give as a table.
    public static let defaultMaxCells = 100_000_000

    /// What the bytes of a file say it is, whatever its name.
    enum Magic {
        case sav, zip, compound, text

        init(_ head: some Collection<UInt8>) {
            let bytes = Array(head.prefix(4))
            if bytes == Array("$FL2".utf8) || bytes == Array("$FL3".utf8) {
                self = .sav
            } else if bytes == [0x50, 0x4B, 0x03, 0x04] || bytes == [0x50, 0x4B, 0x05, 0x06] {
                self = .zip
            } else if bytes == [0xD0, 0xCF, 0x11, 0xE0] {
                self = .compound
            } else {
                self = .text
            }
        }
    }

    /// Extensions of spreadsheets kto cannot read.
    static let unsupported: Set<String> = ["xls", "ods", "xlsb", "numbers", "fods"]

    /// Reads the file at `path`.
    /// - Parameters:
    ///   - displayName: the file as messages name it (`export.csv`); its extension decides the kind.
    ///   - sheet: for a workbook, the sheet (by name, case-insensitive); nil = the first.
    ///   - format: for a CSV file, its shape; nil = recognised from the header.
    ///   - includeUnfinished: keep unfinished (Qualtrics) and unsubmitted (LimeSurvey) responses.
    ///   - encoding, dialect: for a CSV file, overrides of what is detected.
    /// - Throws: `TableFileError`, never a crash on a damaged file.
    public static func read(
        path: String, displayName: String, sheet: String? = nil, format: ExportFormat? = nil,
        includeUnfinished: Bool = false, encoding: TextEncoding? = nil, dialect: CSVDialect? = nil,
        maxCells: Int = defaultMaxCells
    ) throws(TableFileError) -> TableFileResult {
        let ext = Self.ext(displayName.isEmpty ? path : displayName)
        if unsupported.contains(ext) { throw .unsupportedSpreadsheet(file: displayName, extension: ext) }
        // An SPSS system file is read from the file, through a window, not copied in whole.
        if let head = ByteStorage.head(ofFile: path, count: 4), Magic(head) == .sav {
            return try systemFile(displayName: displayName, sheet: sheet, format: format) { () throws(SAVError) in
                try SAVReader.read(path: path, displayName: displayName)
            }
        }
        guard let storage = ByteStorage.contents(ofFile: path) else {
            throw .csv(ImportError(.unreadableFile(reason: ByteStorage.unreadableReason(path)), at: SourceLocation(file: displayName, line: 1)))
        }
        return try read(
            bytes: Array(storage.all), displayName: displayName, sheet: sheet, format: format, includeUnfinished: includeUnfinished,
            encoding: encoding, dialect: dialect, maxCells: maxCells)
    }

    /// Reads a file held in memory; `displayName`'s extension decides the kind, as for a path.
    public static func read(
        bytes: [UInt8], displayName: String, sheet: String? = nil, format: ExportFormat? = nil,
        includeUnfinished: Bool = false, encoding: TextEncoding? = nil, dialect: CSVDialect? = nil,
        maxCells: Int = defaultMaxCells
    ) throws(TableFileError) -> TableFileResult {
        let ext = Self.ext(displayName)
        if unsupported.contains(ext) { throw .unsupportedSpreadsheet(file: displayName, extension: ext) }
        let kind: ExportFormat
        switch Magic(bytes) {
        case .sav: kind = .sav
        case .zip: kind = .xlsx
        // An Office compound file is an encrypted .xlsx (the reader says so) or an old .xls.
        case .compound: kind = ext == "xlsx" || ext == "xlsm" ? .xlsx : .sav
        case .text: kind = ["sav", "zsav"].contains(ext) ? .sav : ext == "xlsx" || ext == "xlsm" ? .xlsx : .plain
        }
        if case .compound = Magic(bytes), kind == .sav {
            throw .unsupportedSpreadsheet(file: displayName, extension: "xls")
        }
        if let format, !format.isCSV, format != kind && !(format == .zsav && kind == .sav) {
            throw .formatNeedsCSV(file: displayName, format: format, actual: kind)
        }
        switch kind {
        case .sav, .zsav:
            return try systemFile(displayName: displayName, sheet: sheet, format: format) { () throws(SAVError) in
                try bytes.withUnsafeBufferPointer { buffer throws(SAVError) in
                    try SAVReader.read(bytes: buffer, displayName: displayName)
                }
            }
        case .xlsx:
            let table: DataTable
            do {
                table = try XLSXReader.read(bytes: bytes, displayName: displayName, sheet: sheet)
            } catch {
                throw .xlsx(error)
            }
            return try shape(PlatformDraft(named: table), plain: table, format: format, includeUnfinished: includeUnfinished)
        default:
            if let sheet { throw .sheetWithoutWorkbook(file: displayName, sheet: sheet) }
            let source: SourceText
            do {
                source = try SourceText(bytes: bytes, file: displayName, encoding: encoding)
            } catch {
                throw .csv(error)
            }
            let csv = try CSVTable(source: source, dialect: dialect, file: displayName, maxCells: maxCells)
            let recognised = format ?? recognise(csv.names)
            if recognised == .plain {
                var result = TableFileResult(
                    table: try csv.plainTable(file: displayName), format: .plain, formatRecognised: format == nil, text: csv.details)
                result.leftOut = csv.leftOut
                return result
            }
            var result = try shape(
                PlatformDraft(raw: csv.rawTable(file: displayName)), plain: nil, format: recognised, includeUnfinished: includeUnfinished,
                recognised: format == nil)
            result.leftOut = (csv.leftOut + result.leftOut).sorted { $0.line < $1.line }
            result.text = csv.details
            return result
        }
    }

    /// An SPSS system file's table (`read` reads it), after the checks of the options that do
    /// not apply to one.
    private static func systemFile(
        displayName: String, sheet: String?, format: ExportFormat?, read: () throws(SAVError) -> DataTable
    ) throws(TableFileError) -> TableFileResult {
        if let format, !format.isCSV, format != .sav && format != .zsav {
            throw .formatNeedsCSV(file: displayName, format: format, actual: .sav)
        }
        if let sheet { throw .sheetWithoutWorkbook(file: displayName, sheet: sheet) }
        if let format, format.isCSV { throw .formatNeedsCSV(file: displayName, format: format, actual: .sav) }
        let table: DataTable
        do {
            table = try read()
        } catch {
            throw .sav(error)
        }
        return TableFileResult(table: table, format: table.format == .zsav ? .zsav : .sav, formatRecognised: format == nil)
    }

    /// The platform whose header `names` is, or plain.
    /// The platform whose export has this header row (`plain` when none).
    public static func recognise(_ names: [String]) -> ExportFormat {
        if QualtricsExport.recognises(names) { return .qualtrics }
        if LimeSurveyExport.recognises(names) { return .limesurvey }
        if SurveyMonkeyExport.recognises(names) { return .surveymonkey }
        return .plain
    }

    /// Shapes a table by its platform: `format` when given, else the recognised one. A workbook
    /// (`plain` given) stays as its reader made it unless a platform is recognised.
    static func shape(
        _ draft: PlatformDraft, plain: DataTable?, format given: ExportFormat?, includeUnfinished: Bool, recognised: Bool? = nil
    ) throws(TableFileError) -> TableFileResult {
        var draft = draft
        let format = given.map { $0.isCSV ? $0 : .plain } ?? recognise(draft.names)
        if format == .plain, let plain {
            return TableFileResult(table: plain, format: .xlsx, formatRecognised: given == nil)
        }
        switch format {
        case .qualtrics:
            guard QualtricsExport.recognises(draft.names) else {
                throw .notThisFormat(file: draft.file, format: format, missing: QualtricsExport.missing(draft.names))
            }
            try QualtricsExport.shape(&draft, includeUnfinished: includeUnfinished)
        case .limesurvey:
            guard LimeSurveyExport.recognises(draft.names) else {
                throw .notThisFormat(file: draft.file, format: format, missing: LimeSurveyExport.missing(draft.names))
            }
            LimeSurveyExport.shape(&draft, includeUnfinished: includeUnfinished)
        case .surveymonkey:
            guard SurveyMonkeyExport.recognises(draft.names) else {
                throw .notThisFormat(file: draft.file, format: format, missing: SurveyMonkeyExport.missing(draft.names))
            }
            try SurveyMonkeyExport.shape(&draft)
        default:
            break
        }
        return TableFileResult(
            table: try draft.table(), format: format, formatRecognised: recognised ?? (given == nil), leftOut: draft.leftOut,
            headerRowsSkipped: draft.headerRowsSkipped, metadataColumns: draft.metadata, notes: draft.notes)
    }

    /// The lower-case extension of a file name, without the dot.
    static func ext(_ name: String) -> String {
        let last = name.split(separator: "/").last.map(String.init) ?? name
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return "" }
        return String(last[last.index(after: dot)...]).lowercased()
    }
}
