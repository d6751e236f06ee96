import Dispatch
import Foundation

/// Bytecode data: the decoder and the filler work a chunk of cases apart, on two cores where
/// there are two (decoding is sequential, filling the columns is the other half of the work).
/// Chunks are large (8 MB of case data): each hand-over costs a wake-up of the other thread.
extension CellFiller {
    func bytecode(_ decoder: SAVBytecodeDecoder, bias: Double, count: Int) -> SAVError.Kind? {
        let decoding = DecodingSide(decoder)
        // With bias 100 a number's code is its one-byte code in `TableCells` (255 is
        // system-missing in both), unless system-missing is a number that has a code.
        let sameCodes = bias == TableCells.codeOffset && TableCells.code(of: layout.sysmisBits) == nil
        // No larger than the file's cases (a small file needs no 8 MB buffers).
        let chunk = max(1, min(chunkRows, count))
        let perChunk = chunk * layout.elements
        // Two halves: the decoder writes one while the filler reads the other.
        let halves = Halves(values: .allocate(capacity: 2 * perChunk), codes: .allocate(capacity: 2 * perChunk))
        defer {
            halves.values.deallocate()
            halves.codes.deallocate()
        }
        let chunks = (count + chunk - 1) / chunk
        let layout = layout
        /// Decodes chunk `k` into its half; the error if the data is damaged or ends early.
        @Sendable func decode(chunk k: Int) {
            let cases = min(chunk, count - k * chunk)
            let half = (k % 2) * perChunk
            do {
                let decoded = try decoding.decoder.decode(
                    cases: cases, into: halves.values + half, codes: halves.codes + half, codedValues: !sameCodes)
                if decoded < cases * layout.elements {
                    decoding.failure = Self.shortData(decoding.decoder, layout: layout, declared: count)
                }
            } catch {
                decoding.failure = error
            }
        }
        guard chunks > 0 else { return remaining(&decoding.decoder, count: count) }
        decode(chunk: 0)
        let together = chunks > 1 && ProcessInfo.processInfo.activeProcessorCount > 1
        for k in 0..<chunks {
            if let failure = decoding.failure { return failure }
            if together && k + 1 < chunks {
                // Iteration 0 uses only `decoding` and the next chunk's half, iteration 1 only
                // `self` and this chunk's half.
                DispatchQueue.concurrentPerform(iterations: 2) { i in
                    if i == 0 {
                        decode(chunk: k + 1)
                    } else {
                        self.fill(chunk: k, halves: halves, codes: sameCodes, count: count)
                    }
                }
            } else {
                fill(chunk: k, halves: halves, codes: sameCodes, count: count)
                if k + 1 < chunks { decode(chunk: k + 1) }
            }
        }
        if let failure = decoding.failure { return failure }
        return remaining(&decoding.decoder, count: count)
    }

    /// The columns' values for chunk `k`, a block at a time (with the decoder's codes if `codes`).
    private func fill(chunk k: Int, halves: Halves, codes: Bool, count: Int) {
        let first = k * chunkRows
        let end = min(count, first + chunkRows)
        let half = (k % 2) * chunkRows * layout.elements
        var r0 = first
        while r0 < end {
            let r1 = min(end, r0 + blockRows)
            let offset = half + (r0 - first) * layout.elements
            block(
                rows: UnsafeRawBufferPointer(start: halves.values + offset, count: (r1 - r0) * caseBytes), rowBase: r0,
                cases: r0..<r1, codes: codes ? UnsafePointer(halves.codes + offset) : nil)
            r0 = r1
        }
    }

    /// The error for data beyond the declared cases (the header's count may be smaller than
    /// what the data holds), if any.
    private func remaining(_ decoder: inout SAVBytecodeDecoder, count: Int) -> SAVError.Kind? {
        do {
            let more = try decoder.remainingValues()
            return more > 0 ? .caseCountMismatch(declared: count, found: count + more / layout.elements) : nil
        } catch {
            return error
        }
    }
}

/// The decoder's side of the pipeline: its state and the first error it met.
/// `@unchecked Sendable`: used by one thread at a time (the hand-overs are the ends of
/// `concurrentPerform`).
private final class DecodingSide: @unchecked Sendable {
    var decoder: SAVBytecodeDecoder
    var failure: SAVError.Kind?

    init(_ decoder: SAVBytecodeDecoder) { self.decoder = decoder }
}

/// The two halves of the chunk buffers. `@unchecked Sendable`: the decoder writes one half while
/// the filler reads the other.
private struct Halves: @unchecked Sendable {
    let values: UnsafeMutablePointer<UInt64>
    let codes: UnsafeMutablePointer<UInt8>
}
