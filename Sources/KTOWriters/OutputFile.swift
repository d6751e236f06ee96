/// One rendered file of the report folder: its path there and its bytes, in one or more pieces
/// that are written one after the other. `results.csv` comes in the blocks its rows were encoded
/// in on all cores: joining them would copy 13 MB at 1M respondents and hold both at once.
public struct OutputFile: Sendable {
    /// Relative to the report folder.
    public var path: String
    /// The file's bytes, in order.
    public var pieces: [[UInt8]]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        pieces = [bytes]
    }

    public init(path: String, pieces: [[UInt8]]) {
        self.path = path
        self.pieces = pieces
    }

    /// Bytes in all.
    public var size: Int { pieces.reduce(0) { $0 + $1.count } }

    /// The pieces joined (a copy, unless there is only one).
    public var bytes: [UInt8] {
        guard pieces.count != 1 else { return pieces[0] }
        var joined: [UInt8] = []
        joined.reserveCapacity(size)
        for piece in pieces { joined += piece }
        return joined
    }
}
