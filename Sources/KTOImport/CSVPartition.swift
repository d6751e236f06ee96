import Dispatch

/// Where a file's data is cut into parts for reading them concurrently (`CSVReader.partition`).
///
/// The data is cut near the targets of a `CutPlan`, at the first line start that the quote parity
/// (an even number of `"` since the first data record) puts outside a quoted field. With each cut
/// comes the number of line ends before it: every record ends with one (or with the file), so no
/// part can hold more records than the line ends in it, which lets the parts write their rows
/// into disjoint regions of shared storage.
public struct CSVPartition: Sendable {
    /// Start offset of each part; the first is the first data record's.
    public let starts: [Int]
    /// Line ends between the first data record and each part's start.
    public let lineEndsBefore: [Int]
    /// Line ends in all the data; nil when the data was not cut (one part).
    public let lineEnds: Int?

    public var count: Int { starts.count }
}

/// Where a text is cut into pieces for the UTF-8 check and into parts for the read (the two
/// cuts are the same, so that the read's cut can use the check's counts): the last quarter of
/// the pieces half as long as the others. The threads of a read take the parts in turn
/// (`DatasetLoader.readParts`), so the last parts are read while the other threads finish
/// theirs or wait: shorter last parts leave a core idle for less time (a part of 9 MB is about
/// 9 ms at 1M respondents). Under four pieces they are equal.
package enum CutPlan {
    /// The offset of cut `k` (0...pieces) of `pieces` in `length` bytes.
    package static func target(_ k: Int, of pieces: Int, in length: Int) -> Int {
        let short = pieces / 4
        let long = pieces - short
        // In half pieces: a long piece is two, a short one one.
        let halves = 2 * long + short
        let before = k <= long ? 2 * k : 2 * long + (k - long)
        return Int((Int64(length) * Int64(before)) / Int64(halves))
    }
}

/// Per-range counts of `CSVReader.partition`, written by one thread per range.
///
/// `@unchecked Sendable`: slot `k` is written only by iteration `k` of `concurrentPerform` and
/// read after it returned.
final class RangeCounts: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Int>

    init(_ parts: Int) {
        storage = .allocate(capacity: 2 * parts)
        storage.initialize(repeating: 0, count: 2 * parts)
    }

    deinit { storage.deallocate() }

    func set(_ k: Int, _ counts: (quotes: Int, lineEnds: Int)) {
        storage[2 * k] = counts.quotes
        storage[2 * k + 1] = counts.lineEnds
    }

    func quotes(_ k: Int) -> Int { storage[2 * k] }
    func lineEnds(_ k: Int) -> Int { storage[2 * k + 1] }
}

extension CSVReader {
    /// Cuts the data into `parts` pieces of about equal size for concurrent reading (see
    /// `CSVPartition`), counting quotes and line ends of the pieces concurrently; or, where the
    /// text's UTF-8 check counted them for as many pieces (`SourceText.counts`), cut from those
    /// pieces' starts with those counts.
    /// - Complexity: one pass over the data, on `parts` threads.
    public func partition(into parts: Int) -> CSVPartition {
        let bytes = source.bytes
        let n = bytes.count
        guard parts > 1, let p = bytes.baseAddress, n - dataStart >= 16 * parts else {
            return CSVPartition(starts: [dataStart], lineEndsBefore: [0], lineEnds: nil)
        }
        let counts = RangeCounts(parts)
        let targets: [Int]
        if let counted = source.counts, counted.pieces == parts, counted.cuts[1] > dataStart {
            // Counted while the text was checked: the pieces of that check are the parts' targets,
            // the first one less the header.
            targets = [dataStart] + counted.cuts[1..<parts] + [n]
            let header = Self.count(bytes, from: 0, to: dataStart)
            for k in 0..<parts {
                counts.set(k, (counted.quotes[k] - (k == 0 ? header.quotes : 0), counted.lineEnds[k] - (k == 0 ? header.lineEnds : 0)))
            }
        } else {
            targets = (0...parts).map { k in k == parts ? n : dataStart + CutPlan.target(k, of: parts, in: n - dataStart) }
            let source = self.source
            DispatchQueue.concurrentPerform(iterations: parts) { k in
                // Each iteration writes its own slot only.
                counts.set(k, Self.count(source.bytes, from: targets[k], to: targets[k + 1]))
            }
        }
        let total = (0..<parts).reduce(0) { $0 + counts.lineEnds($1) }
        var starts = [dataStart]
        var lineEndsBefore = [0]
        var quotes = 0
        var lineEnds = 0
        for k in 1..<parts {
            // Quotes and line ends in [dataStart, targets[k]).
            quotes += counts.quotes(k - 1)
            lineEnds += counts.lineEnds(k - 1)
            guard starts[k - 1] < targets[k] else {
                // The previous cut is past this target: part k - 1 is empty.
                starts.append(starts[k - 1])
                lineEndsBefore.append(lineEndsBefore[k - 1])
                continue
            }
            // Forward from the target to the first line start outside quotes, counting on.
            var inside = quotes % 2 == 1
            var ends = lineEnds
            var i = targets[k]
            var start = n
            var endsAtStart = total
            while i < n {
                let before = p[i - 1]
                if !inside && (before == 0x0A || (before == 0x0D && p[i] != 0x0A)) {
                    start = i
                    endsAtStart = ends
                    break
                }
                let c = p[i]
                if c == 0x22 {
                    inside.toggle()
                } else if c == 0x0A || (c == 0x0D && (i + 1 == n || p[i + 1] != 0x0A)) {
                    ends += 1
                }
                i += 1
            }
            starts.append(start)
            lineEndsBefore.append(endsAtStart)
        }
        return CSVPartition(starts: starts, lineEndsBefore: lineEndsBefore, lineEnds: total)
    }

    /// Quotes and line ends (an LF, or a CR not followed by LF, counted at their last byte) in
    /// `b[from..<to]`, sixteen bytes at a time: vector compares whose all-ones lanes are
    /// subtracted from byte counters (emptied every 255 rounds, before they could wrap).
    static func count(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (quotes: Int, lineEnds: Int) {
        guard let p = b.baseAddress, from < to else { return (0, 0) }
        let n = b.count
        var quotes = 0
        var lineEnds = 0
        var i = from
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let lf = SIMD16<UInt8>(repeating: 0x0A)
        let cr = SIMD16<UInt8>(repeating: 0x0D)
        // `i + 17 <= n`: the load at i + 1 (the byte after each byte, to tell CRLF) stays in bounds.
        while i + 16 <= to && i + 17 <= n {
            var quoteLanes = SIMD16<UInt8>()
            var endLanes = SIMD16<UInt8>()
            var rounds = 0
            while rounds < 255 && i + 16 <= to && i + 17 <= n {
                let v = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD16<UInt8>.self)
                let next = UnsafeRawPointer(p + i + 1).loadUnaligned(as: SIMD16<UInt8>.self)
                // A true lane is all ones (255): subtracting it adds one.
                quoteLanes &-= unsafeBitCast(v .== quote, to: SIMD16<UInt8>.self)
                endLanes &-= unsafeBitCast((v .== lf) .| ((v .== cr) .& (next .!= lf)), to: SIMD16<UInt8>.self)
                i += 16
                rounds += 1
            }
            quotes += Int(SIMD16<UInt16>(truncatingIfNeeded: quoteLanes).wrappedSum())
            lineEnds += Int(SIMD16<UInt16>(truncatingIfNeeded: endLanes).wrappedSum())
        }
        while i < to {
            let c = p[i]
            if c == 0x22 {
                quotes += 1
            } else if c == 0x0A || (c == 0x0D && (i + 1 == n || p[i + 1] != 0x0A)) {
                lineEnds += 1
            }
            i += 1
        }
        return (quotes, lineEnds)
    }
}
