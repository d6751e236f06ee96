import Foundation
import KTOImport

/// The kinds of data file the loader reads, told apart by their first bytes (not by the name:
/// a workbook saved as `export.csv` is still a workbook).
enum DataFileKind: Equatable {
    case text
    case spss
    case workbook
    /// An old binary Excel file (.xls), or a workbook protected with a password (both are OLE
    /// compound files).
    case compoundFile

    init(path: String) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            self = .text  // the text reader says why it cannot read the file
            return
        }
        defer { try? handle.close() }
        let magic = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        switch magic {
        case Array("$FL2".utf8), Array("$FL3".utf8): self = .spss
        case [0x50, 0x4B, 0x03, 0x04]: self = .workbook
        case [0xD0, 0xCF, 0x11, 0xE0]: self = .compoundFile
        default: self = .text
        }
    }
}

extension DatasetLoader {
    /// The text the loader reads for a data file: a CSV export as it is; an SPSS file or a
    /// workbook rendered as text that names the table's own places (`TableText`).
    /// - Throws: `ImportError`, `SAVError`, `XLSXError` with the file's name and place.
    func openSource(_ file: Study.DataFile) throws -> (source: SourceText, table: RowLedger.TableOrigin?) {
        switch DataFileKind(path: file.path) {
        case .text:
            return (try SourceText(contentsOf: file.path, displayName: file.displayName, encoding: study.encoding), nil)
        case .spss:
            let table = try SAVReader.read(path: file.path, displayName: file.displayName)
            return (try TableText.render(table), RowLedger.TableOrigin(format: table.format, sheet: nil, encoding: table.encoding))
        case .workbook:
            let table = try XLSXReader.read(path: file.path, displayName: file.displayName, sheet: file.sheet)
            return (try TableText.render(table), RowLedger.TableOrigin(format: .xlsx, sheet: table.sheet, encoding: nil))
        case .compoundFile:
            throw ImportError(
                .unreadableFile(reason: "dit is een oud Excel-bestand (.xls) of een met een wachtwoord beveiligde werkmap; sla het in Excel op als .xlsx (zonder wachtwoord) of als CSV"),
                at: SourceLocation(file: file.displayName, line: 1))
        }
    }
}
