extension Inflater {
    /// Whether bits past the end of the input have been used: any error then really is truncation.
    func truncationOr(_ error: InflateError) -> InflateError {
        (pos + padded) * 8 - bitCount > inCount * 8 ? .truncated(offset: inCount) : error
    }

    /// Decodes literal/length and distance codes with the current tables up to the end of the
    /// block: the hot loop. The state lives in locals and is written back before anything slow.
    func decodeCodes() throws(InflateError) {
        let litFast = lit.fast
        let litMask = UInt64((1 << lit.rootBits) - 1)
        let distFast = dist.fast
        let distMask = UInt64((1 << dist.rootBits) - 1)
        let base = input.baseAddress
        let inEnd = inCount
        let literalFlag = HuffmanTable.literalFlag
        let slowFlag = HuffmanTable.slowFlag
        let stopFlags = HuffmanTable.endOfBlockFlag | HuffmanTable.invalidFlag

        var bb = bitBuf
        var bc = bitCount
        var p = pos
        var o = outPos
        var dst = out
        var cap = outCap

        func save() {
            bitBuf = bb
            bitCount = bc
            pos = p
            outPos = o
        }

        while true {
            // After a refill at least 48 bits are there: a length code with its extra bits and a
            // distance code with its extra bits use at most 15 + 5 + 15 + 13.
            if bc < 48 {
                if p &+ 8 <= inEnd, let base {
                    bb |= UInt64(littleEndian: UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)) &<< UInt64(bc)
                    p &+= (63 &- bc) &>> 3
                    bc |= 56
                } else {
                    save()
                    try refill()
                    bb = bitBuf
                    bc = bitCount
                    p = pos
                }
            }
            var entry = litFast[Int(bb & litMask)]
            if entry & slowFlag != 0 {
                guard let found = lit.slowDecode(bb) else {
                    save()
                    throw truncationOr(.invalidHuffmanCode(offset: byteOffset))
                }
                entry = found
            }
            let codeLength = UInt64(entry & 0xFF)
            bb &>>= codeLength
            bc &-= Int(codeLength)
            if entry & literalFlag != 0 {
                if o >= cap {
                    save()
                    try grow(minimum: o + 1)
                    dst = out
                    cap = outCap
                }
                dst[o] = UInt8(truncatingIfNeeded: entry >> 16)
                o &+= 1
                continue
            }
            if entry & stopFlags != 0 {
                save()
                if entry & HuffmanTable.endOfBlockFlag != 0 { return }
                throw truncationOr(.invalidHuffmanCode(offset: byteOffset))
            }
            let extra = UInt64((entry >> 8) & 0xF)
            let length = Int(entry >> 16) &+ Int(bb & ((1 &<< extra) &- 1))
            bb &>>= extra
            bc &-= Int(extra)

            var dentry = distFast[Int(bb & distMask)]
            if dentry & slowFlag != 0 {
                guard let found = dist.slowDecode(bb) else {
                    save()
                    throw truncationOr(.invalidHuffmanCode(offset: byteOffset))
                }
                dentry = found
            }
            let distanceLength = UInt64(dentry & 0xFF)
            bb &>>= distanceLength
            bc &-= Int(distanceLength)
            if dentry & HuffmanTable.invalidFlag != 0 {
                save()
                throw truncationOr(.invalidHuffmanCode(offset: byteOffset))
            }
            let dextra = UInt64((dentry >> 8) & 0xF)
            let distance = Int(dentry >> 16) &+ Int(bb & ((1 &<< dextra) &- 1))
            bb &>>= dextra
            bc &-= Int(dextra)
            if distance > o {
                save()
                throw truncationOr(.distanceTooFar(offset: byteOffset))
            }
            if o &+ length > cap {
                save()
                try grow(minimum: o + length)
                dst = out
                cap = outCap
            }
            Self.copyMatch(to: dst + o, distance: distance, length: length)
            o &+= length
        }
    }

    /// Copies an LZ77 match that may overlap its source. Writes up to 7 bytes past the end (the
    /// output buffer has slack for that).
    @inline(__always)
    static func copyMatch(to target: UnsafeMutablePointer<UInt8>, distance: Int, length: Int) {
        let source = target - distance
        if distance >= 8 {
            // Each 8-byte chunk reads only bytes written before it, because they are 8 or more back.
            let from = UnsafeRawPointer(source)
            let to = UnsafeMutableRawPointer(target)
            var i = 0
            repeat {
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
                i &+= 8
            } while i < length
        } else if distance == 1 {
            target.update(repeating: source.pointee, count: length)
        } else {
            for i in 0..<length { target[i] = source[i] }
        }
    }
}
