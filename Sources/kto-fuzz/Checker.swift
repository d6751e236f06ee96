import KTOImport
import KTOModel

/// Collects broken invariants.
struct Checker {
    var violations: [String] = []
    /// The lines of the source checked last (sources are checked many times in a row).
    private var index: LineIndex?

    mutating func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { violations.append(message()) }
    }

    /// A location must name a line that exists in `source` (when the source was read) and a
    /// column from 1 to one past the end of that line.
    mutating func checkLocation(_ location: SourceLocation?, in source: SourceText?, _ what: String) {
        guard let location else { return }
        check(location.line >= 1, "\(what): line \(location.line) < 1")
        // Only places in the input itself can be checked (a loader error may name the codebook).
        guard let source, location.file == source.file else { return }
        if index?.isIndex(of: source) != true { index = LineIndex(source) }
        guard let index, let length = index.length(ofLine: location.line) else {
            return check(false, "\(what): line \(location.line) does not exist (\(location))")
        }
        if let column = location.column {
            check(column >= 1 && column <= length + 1, "\(what): column \(column) outside line \(location.line) (\(length) characters)")
        }
    }

    /// An error thrown by a parser: one of the documented types, with locations that exist.
    /// Returns a short name for the signature.
    mutating func checkError(_ error: any Error, source: SourceText?, _ what: String) -> String {
        switch error {
        case let e as ImportError:
            checkLocation(e.location, in: e.kind == .invalidUTF16 ? nil : source, "\(what) ImportError")
            return "import:" + "\(e.kind)".prefix(while: { $0 != "(" })
        case let e as StudyError:
            check(!e.problems.isEmpty, "\(what): StudyError without problems")
            for p in e.problems { checkLocation(p.location, in: source, "\(what) StudyError '\(p.message)'") }
            return "study:\(min(e.problems.count, 3))"
        case let e as StrictModeError:
            checkLocation(e.location, in: source, "\(what) StrictModeError")
            return "strict"
        case let e as TableFileError:
            // The loader's documented error for files read through TableFile (platform exports,
            // .sav, .xlsx); its CSV places must exist like ImportError's.
            check(!e.message.isEmpty, "\(what): TableFileError without a message")
            checkLocation(e.location, in: source, "\(what) TableFileError")
            return "table:" + "\(e)".prefix(while: { $0 != "(" })
        default:
            check(false, "\(what): undocumented error type \(type(of: error)): \(error)")
            return "other"
        }
    }
}
