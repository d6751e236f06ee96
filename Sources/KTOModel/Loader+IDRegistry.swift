import KTOImport

/// The respondent ids seen so far in a meting, with the line of each first occurrence.
///
/// Ids as written: numeric ids ("0012" and "12" are the same respondent) and other ids apart.
/// Exports number respondents densely (a range of consecutive numbers), so numeric ids live in a
/// table indexed by `id - low` as long as the range stays within a small multiple of the ids
/// seen: one array access per row instead of hashing. Sparse ids (random numbers) move the
/// registry to a dictionary for good. Either way `register` answers exactly as a dictionary would.
struct IDRegistry: Sendable {
    /// First line per numeric id in `low ..< low + dense.count`; 0 = not seen.
    private var dense: [UInt32] = []
    private var low = 0
    private var isDense = true
    private var sparse: [Int: Int] = [:]
    private var texts: [String: Int] = [:]
    /// Numeric ids registered.
    private(set) var numericCount = 0
    /// Room the table starts with at the first id: a part of a file expects as many ids as the
    /// line ends in it, and grew its table six times over from 4,096 before.
    private var expected = 1 << 12

    init() {}

    /// A registry for about `expectedIDs` ids (a part of a file: the line ends in it).
    init(expectedIDs: Int) {
        expected = max(1 << 12, min(expectedIDs + expectedIDs / 8, 1 << 24))
    }

    /// Registers a numeric id first seen on `line`; returns the earlier line if it was seen.
    @inline(__always)
    mutating func register(_ id: Int, line: Int) -> Int? {
        if isDense {
            let k = id &- low
            if k >= 0 && k < dense.count && line < Int(UInt32.max) {
                let first = dense[k]
                if first != 0 { return Int(first) }
                dense[k] = UInt32(line)
                numericCount += 1
                return nil
            }
            return registerSlowly(id, line: line)
        }
        if let first = sparse[id] { return first }
        sparse[id] = line
        numericCount += 1
        return nil
    }

    /// Whether a table over `span` numbers for `ids` ids is dense enough to keep: within a
    /// million entries, or sixteen per id. The one rule for growing, widening and merging.
    private static func staysDense(span: Int, ids: Int) -> Bool { span <= max(1 << 20, 16 * ids) }

    /// Registers an id that is not a number.
    @inline(__always)
    mutating func register(_ id: String, line: Int) -> Int? {
        if let first = texts[id] { return first }
        texts[id] = line
        return nil
    }

    /// Ids the table takes: its arithmetic (`id - low`, `low + count`, the growth) cannot
    /// overflow within ±2^52; numbers of any length are ids, and larger ones go to the dictionary.
    static let tableLimit: UInt = 1 << 52

    /// Outside the table: widen it while the range stays dense, else switch to the dictionary.
    private mutating func registerSlowly(_ id: Int, line: Int) -> Int? {
        guard id.magnitude <= Self.tableLimit else {
            toSparse()
            return register(id, line: line)
        }
        if dense.isEmpty {
            // The first id: room above it, where the next ones usually are.
            low = id
            dense = [UInt32].filled(repeating: 0, count: expected, advising: Prefault.populate)
        } else if id - low >= 0 && id - low < dense.count {
            // In range but the line does not fit the table (a file of four billion lines).
            toSparse()
            return register(id, line: line)
        } else {
            let newLow = min(low, id)
            let newHigh = max(low + dense.count, id + 1)
            let span = newHigh - newLow
            guard Self.staysDense(span: span, ids: numericCount) else {
                toSparse()
                return register(id, line: line)
            }
            // Grow geometrically towards the side the new id is on.
            let room = max(span / 2, 1 << 12)
            let lowered = id < low ? newLow - room : newLow
            let raised = id < low ? newHigh : newHigh + room
            var grown = [UInt32].filled(repeating: 0, count: raised - lowered, advising: Prefault.populate)
            let offset = low - lowered
            for k in dense.indices where dense[k] != 0 { grown[offset + k] = dense[k] }
            dense = grown
            low = lowered
        }
        return register(id, line: line)
    }

    private mutating func toSparse() {
        for k in dense.indices where dense[k] != 0 { sparse[low + k] = Int(dense[k]) }
        dense = []
        isDense = false
    }

    /// Every numeric id with its first line.
    func forEachNumeric(_ body: (Int, Int) -> Void) {
        if isDense {
            for k in dense.indices where dense[k] != 0 { body(low + k, Int(dense[k])) }
        } else {
            for (id, line) in sparse { body(id, line) }
        }
    }

    /// The first line of a numeric id, if seen.
    func line(of id: Int) -> Int? {
        if isDense {
            let k = id &- low
            return k >= 0 && k < dense.count && dense[k] != 0 ? Int(dense[k]) : nil
        }
        return sparse[id]
    }

    /// Whether any id of `other` is also in this registry.
    func overlaps(_ other: IDRegistry) -> Bool {
        if isDense && other.isDense {
            // Two tables: an id can only be in both where their ranges meet.
            let from = max(low, other.low)
            let to = min(low + dense.count, other.low + other.dense.count)
            if from < to {
                for id in from..<to where dense[id - low] != 0 && other.dense[id - other.low] != 0 { return true }
            }
        } else {
            var found = false
            other.forEachNumeric { id, _ in if !found && line(of: id) != nil { found = true } }
            if found { return true }
        }
        return other.texts.keys.contains { texts[$0] != nil }
    }

    /// Adds the ids of a later part of the file, whose lines count from 1 at the part's start.
    /// Two tables are merged in one pass (on one thread after the parts are read: a register
    /// call per id took 3.5 ms per 250,000 ids); otherwise each id is registered.
    /// - Precondition: `!overlaps(other)`.
    mutating func absorb(_ other: IDRegistry, lineOffset: Int) {
        if !(isDense && other.isDense && mergeTable(other, lineOffset: lineOffset) == .merged) {
            other.forEachNumeric { id, line in _ = register(id, line: line + lineOffset) }
        }
        for (id, line) in other.texts { texts[id] = line + lineOffset }
    }

    /// `absorb(other, lineOffset:)` where no id of `other` is in this registry, in one pass over
    /// two tables (the check and the merge together, as `overlaps` then `absorb` made two);
    /// false, and nothing changed, where an id is in both.
    mutating func absorbIfDisjoint(_ other: IDRegistry, lineOffset: Int) -> Bool {
        guard !other.texts.keys.contains(where: { texts[$0] != nil }) else { return false }
        if isDense && other.isDense {
            switch mergeTable(other, lineOffset: lineOffset, checking: true) {
            case .merged:
                for (id, line) in other.texts { texts[id] = line + lineOffset }
                return true
            case .overlap: return false
            case .notDense: break
            }
        }
        guard !overlaps(other) else { return false }
        absorb(other, lineOffset: lineOffset)
        return true
    }

    /// Widens the table once to take the ids of `others` too, where it stays dense
    /// (`staysDense`): absorbing a file's later parts one after the other then
    /// copies the table once, not once per part. Changes no answer.
    mutating func reserve(covering others: [IDRegistry]) {
        guard isDense else { return }
        var range: Range<Int>? = dense.isEmpty ? nil : low..<(low + dense.count)
        var count = numericCount
        for other in others where other.isDense && !other.dense.isEmpty {
            let own = other.low..<(other.low + other.dense.count)
            range = range.map { min($0.lowerBound, own.lowerBound)..<max($0.upperBound, own.upperBound) } ?? own
            count += other.numericCount
        }
        guard let range, Self.staysDense(span: range.count, ids: count), range != low..<(low + dense.count) else { return }
        widen(to: range)
    }

    /// The table over `range` (which holds its present one), the lines kept.
    private mutating func widen(to range: Range<Int>) {
        var grown = [UInt32].filled(repeating: 0, count: range.count, advising: Prefault.populate)
        if !dense.isEmpty { grown.replaceSubrange((low - range.lowerBound)..<(low - range.lowerBound + dense.count), with: dense) }
        dense = grown
        low = range.lowerBound
    }

    /// What `mergeTable` did.
    enum Merge { case merged, overlap, notDense }

    /// `other`'s table into this one, its lines moved by `lineOffset`; `.notDense` (nothing
    /// changed) where the merged table would not be dense (`staysDense`), or a
    /// line would not fit the table. With `checking`, an id already in this table is an
    /// `.overlap`, and what was merged before it is taken out again.
    private mutating func mergeTable(_ other: IDRegistry, lineOffset: Int, checking: Bool = false) -> Merge {
        guard !other.dense.isEmpty else { return .merged }
        let largest = other.dense.withUnsafeBufferPointer { Int($0.reduce(0) { Swift.max($0, $1) }) }
        guard lineOffset >= 0, lineOffset < Int(UInt32.max) - largest else { return .notDense }
        let inside = !dense.isEmpty && other.low >= low && other.low + other.dense.count <= low + dense.count
        if !inside {
            let newLow = dense.isEmpty ? other.low : min(low, other.low)
            let newHigh = dense.isEmpty ? other.low + other.dense.count : max(low + dense.count, other.low + other.dense.count)
            guard Self.staysDense(span: newHigh - newLow, ids: numericCount + other.numericCount) else { return .notDense }
            widen(to: newLow..<newHigh)
        }
        let shift = UInt32(lineOffset)
        let start = other.low - low
        let clash: Int? = dense.withUnsafeMutableBufferPointer { table in
            other.dense.withUnsafeBufferPointer { source in
                let target = UnsafeMutableBufferPointer(rebasing: table[start..<(start + source.count)])
                // Without branches per entry, so that the loops vectorise: an id in both tables
                // has a non-zero entry in each (a non-zero minimum), an empty source entry
                // leaves the target as it is.
                var k = 0
                while k < source.count {
                    let end = min(k + 4096, source.count)
                    if checking {
                        var both: UInt32 = 0
                        for i in k..<end { both |= Swift.min(source[i], target[i]) }
                        if both != 0 { return k }
                    }
                    for i in k..<end { target[i] = source[i] == 0 ? target[i] : source[i] &+ shift }
                    k = end
                }
                return nil
            }
        }
        if let clash {
            // Take out the blocks merged before the one with the clash: their entries were empty.
            dense.withUnsafeMutableBufferPointer { table in
                other.dense.withUnsafeBufferPointer { source in
                    for i in 0..<clash where source[i] != 0 { table[start + i] = 0 }
                }
            }
            return .overlap
        }
        numericCount += other.numericCount
        return .merged
    }
}
