/// Why an SPSS system file (.sav, .zsav) could not be read.
///
/// The reader never crashes on bad input: every problem ends up here, with the byte offset or the
/// case and variable where it was found, so an analyst can tell a truncated download from a file
/// that is not SPSS at all.
public struct SAVError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Error, Sendable, Equatable {
        /// The file could not be opened or read (`reason` in Dutch).
        case unreadableFile(reason: String)
        /// The first four bytes (`magic`, up to four) are not `$FL2` or `$FL3`.
        case notASystemFile(magic: [UInt8])
        /// The file ends at `offset` although the record there needs more bytes.
        case truncated(offset: Int)
        /// A record type that the format does not have, at `offset`.
        case badRecordType(Int, offset: Int)
        /// The file's character encoding (name or code page) is not one the reader can decode.
        case unsupportedEncoding(String)
        /// A compression code other than 0 (none), 1 (bytecode) or 2 (zlib).
        case unsupportedCompression(Int)
        /// A bytecode that cannot occur where it stands (e.g. a number code in a string
        /// variable). `offset` is the byte offset in the bytecode stream (for .zsav: the offset the
        /// byte would have in the same file with bytecode compression).
        case corruptCompressedData(offset: Int, case: Int, variable: String)
        /// The data ends inside case `case` (1-based), at `variable`.
        case partialCase(case: Int, variable: String)
        /// The header declares `declared` cases but the data holds `found`.
        case caseCountMismatch(declared: Int, found: Int)
        /// A zlib block of a .zsav file (`block` 1-based) does not decompress.
        case zlib(InflateError, block: Int)
        /// The file would need more memory than the reader allows (`what` in Dutch).
        case tooLarge(String)
        /// The dictionary contradicts itself (`detail` in Dutch).
        case inconsistent(String)
    }

    /// The file as the user named it.
    public var file: String
    public var kind: Kind

    public init(_ kind: Kind, file: String) {
        self.kind = kind
        self.file = file
    }

    /// The problem in Dutch, without the file name.
    public var detail: String {
        switch kind {
        case .unreadableFile(let reason): return "bestand kan niet worden gelezen: \(reason)"
        case .notASystemFile(let magic):
            let shown = magic.map { byte in
                if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
                return "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }.joined()
            var hint = ""
            if magic.starts(with: [0x50, 0x4B]) {
                hint = " (het lijkt een zip- of Excelbestand)"
            } else if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                hint = " (het lijkt een oud Excel- of Office-bestand)"
            }
            return "dit is geen SPSS-systeembestand (.sav/.zsav): het begint met '\(shown)' in plaats van $FL2 of $FL3\(hint)"
        case .truncated(let offset):
            return "het bestand houdt op bij byte \(offset) terwijl daar nog gegevens horen te staan; het is waarschijnlijk afgekapt"
        case .badRecordType(let type, let offset):
            return "onbekend recordtype \(type) bij byte \(offset); het bestand is beschadigd of geen SPSS-systeembestand"
        case .unsupportedEncoding(let name):
            return "tekencodering '\(name)' wordt niet ondersteund (wel: UTF-8, windows-1252, ISO-8859-1, ISO-8859-15); "
                + "sla het bestand in SPSS op als Unicode (UTF-8)"
        case .unsupportedCompression(let code):
            return "onbekende compressiemethode \(code) in de kop (verwacht 0, 1 of 2)"
        case .corruptCompressedData(let offset, let row, let variable):
            return "case \(row), variabele \(variable): ongeldige gecomprimeerde gegevens bij byte \(offset); het bestand is beschadigd"
        case .partialCase(let row, let variable):
            return "case \(row), variabele \(variable): de gegevens houden midden in deze case op; het bestand is waarschijnlijk afgekapt"
        case .caseCountMismatch(let declared, let found):
            return "de kop noemt \(declared) cases maar er staan er \(found) in het bestand; "
                + "het bestand is waarschijnlijk afgekapt of beschadigd"
        case .zlib(let error, let block):
            return "zlib-blok \(block) van de gegevens kan niet worden uitgepakt: \(error.message)"
        case .tooLarge(let what): return "het bestand is te groot om te lezen: \(what)"
        case .inconsistent(let detail): return "het bestand is niet consistent: \(detail)"
        }
    }

    /// `file: detail`, as the CLI prints it.
    public var message: String { "\(file): \(detail)" }

    public var description: String { message }
}

extension SAVError: Diagnostic {
    /// SPSS files have no lines: the place (byte offset, case, variable) is part of `message`.
    public var location: SourceLocation? { nil }
    public var lineText: String? { nil }
}
