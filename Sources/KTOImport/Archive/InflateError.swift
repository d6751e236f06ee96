/// Why a DEFLATE (RFC 1951) or zlib (RFC 1950) stream could not be decoded. Offsets are byte
/// offsets into the compressed input, for the developer who has to look at the file.
public enum InflateError: Error, Sendable, Equatable {
    /// The input ends before the stream does.
    case truncated(offset: Int)
    /// Block type 3 (reserved).
    case invalidBlockType(offset: Int)
    /// A Huffman code description that is over-subscribed or inconsistent, or a code that is not
    /// in the table, or a symbol that may not occur (length 286/287, distance 30/31).
    case invalidHuffmanCode(offset: Int)
    /// A back-reference to before the start of the output.
    case distanceTooFar(offset: Int)
    /// A stored block whose LEN is not the complement of NLEN.
    case storedLengthMismatch(offset: Int)
    /// A zlib header that is not deflate, fails its check bits or needs a preset dictionary.
    case badZlibHeader
    /// The Adler-32 of the output differs from the one in the zlib trailer.
    case checksumMismatch
    /// The output would grow past the cap the caller set (zip-bomb protection).
    case outputLimitExceeded(limit: Int)
}

extension InflateError: Diagnostic {
    public var location: SourceLocation? { nil }
    public var lineText: String? { nil }

    /// The message in Dutch.
    public var message: String {
        switch self {
        case .truncated(let offset):
            return "gecomprimeerde gegevens zijn afgebroken: ze houden op bij byte \(offset) terwijl er meer verwacht werd"
        case .invalidBlockType(let offset):
            return "gecomprimeerde gegevens zijn beschadigd: ongeldig bloktype bij byte \(offset)"
        case .invalidHuffmanCode(let offset):
            return "gecomprimeerde gegevens zijn beschadigd: ongeldige Huffman-code bij byte \(offset)"
        case .distanceTooFar(let offset):
            return "gecomprimeerde gegevens zijn beschadigd: verwijzing naar gegevens vóór het begin, bij byte \(offset)"
        case .storedLengthMismatch(let offset):
            return "gecomprimeerde gegevens zijn beschadigd: lengte van een ongecomprimeerd blok klopt niet, bij byte \(offset)"
        case .badZlibHeader:
            return "gecomprimeerde gegevens hebben geen geldige zlib-kop"
        case .checksumMismatch:
            return "gecomprimeerde gegevens zijn beschadigd: de Adler-32-controlesom klopt niet"
        case .outputLimitExceeded(let limit):
            return "uitgepakte gegevens worden groter dan de toegestane \(limit) bytes; het bestand wordt niet verder uitgepakt"
        }
    }
}
