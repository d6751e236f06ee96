import Dispatch
import Foundation
import KTOImport

extension DatasetLoader {
    /// Smallest share of a file worth a thread of its own.
    static let minimumPartBytes = 1 << 20

    /// Reads one file, in parts on several cores when it is large enough.
    ///
    /// Part 0 is read on the calling thread (it may throw exactly as a sequential read would, and
    /// reports progress); the others on worker threads, each with an empty id registry and line
    /// numbers counted from its own start. They are then taken in order while each one verifiably
    /// continues the file: it starts where the previous part stopped (so its records are the
    /// sequential read's records), it completed (no error, no `--strict` stop) and none of its
    /// ids was seen before it (so no row of it should have been a duplicate). The first part that
    /// fails a check, and everything after it, is read again sequentially from where the verified
    /// parts end. The result is therefore always the sequential read's, and the fast path is
    /// taken for every well-formed file.
    ///
    /// Code columns: part 0 and a sequential re-read write straight into `columns` (the final
    /// arrays); a concurrent part writes into columns of its own, copied after the rows before it
    /// once it is verified.
    /// - Returns: the parts in file order, lines the file's; `registry` holds the file's ids too.
    func readParts(
        _ reader: CSVReader, with partReader: PartReader, registry: inout IDRegistry, into columns: CodeColumns,
        progress: ((Int) -> Void)?
    ) throws -> [PartResult] {
        let table = partReader.plan.table
        let dataBytes = reader.source.bytes.count
        let threads = parallelism ?? ProcessInfo.processInfo.activeProcessorCount
        let parts = max(1, min(threads, dataBytes / Self.minimumPartBytes, 16))
        if parts == 1 {
            return [try partReader.read(
                reader.makeCursor(decoding: table), registry: &registry, into: columns, throwsOnStrict: true, progress: progress)]
        }

        let slots = (1..<parts).map { _ in PartSlot() }
        let group = DispatchGroup()
        for k in 1..<parts {
            let slot = slots[k - 1]
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                // Finding the cut scans the bytes before it: done here, not on the calling thread.
                let cursor = reader.makeCursor(part: k, of: parts, decoding: table)
                var local = IDRegistry()
                // An error here is not reported: the part is read again sequentially, which
                // throws the same error with the file's line numbers.
                slot.result = try? partReader.read(cursor, registry: &local, throwsOnStrict: false)
            }
        }
        // Whatever happens on this thread, the workers finish before their results go away.
        defer { group.wait() }
        // Progress of part 0 stands for the file: the parts advance at about the same pace.
        let first = try partReader.read(
            reader.makeCursor(part: 0, of: parts, decoding: table), registry: &registry, into: columns, throwsOnStrict: true,
            progress: progress.map { report in { position in report(min(dataBytes, position * parts)) } })
        group.wait()

        var results = [first]
        var rows = first.rows
        var lineOffset = first.endLine - 1
        var end = first.endPosition
        for slot in slots {
            guard var part = slot.result, part.complete, part.start == end, !registry.overlaps(part.registry),
                  let codes = part.codes else {
                let cursor = reader.makeCursor(resumingAt: end, line: lineOffset + 1, decoding: table)
                results.append(try partReader.read(
                    cursor, registry: &registry, into: columns, firstRow: rows, throwsOnStrict: true, progress: nil))
                break
            }
            slot.result = nil
            columns.reserve(rows: rows + part.rows)
            Self.copy(codes, rows: part.rows, into: columns, at: rows, threads: parts)
            part.codes = nil
            rows += part.rows
            part.shiftLines(by: lineOffset)
            registry.absorb(part.registry, lineOffset: lineOffset)
            part.registry = IDRegistry()
            lineOffset = part.endLine - 1
            end = part.endPosition
            results.append(part)
        }
        return results
    }
}

extension DatasetLoader {
    /// Copies the first `rows` rows of every column of `source` to row `at` of `target`, columns
    /// shared out over `threads` threads, then frees the source columns.
    static func copy(_ source: CodeColumns, rows: Int, into target: CodeColumns, at row: Int, threads: Int) {
        let columns = source.columns
        guard columns > 0 else { return }
        let threads = max(1, min(threads, columns))
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            // Each thread has its own columns: no two threads touch the same buffer.
            for j in stride(from: t, to: columns, by: threads) {
                (target.pointers[j] + row).update(from: source.pointers[j], count: rows)
            }
        }
        for j in 0..<columns { source.release(j) }
    }
}

/// A worker's result, handed to the calling thread.
///
/// `@unchecked Sendable`: written once by its worker, read only after `DispatchGroup.wait()`.
final class PartSlot: @unchecked Sendable {
    var result: PartResult?
}
