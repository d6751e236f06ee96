import Foundation
import KTOImport

extension DatasetLoader {
    /// The text the loader reads for a data file. A plain CSV export is read as it is (the fast
    /// path); everything else (an SPSS file, a workbook, a survey platform's CSV, recognised from
    /// its first bytes and its header unless `format =` names it) goes through `TableFile` and is
    /// rendered as text that names the file's own places (`TableText`).
    /// - Throws: `ImportError`, `TableFileError` with the file's name and place.
    func openSource(_ file: Study.DataFile, reserve: ByteReserve? = nil) throws -> (source: SourceText, table: RowLedger.TableOrigin?) {
        if file.format == nil || file.format == .plain, Self.startsAsText(file.path) {
            let source = try SourceText(
                contentsOf: file.path, displayName: file.displayName, encoding: study.encoding,
                threads: runnerThreads, pieces: wantedParts, reserve: reserve,
                mapping: mapsLargeFiles)
            // A platform's export is told by its header; the header alone is cheap to read.
            if file.format == .plain { return (source, nil) }
            let header = try CSVReader(source: source, dialect: study.dialect).header
            if TableFile.recognise(header) == .plain { return (source, nil) }
        }
        let result = try TableFile.read(
            path: file.path, displayName: file.displayName, sheet: file.sheet, format: file.format,
            includeUnfinished: study.includeUnfinished, encoding: study.encoding, dialect: study.dialect)
        var origin = RowLedger.TableOrigin(
            format: result.format, recognised: result.formatRecognised, sheet: result.table.sheet,
            encoding: result.table.encoding ?? result.text.map { $0.encoding.rawValue })
        origin.leftOut = result.leftOut
        origin.platformColumns = result.metadataColumns
        origin.notes = result.notes
        return (try TableText.render(result.table), origin)
    }

    /// Whether a file's first bytes are text (not an SPSS file, a zip or an OLE compound file).
    static func startsAsText(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }  // the text reader says why
        defer { try? handle.close() }
        let magic = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        return !(magic == Array("$FL2".utf8) || magic == Array("$FL3".utf8) || magic == [0x50, 0x4B, 0x03, 0x04]
            || magic == [0x50, 0x4B, 0x05, 0x06] || magic == [0xD0, 0xCF, 0x11, 0xE0])
    }
}

extension DatasetLoader {
    /// Malformed rows a table reader took out (a platform CSV row with another number of fields,
    /// text after a closing quote) are rejections of the ledger, as in a plain export; rows of
    /// responses that were never finished stay in the origin's list (no respondents).
    /// - Throws: `StrictModeError` for the first malformed row under `--strict`.
    func account(_ leftOut: [LeftOutRow], in ledger: inout RowLedger) throws {
        var added = false
        for row in leftOut {
            let reason: RowLedger.Reason
            switch row.reason {
            case .wrongFieldCount(let found, let expected): reason = .wrongFieldCount(expected: expected, found: found)
            case .textAfterQuote(let field): reason = .textAfterClosingQuote(column: field)
            case .notFinished, .notSubmitted: continue
            }
            if strict {
                throw StrictModeError(location: SourceLocation(file: ledger.file, line: row.line), message: "rij afgewezen (--strict): \(reason.message)", lineText: nil)
            }
            ledger.rejections.append(.init(line: row.line, reason: reason))
            ledger.rowsRead += 1
            added = true
        }
        if added { ledger.rejections.sort { $0.line < $1.line } }
    }
}
