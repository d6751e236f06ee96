#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

extension RecordParser {
    /// The fast loop: the stop bytes (separator, CR, LF) of 64 bytes at a time as a bit mask,
    /// fields popped off it. The only dependency from one field to the next is clearing the
    /// mask's lowest bit, so short fields are split without waiting on each other's length, and
    /// the one hard-to-predict branch (the mask ran out) comes once per 64 bytes, not once per
    /// word of eight. A function of its own so that its variables stay in registers.
    /// - Returns: the fields split; `next` (the next record's offset) when the record ended,
    ///   else -1 and `position`, the start of a field that needs the general loop (a quote, or
    ///   the last `fastLoopMargin` bytes of the buffer).
    @inline(never)
    func fastFields(
        _ p: UnsafePointer<UInt8>, count n: Int, from: Int, separator: UInt8, separatorLanes: SIMD16<UInt8>,
        values: UnsafeMutablePointer<Int16>, stride: Int
    ) -> (fields: Int, slowValues: Int, next: Int, position: Int) {
        fastFieldsBody(p, count: n, from: from, separator: separator, separatorLanes: separatorLanes, values: values, stride: stride)
    }

    /// `fastFields` with the stride of the loader's tiles (`tileStride`) as a constant: the loop
    /// then keeps one variable fewer in a register.
    @inline(never)
    func fastFieldsTiled(
        _ p: UnsafePointer<UInt8>, count n: Int, from: Int, separator: UInt8, separatorLanes: SIMD16<UInt8>,
        values: UnsafeMutablePointer<Int16>
    ) -> (fields: Int, slowValues: Int, next: Int, position: Int) {
        fastFieldsBody(p, count: n, from: from, separator: separator, separatorLanes: separatorLanes, values: values, stride: Self.tileStride)
    }

    /// The stride the loader's tiles use (`CSVCursor.tileStride`), for which the fast loop has a
    /// copy of its own.
    static let tileStride = 64

    /// The loop of `fastFields` and `fastFieldsTiled`.
    @inline(__always)
    func fastFieldsBody(
        _ p: UnsafePointer<UInt8>, count n: Int, from: Int, separator: UInt8, separatorLanes: SIMD16<UInt8>,
        values: UnsafeMutablePointer<Int16>, stride: Int
    ) -> (fields: Int, slowValues: Int, next: Int, position: Int) {
        // Every load stays in bounds: masks cover [block, block + 64) with block <= n - margin,
        // a field's word is read at its start (before n - 16), and the byte after its end. A
        // short field is read as the two bytes before its end, so the record must follow a line
        // end (it always does: `pairs` relies on it) at offset 1 or later.
        let lastBlock = n &- Self.fastLoopMargin
        guard from >= 2, from <= lastBlock, p[from &- 1] == 0x0A || p[from &- 1] == 0x0D else { return (0, 0, -1, from) }
        let pairs = UnsafePointer(self.pairs)
        var entries = UnsafePointer(table)
        let tableEnd = entries + tableColumns &* CSVCodeTable.stride
        var span = self.spans
        // The largest table value: `slow` is the largest Int16, so it says whether any was slow.
        var largest = Int16.min
        var i = from
        var block = from
        var mask = Self.stopMask(p + block, separators: separatorLanes)
        var out = values
        // The result when the loop stops: fields so far, the slow values among them, and where.
        @inline(__always) func stop(next: Int, at position: Int) -> (fields: Int, slowValues: Int, next: Int, position: Int) {
            (span - spans, Self.slowCount(values, written: (entries - UnsafePointer(table)) / CSVCodeTable.stride, stride: stride, largest: largest), next, position)
        }
        // The table's columns first: the spans have room for all of them (the parser is made
        // that wide), so this loop has no capacity check and no call to `grow`, and keeps its
        // variables in registers.
        while entries != tableEnd {
            guard p[i] != 0x22 else { return stop(next: -1, at: i) }
            while mask == 0 {
                block &+= 64
                if block > lastBlock { return stop(next: -1, at: i) }
                mask = Self.stopMask(p + block, separators: separatorLanes)
            }
            let end = block &+ mask.trailingZeroBitCount
            mask &= mask &- 1
            let length = end &- i
            let value: Int16
            if length <= 2 {
                // The two bytes before the end say the length (a stop byte there) and digits.
                let pair = UnsafeRawPointer(p + (end &- 2)).loadUnaligned(as: UInt16.self)
                value = entries[Int(pairs[Int(UInt16(littleEndian: pair))])]
            } else {
                // Entry 127 is `slow`, or `unused` in a column the caller did not fill.
                value = length <= 4 ? Self.lookup(Self.word(p + i), length: length, in: entries) : entries[127]
            }
            out.pointee = value
            out += stride
            entries += CSVCodeTable.stride
            largest = max(largest, value)
            span.initialize(to: FieldSpan(start: Int64(i), end: Int64(end), origin: Int64(i), flags: FieldSpan.unquoted))
            span += 1
            let c = p[end]
            if c == separator {
                i = end &+ 1
                continue
            }
            return stop(next: end &+ ((c == 0x0D && p[end &+ 1] == 0x0A) ? 2 : 1), at: i)
        }
        // The fields after the table's columns: spans only. (The lines both loops share, as
        // local functions, cost the loops 3-10 % in `kto-bench cursor`: written out twice.)
        while p[i] != 0x22 {
            while mask == 0 {
                block &+= 64
                if block > lastBlock { return stop(next: -1, at: i) }
                mask = Self.stopMask(p + block, separators: separatorLanes)
            }
            let end = block &+ mask.trailingZeroBitCount
            mask &= mask &- 1
            if span - spans == capacity {
                grow()
                span = spans + capacity / 2
            }
            span.initialize(to: FieldSpan(start: Int64(i), end: Int64(end), origin: Int64(i), flags: FieldSpan.unquoted))
            span += 1
            let c = p[end]
            if c == separator {
                i = end &+ 1
                continue
            }
            return stop(next: end &+ ((c == 0x0D && p[end &+ 1] == 0x0A) ? 2 : 1), at: i)
        }
        return stop(next: -1, at: i)
    }

    /// How many of the `written` table values from `values` are `slow`: counted only when the
    /// largest value says there is one (the fast loop keeps no count of its own).
    @inline(__always)
    static func slowCount(_ values: UnsafeMutablePointer<Int16>, written: Int, stride: Int, largest: Int16) -> Int {
        guard largest == CSVCodeTable.slow else { return 0 }
        var count = 0
        for k in 0..<written where values[k &* stride] == CSVCodeTable.slow { count += 1 }
        return count
    }

    /// Bytes at the end of the buffer left to the general loop: a 64-byte mask and the 16 bytes
    /// after it must be readable.
    static let fastLoopMargin = 80

    /// The stop bytes (separator, CR, LF) of the 64 bytes at `p` as a bit mask, bit `k` for byte
    /// `k`: sixteen bytes per vector compare.
    @inline(__always)
    static func stopMask(_ p: UnsafePointer<UInt8>, separators: SIMD16<UInt8>) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        let carriageReturns = SIMD16<UInt8>(repeating: 0x0D)
        let lineFeeds = SIMD16<UInt8>(repeating: 0x0A)
        @inline(__always) func stops(_ offset: Int) -> UInt64 {
            let v = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
            return bits((v .== separators) .| (v .== carriageReturns) .| (v .== lineFeeds))
        }
        return stops(0) | stops(16) &<< 16 | stops(32) &<< 32 | stops(48) &<< 48
    }

    /// A lane mask as 16 bits, lane `k` in bit `k`. On x86-64 one `pmovmskb` (SSE2, which every
    /// x86-64 has); elsewhere each half's lanes (all ones or all zeros) keep one distinct bit
    /// each, and a multiply adds them up in the top byte. The multiplies cost the fast loop a
    /// tenth of its time on x86-64, where the compiler does them as vector multiplies.
    @inline(__always)
    static func bits(_ lanes: SIMDMask<SIMD16<Int8>>) -> UInt64 {
        #if arch(x86_64)
        return UInt64(UInt32(bitPattern: _mm_movemask_epi8(unsafeBitCast(lanes, to: __m128i.self))))
        #else
        return bitsBySum(lanes)
        #endif
    }

    /// `bits` by the multiply (portable; tests compare it with `bits`).
    @inline(__always)
    static func bitsBySum(_ lanes: SIMDMask<SIMD16<Int8>>) -> UInt64 {
        let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        let low = ((halves[0] & 0x8040_2010_0804_0201) &* 0x0101_0101_0101_0101) &>> 56
        let high = ((halves[1] & 0x8040_2010_0804_0201) &* 0x0101_0101_0101_0101) &>> 56
        return low | high &<< 8
    }

    /// The table entry for an unquoted field of `length` bytes at the start of `word`: empty,
    /// one or two digits, or those followed by ",0" / ".0"; `slow` for anything else.
    ///
    /// Lengths 0-2 come in a random mix (empty, "7", "10"), so they are decided without
    /// branches: the field's bytes minus '0' must all be 0...9 (one SWAR test), the entry index
    /// is `d0 * (1 or 10) + d1 (+ 1 unless empty)`, and the entry is loaded unconditionally
    /// (masked into the column's 128 entries) and kept only when the digits were valid.
    @inline(__always)
    static func lookup(_ word: UInt64, length: Int, in entries: UnsafePointer<Int16>) -> Int16 {
        if length <= 2 {
            let mask: UInt64 = (1 &<< UInt64(truncatingIfNeeded: 8 &* length)) &- 1
            let digits = (word & mask) ^ (0x3030 & mask)
            // A byte is a digit when it is below 10, i.e. neither it nor it plus 0x76 has the high bit.
            let valid = (digits | (digits &+ 0x7676)) & 0x8080 == 0
            let d0 = Int(digits & 0xFF)
            let d1 = Int((digits &>> 8) & 0xFF)
            let index = (d0 &* (1 &+ 9 &* (length &>> 1)) &+ d1 &+ ((length &+ 1) &>> 1)) & (CSVCodeTable.stride - 1)
            return entries[valid ? index : CSVCodeTable.stride - 1]
        }
        let d0 = Int(UInt8(truncatingIfNeeded: word) &- 0x30)
        let d1 = Int(UInt8(truncatingIfNeeded: word &>> 8) &- 0x30)
        let invalid = entries[CSVCodeTable.stride - 1]
        guard length <= 4 else { return invalid }
        // "7,0" (length 3) or "10,0" (length 4): digits, a decimal mark, one zero.
        let mark = UInt8(truncatingIfNeeded: word &>> (8 * (length - 2)))
        let zero = UInt8(truncatingIfNeeded: word &>> (8 * (length - 1)))
        guard mark == 0x2C || mark == 0x2E, zero == 0x30, d0 < 10 else { return invalid }
        if length == 3 { return entries[1 &+ d0] }
        return d1 < 10 ? entries[1 &+ d0 &* 10 &+ d1] : invalid
    }
}
