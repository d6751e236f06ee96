/// SplitMix64: small, fast and the same on every platform, so `--seed` reproduces a session.
struct FuzzRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when `bound` is 0).
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

    /// A number in `range`.
    mutating func inRange(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// A length biased to small values (most bugs need a few bytes, some need many).
    mutating func length(max: Int) -> Int {
        switch below(10) {
        case 0..<6: return inRange(1...min(4, Swift.max(1, max)))
        case 6..<9: return inRange(1...min(64, Swift.max(1, max)))
        default: return inRange(1...Swift.max(1, max))
        }
    }

    mutating func element<T>(_ list: [T]) -> T { list[below(list.count)] }
}

/// Byte-level mutations of survey files: generic ones (bit flips, inserts, deletes, splices)
/// and ones aimed at what the parsers look at (quotes, separators, line ends, BOMs, UTF-16,
/// numbers at the edges of their types, study-file syntax).
struct Mutator {
    var maxLength: Int

    /// Bytes that change how a CSV, study file or number is read.
    static let tokens: [[UInt8]] = {
        var list: [[UInt8]] = [
            [0x22], [0x3B], [0x2C], [0x09], [0x7C], [0x0D], [0x0A], [0x0D, 0x0A], [0x00], [0xFF], [0xC3], [0xA0],
            [0xC2, 0xA0], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0x22, 0x22], [0x22, 0x0A, 0x22], [0x22, 0x3B, 0x22], [0x3D], [0x23], [0x2A], [0x2D], [0x2B], [0x2E],
            [0x80], [0x93], [0x94], [0xE2, 0x80, 0xA8], [0xD8, 0x00], [0xDC, 0x00],
        ]
        let texts = [
            "99999999999999999999", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
            "1e308", "-0", "+7", "007", "7,0", "7.0", "7,5", " 7 ", "0012", "32767", "-32768", "32766", "65535", "9999",
            "-9999", "10000", "1-10", "1-1000", "1-100000", "5-1", "1|2|3", "1=a|2=b", "1=a|1=b", "=", " = ", "[", "]",
            "[population]", "[previous]", "[thresholds]", "[benchmark X]", "[benchmark]", "[drempels]", "[vorige]",
            "data = x.csv", "meting = 2013", "aggregates = a.csv", "coding = c.csv", "alpha = 0,05", "suppress = 99",
            "indicative = -1", "quotes = 50", "weighting = gemeente", "encoding = utf-16le", "separator = tab",
            "weet niet", "n.v.t.", "helemaal eens", "Voorschoten", "Den Haag", "gemeente", "respnr", "grade", "likert",
            "category", "multi", "text", "id", "group", "negative", "-", "*", "vriendelijk*", "*x", "goed_codes", "goed_tekst",
            "pct_mentioned", "pct_category", "mean", "NaN", "inf", "0x10", "#",
        ]
        list += texts.map { Array($0.utf8) }
        return list
    }()

    /// One to four stacked mutations of `input`; `other` is a second corpus entry for splices.
    func mutate(_ input: [UInt8], other: [UInt8], random: inout FuzzRandom) -> [UInt8] {
        var data = input
        for _ in 0..<random.inRange(1...4) {
            apply(random.below(19), to: &data, other: other, random: &random)
        }
        if data.count > maxLength { data.removeLast(data.count - maxLength) }
        return data
    }

    private func apply(_ operation: Int, to data: inout [UInt8], other: [UInt8], random: inout FuzzRandom) {
        let n = data.count
        switch operation {
        case 0:  // flip a bit
            guard n > 0 else { return }
            data[random.below(n)] ^= UInt8(1) << UInt8(random.below(8))
        case 1:  // set a byte
            guard n > 0 else { return }
            data[random.below(n)] = UInt8(truncatingIfNeeded: random.next())
        case 2:  // insert random bytes
            let count = random.length(max: 16)
            data.insert(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: random.below(n + 1))
        case 3, 4, 5:  // insert a token
            data.insert(contentsOf: random.element(Self.tokens), at: random.below(n + 1))
        case 6:  // replace a byte by a token
            guard n > 0 else { return }
            let at = random.below(n)
            data.replaceSubrange(at..<at + 1, with: random.element(Self.tokens))
        case 7:  // delete a range
            guard n > 0 else { return }
            let at = random.below(n)
            data.removeSubrange(at..<min(n, at + random.length(max: n - at)))
        case 8:  // duplicate a range
            guard n > 0 else { return }
            let at = random.below(n)
            let chunk = Array(data[at..<min(n, at + random.length(max: 256))])
            data.insert(contentsOf: chunk, at: random.below(n + 1))
        case 9:  // a long run of one byte or token
            let unit = random.chance(50) ? [random.element([0x22, 0x3B, 0x0A, 0x0D, 0x30, 0x39, 0x20, 0x00, 0xFF, 0x61] as [UInt8])]
                : random.element(Self.tokens)
            let repeats = random.element([16, 255, 256, 1000, 4096, 70_000])
            let run = Array([[UInt8]](repeating: unit, count: max(1, min(repeats, maxLength / max(1, unit.count)))).joined())
            data.insert(contentsOf: run, at: random.below(n + 1))
        case 10, 11:  // splice a piece of another input in
            guard !other.isEmpty else { return }
            let from = random.below(other.count)
            let piece = other[from..<min(other.count, from + random.length(max: other.count - from))]
            if random.chance(50) || n == 0 {
                data.insert(contentsOf: piece, at: random.below(n + 1))
            } else {
                let at = random.below(n)
                data.replaceSubrange(at..<min(n, at + piece.count), with: piece)
            }
        case 12:  // cross over: this input's head, the other's tail
            guard n > 0, !other.isEmpty else { return }
            data = Array(data[..<random.below(n)]) + Array(other[random.below(other.count)...])
        case 13:  // a whole line: duplicate, delete or swap
            lineOperation(&data, random: &random)
        case 14:  // a number replaced by an edge value
            replaceNumber(&data, random: &random)
        case 15:  // UTF-16: NULs between the bytes, with or without a BOM
            var out: [UInt8] = random.chance(50) ? [] : (random.chance(50) ? [0xFF, 0xFE] : [0xFE, 0xFF])
            let bigEndian = out == [0xFE, 0xFF] || (out.isEmpty && random.chance(50))
            out.reserveCapacity(2 * n + 2)
            for b in data { out += bigEndian ? [0, b] : [b, 0] }
            if random.chance(20), !out.isEmpty { out.removeLast() }
            data = out
        case 16:  // line ends: all LF, all CRLF or all CR
            let end: [UInt8] = random.element([[0x0A], [0x0D, 0x0A], [0x0D]])
            var out: [UInt8] = []
            var i = 0
            while i < n {
                if data[i] == 0x0D || data[i] == 0x0A {
                    if data[i] == 0x0D, i + 1 < n, data[i + 1] == 0x0A { i += 1 }
                    out += end
                } else {
                    out.append(data[i])
                }
                i += 1
            }
            data = out
        case 17:  // truncate
            guard n > 0 else { return }
            data.removeLast(random.below(n))
        default:  // swap two bytes
            guard n > 1 else { return }
            data.swapAt(random.below(n), random.below(n))
        }
    }

    private func lineStarts(_ data: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in data.enumerated() where b == 0x0A && i + 1 < data.count { starts.append(i + 1) }
        return starts
    }

    private func lineOperation(_ data: inout [UInt8], random: inout FuzzRandom) {
        let starts = lineStarts(data)
        func line(_ k: Int) -> Range<Int> { starts[k]..<(k + 1 < starts.count ? starts[k + 1] : data.count) }
        let a = line(random.below(starts.count))
        switch random.below(3) {
        case 0:
            let copy = Array(data[a])
            let times = random.chance(90) ? 1 : random.inRange(2...200)
            for _ in 0..<times where data.count + copy.count <= maxLength { data.insert(contentsOf: copy, at: a.upperBound) }
        case 1:
            data.removeSubrange(a)
        default:
            let b = line(random.below(starts.count))
            guard a != b else { return }
            let (first, second) = a.lowerBound < b.lowerBound ? (a, b) : (b, a)
            guard first.upperBound <= second.lowerBound else { return }
            let x = Array(data[first])
            let y = Array(data[second])
            data.replaceSubrange(second, with: x)
            data.replaceSubrange(first, with: y)
        }
    }

    private func replaceNumber(_ data: inout [UInt8], random: inout FuzzRandom) {
        let digits = data.indices.filter { data[$0] &- 0x30 < 10 }
        guard !digits.isEmpty else { return }
        var start = random.element(digits)
        while start > 0, data[start - 1] &- 0x30 < 10 { start -= 1 }
        var end = start
        while end < data.count, data[end] &- 0x30 < 10 { end += 1 }
        let edge = random.element([
            "0", "1", "-1", "99", "100", "127", "128", "255", "256", "9999", "10000", "32767", "32768", "65536",
            "2147483648", "4294967296", "999999999999999", "1000000000000000", "9223372036854775807",
            "99999999999999999999999", "00000000000000000001",
        ])
        data.replaceSubrange(start..<end, with: Array(edge.utf8))
    }
}
