extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of `text` from its storage in one copy (`append(contentsOf:
    /// text.utf8)` goes through the generic sequence path, several times slower for the short
    /// texts the writers append by the hundred thousand).
    mutating func appendUTF8(_ text: String) {
        // Read in place; only a text without contiguous UTF-8 (bridged) is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            var copy = text
            copy.withUTF8 { append(contentsOf: $0) }
        }
    }
}
