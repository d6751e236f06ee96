/// The character encodings the SPSS reader decodes, chosen from the file's encoding record
/// (extension 20) or, without one, the code page of its integer info record (extension 3).
enum SAVTextEncoding: Sendable, Equatable {
    case utf8
    /// Also used for ISO-8859-1 and US-ASCII: as in the WHATWG encoding standard, Windows-1252 is
    /// read for both, since bytes 0x80-0x9F in such files are Windows characters, not C1 controls.
    case windows1252
    /// ISO-8859-15 (Latin-9): ISO-8859-1 with € Š š Ž ž Œ œ Ÿ in eight places.
    case latin9

    /// The encoding for an IANA name or alias as SPSS writes it (case and punctuation vary:
    /// `UTF-8`, `windows-1252`, `WINDOWS-1252`, `cp1252`, `ISO-8859-15`). `nil` if unsupported.
    init?(name: String) {
        let key = String(name.lowercased().filter { $0.isLetter || $0.isNumber })
        switch key {
        case "utf8": self = .utf8
        case "windows1252", "cp1252", "xcp1252", "iso88591", "latin1", "l1", "cp819", "ibm819", "cp28591",
            "usascii", "ascii", "ansix341968", "cp20127", "iso646us", "us":
            self = .windows1252
        case "iso885915", "latin9", "l9", "cp28605", "latin0": self = .latin9
        default: return nil
        }
    }

    /// The encoding for an integer-info `character_code`, or the name to report when unsupported.
    /// Codes 0, 2 and 3 say only "some ASCII" (old SPSS wrote 2 whatever it used), so they are
    /// read as Windows-1252, which every ASCII-based Western file is compatible with.
    static func forCodePage(_ code: Int) -> Result<(SAVTextEncoding, String), UnsupportedName> {
        switch code {
        case 65001: return .success((.utf8, "UTF-8"))
        case 1252: return .success((.windows1252, "windows-1252"))
        case 28591, 819: return .success((.windows1252, "ISO-8859-1"))
        case 28605: return .success((.latin9, "ISO-8859-15"))
        case 20127: return .success((.windows1252, "US-ASCII"))
        case 0, 2, 3: return .success((.windows1252, "windows-1252"))
        case 1: return .failure(UnsupportedName("EBCDIC"))
        case 874, 1250...1258: return .failure(UnsupportedName("windows-\(code)"))
        default: return .failure(UnsupportedName("codepagina \(code)"))
        }
    }

    struct UnsupportedName: Error, Equatable {
        var name: String
        init(_ name: String) { self.name = name }
    }

    /// Decodes bytes (never fails: invalid UTF-8 becomes U+FFFD).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Names, labels and most answers are ASCII: one pass, no intermediate buffer.
        if self != .utf8 && !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        switch self {
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .windows1252: return Windows1252.decode(bytes)
        case .latin9:
            var utf8: [UInt8] = []
            utf8.reserveCapacity(bytes.count + bytes.count / 4)
            for byte in bytes {
                if byte < 0x80 {
                    utf8.append(byte)
                } else {
                    Windows1252.appendUTF8(Self.latin9Scalar(byte), to: &utf8)
                }
            }
            return String(decoding: utf8, as: UTF8.self)
        }
    }

    /// The scalar for a byte of ISO-8859-15.
    static func latin9Scalar(_ byte: UInt8) -> UInt32 {
        switch byte {
        case 0xA4: return 0x20AC
        case 0xA6: return 0x0160
        case 0xA8: return 0x0161
        case 0xB4: return 0x017D
        case 0xB8: return 0x017E
        case 0xBC: return 0x0152
        case 0xBD: return 0x0153
        case 0xBE: return 0x0178
        default: return UInt32(byte)
        }
    }
}
