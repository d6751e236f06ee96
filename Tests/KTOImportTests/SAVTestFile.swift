/// Builds small little-endian system files byte by byte, for the cases no producer writes on
/// request (unknown case count, end code, odd records). Layout as in the PSPP developers' guide.
struct SAVTestFile {
    var bytes: [UInt8] = []

    /// The 176-byte file header.
    init(magic: String = "$FL2", layout: Int32 = 2, compression: Int32 = 0, cases: Int32 = -1, bias: Double = 100) {
        bytes += Array(magic.utf8)
        text("@(#) SPSS DATA FILE kto test", width: 60)
        int(layout); int(-1); int(compression); int(0); int(cases)
        double(bias)
        text("01 Jan 25", width: 9); text("12:00:00", width: 8); text("", width: 64)
        bytes += [0, 0, 0]
    }

    mutating func int(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    mutating func double(_ v: Double) { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } }
    mutating func text(_ s: String, width: Int) {
        let utf8 = Array(s.utf8.prefix(width))
        bytes += utf8 + Array(repeating: 0x20, count: width - utf8.count)
    }

    /// A numeric (`width` 0) or string variable record, with its continuation records.
    mutating func variable(_ name: String, width: Int32 = 0, missing: [Double] = [], missingCode: Int32? = nil) {
        let format: Int32 = width == 0 ? (5 << 16 | 8 << 8) : (1 << 16 | width << 8)
        int(2); int(width); int(0); int(missingCode ?? Int32(missing.count)); int(format); int(format)
        text(name, width: 8)
        for m in missing { double(m) }
        if width > 8 {
            for _ in 1..<((width + 7) / 8) {
                int(2); int(-1); int(0); int(0); int(format); int(format); text("", width: 8)
            }
        }
    }

    mutating func extensionRecord(subtype: Int32, size: Int32, count: Int32, data: [UInt8]) {
        int(7); int(subtype); int(size); int(count)
        bytes += data
    }

    mutating func encoding(_ name: String) {
        extensionRecord(subtype: 20, size: 1, count: Int32(name.utf8.count), data: Array(name.utf8))
    }

    mutating func end() { int(999); int(0) }

    /// One group of eight bytecodes followed by the raw values its 253 codes announce.
    mutating func group(_ codes: [UInt8], raw: [[UInt8]] = []) {
        bytes += codes + Array(repeating: 0, count: 8 - codes.count)
        for r in raw { bytes += r }
    }

    /// One 8-byte element of a case: a number (nil: SYSMIS) or 8 bytes of a string.
    enum Element {
        case number(Double?)
        case text([UInt8])
    }

    /// Appends cases uncompressed.
    mutating func rows(_ cases: [[Element]]) {
        for row in cases {
            for element in row {
                switch element {
                case .number(let v): double(v ?? -Double.greatestFiniteMagnitude)
                case .text(let b): bytes += b
                }
            }
        }
    }

    /// Appends cases as bytecode (bias 100), as the PSPP guide describes it, then the end code.
    mutating func compressedRows(_ cases: [[Element]]) {
        var codes: [UInt8] = []
        var raw: [[UInt8]] = []
        func flush() {
            guard !codes.isEmpty else { return }
            group(codes, raw: raw)
            codes = []
            raw = []
        }
        for element in cases.joined() {
            switch element {
            case .number(nil): codes.append(255)
            case .number(let v?) where v == v.rounded() && v >= -99 && v <= 151: codes.append(UInt8(Int(v) + 100))
            case .number(let v?):
                codes.append(253)
                raw.append(withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) })
            case .text(let b) where b.allSatisfy({ $0 == 0x20 }): codes.append(254)
            case .text(let b):
                codes.append(253)
                raw.append(b)
            }
            if codes.count == 8 { flush() }
        }
        codes.append(252)
        flush()
    }
}

extension SAVTestFile {
    /// A file of `count` cases (5000 by default) of three variables: A, codes with
    /// system-missing now and then and a number without a code at case 4322; B, codes 0-149; S,
    /// an 8-byte string, blank in every third case. As bytecode (compression 1) or uncompressed;
    /// `headerEnd` is where the data starts.
    static func generated(compression: Int32, count: Int = 5000) -> (bytes: [UInt8], headerEnd: Int) {
        var f = SAVTestFile(compression: compression, cases: Int32(count))
        f.variable("A")
        f.variable("B")
        f.variable("S", width: 8)
        f.end()
        let headerEnd = f.bytes.count
        let cases: [[Element]] = (0..<count).map { (r: Int) -> [Element] in
            let a: Double? = r == 4321 ? 2.5 : r % 7 == 0 ? nil : Double(r % 11 - 3)
            let label = Array("r\(r % 1000)".utf8)
            let text: [UInt8] = r % 3 == 0 ? Array("        ".utf8) : label + Array(repeating: 0x20, count: 8 - label.count)
            return [.number(a), .number(Double(r % 150)), .text(text)]
        }
        if compression == 1 { f.compressedRows(cases) } else { f.rows(cases) }
        return (f.bytes, headerEnd)
    }
}
