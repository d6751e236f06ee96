import Dispatch
import Foundation
import KTOImport

extension DatasetLoader {
    /// Smallest share of a file worth a part of its own: the size of the UTF-8 check's pieces
    /// counted for a cut, so that a file has as many pieces as parts.
    static let minimumPartBytes = TextEncoding.minimumCountedPart

    /// Parts per reading thread (`partsPerThread`'s default): more parts than threads, so that a
    /// thread that finishes takes the next part (`readParts`) and a slower core reads fewer.
    package static let defaultPartsPerThread = 4

    /// Threads that read one file's parts.
    var runnerThreads: Int { max(1, parallelism ?? ProcessInfo.processInfo.activeProcessorCount) }

    /// Parts wanted for a file: `partsPerThread` per thread, each at least `minimumPartSize`.
    /// The text's UTF-8 check is cut into as many pieces (`SourceText`'s `pieces`), so that the
    /// cut can use the counts it makes.
    var wantedParts: Int { runnerThreads == 1 ? 1 : min(runnerThreads * max(1, partsPerThread), TextEncoding.maximumPieces) }

    /// How to cut a file for concurrent reading; nil: read it in one part.
    func partition(_ reader: CSVReader) -> CSVPartition? {
        let parts = max(1, min(wantedParts, reader.source.bytes.count / max(1, minimumPartSize)))
        guard parts > 1 else { return nil }
        let partition = reader.partition(into: parts)
        return partition.count > 1 ? partition : nil
    }

    /// Reads one file, in parts on several cores when `partition` says so.
    ///
    /// The parts are handed out in file order to `runnerThreads` threads: the calling thread,
    /// which reads part 0 (it may throw exactly as a sequential read would, and reports
    /// progress) and then takes parts like the others, and worker threads. Each part after the
    /// first starts with an empty id registry and counts its lines from its own start. Every
    /// part writes its code rows straight into its own
    /// region of `columns` (the final arrays): part `k` from row `lineEndsBefore[k]`, since no
    /// part before it can have more rows than line ends. Then the parts are taken in order while
    /// each one verifiably continues the file: it starts where the previous part stopped (so its
    /// records are the sequential read's records), it completed (no error, no `--strict` stop),
    /// none of its ids was seen before it (so no row of it should have been a duplicate), and
    /// the rows before it did not reach into its region. Its rows move down to follow the rows
    /// before (nothing moves when no row before was rejected). The first part that fails a
    /// check, and everything after it, is read again sequentially from where the verified parts
    /// end. The result is therefore always the sequential read's; the fast path is taken for
    /// every well-formed file.
    /// - Parameters:
    ///   - capacity: rows `columns` has room for; at least every row the file can hold.
    ///   - keepsFirst: part 0's arrays become the meting's (the meting's first file), so the later
    ///     parts' rows are appended to them.
    /// - Returns: the parts in file order, lines the file's, code rows in `0..<rows` of
    ///   `columns`; `registry` holds the file's ids too.
    func readParts(
        _ reader: CSVReader, with partReader: PartReader, registry: inout IDRegistry, into columns: CodeColumns,
        capacity: Int, partition: CSVPartition?, keepsFirst: Bool, progress: ((Int) -> Void)?
    ) throws -> [PartResult] {
        let table = partReader.plan.table
        guard let partition else {
            let part = try partReader.read(
                reader.makeCursor(decoding: table), registry: &registry, into: columns, region: 0..<capacity,
                throwsOnStrict: true, progress: progress)
            Self.place(part, at: 0, in: columns, threads: 1)
            return [part]
        }
        let parts = partition.count
        let regions = (0..<parts).map { k in
            partition.lineEndsBefore[k] ..< (k + 1 < parts ? partition.lineEndsBefore[k + 1] : capacity)
        }

        let slots = (1..<parts).map { _ in PartSlot() }
        // A thread that finishes a part takes the next one: a core that runs slower (another
        // program on it, an efficiency core, a busy neighbour of a virtual machine) reads fewer
        // parts instead of holding up the file. Cut in halves, one core's half took 60 % longer
        // than the other's in runs on the development VM, the other core idle meanwhile.
        let threads = min(parts, runnerThreads)
        let dataBytes = reader.source.bytes.count
        let queue = PartQueue(first: 1, end: parts)
        @Sendable func readLater(_ k: Int) {
            var local = IDRegistry(expectedIDs: regions[k].count)
            // An error here is not reported: the part is read again sequentially, which
            // throws the same error with the file's line numbers.
            slots[k - 1].result = try? partReader.read(
                reader.makeCursor(part: k, of: partition, decoding: table), registry: &local,
                into: columns, region: regions[k], throwsOnStrict: false)
            releasePages(ofPart: k)
        }
        // A mapped export's pages of a part that was read leave this process's memory (a part
        // read again sequentially maps them again): otherwise the whole export stays resident
        // beside the columns it becomes until the file is done.
        @Sendable func releasePages(ofPart k: Int) {
            reader.source.releasePages(partition.starts[k] ..< (k + 1 < parts ? partition.starts[k + 1] : dataBytes))
        }
        let group = DispatchGroup()
        for _ in 1..<threads {
            DispatchQueue.global(qos: .userInitiated).async(group: group) {
                while let k = queue.take() { readLater(k) }
            }
        }
        // Whatever happens on this thread, the workers finish before their results go away;
        // after an error in part 0 they start no further part.
        defer {
            queue.close()
            group.wait()
        }
        // Progress of part 0 stands for the file until it ends (the runners advance at about
        // the same pace), then each part this thread takes reports where it starts.
        let first = try partReader.read(
            reader.makeCursor(part: 0, of: partition, decoding: table), registry: &registry,
            into: columns, region: regions[0], throwsOnStrict: true,
            progress: progress.map { report in { position in report(min(dataBytes, position * threads)) } })
        releasePages(ofPart: 0)
        // The later parts' rows are appended to part 0's arrays after the parts, on one thread
        // per job (`DatasetLoader.append`); their room, reserved for the whole file, is faulted
        // in now, while the other threads still read.
        if keepsFirst { first.prefault(rows: first.rows..<capacity) }
        while let k = queue.take() {
            progress?(max(partition.starts[k], min(dataBytes, partition.starts[1] * threads)))
            readLater(k)
        }
        group.wait()

        Self.place(first, at: 0, in: columns, threads: threads)
        // The id table widened once for all parts, not copied again for each.
        registry.reserve(covering: slots.compactMap { $0.result?.registry })
        var results = [first]
        var rows = first.rows
        var lineOffset = first.endLine - 1
        var end = first.endPosition
        for slot in slots {
            // The ids are checked (none seen before this part) and merged in one pass, last.
            guard var part = slot.result, part.complete, part.start == end, rows <= part.regionStart,
                  registry.absorbIfDisjoint(part.registry, lineOffset: lineOffset) else {
                let cursor = reader.makeCursor(resumingAt: end, line: lineOffset + 1, decoding: table)
                let rest = try partReader.read(
                    cursor, registry: &registry, into: columns, region: rows..<capacity, throwsOnStrict: true)
                Self.place(rest, at: rows, in: columns, threads: threads)
                partLog?.record(parts: parts, merged: results.count)
                results.append(rest)
                return results
            }
            slot.result = nil
            Self.place(part, at: rows, in: columns, threads: threads)
            rows += part.rows
            part.shiftLines(by: lineOffset)
            part.registry = IDRegistry()
            lineOffset = part.endLine - 1
            end = part.endPosition
            results.append(part)
        }
        partLog?.record(parts: parts, merged: results.count)
        return results
    }

    /// Moves a part's code rows to start at row `row` of `columns`: its region's rows down
    /// (`row` is at most the region's start), then any overflow rows after them; columns shared
    /// out over `threads` threads.
    static func place(_ part: PartResult, at row: Int, in columns: CodeColumns, threads: Int) {
        let count = columns.columns
        let overflowRows = part.rows - part.inRegion
        guard count > 0, part.regionStart != row || overflowRows > 0 else { return }
        let threads = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            // Each thread has its own columns: no two threads touch the same buffer.
            for j in stride(from: t, to: count, by: threads) {
                let column = columns.pointers[j]
                let width = columns.widths[j]
                if part.regionStart != row {
                    // memmove: the ranges may overlap.
                    (column + width * row).copyMemory(from: column + width * part.regionStart, byteCount: width * part.inRegion)
                }
                if let overflow = part.overflow {
                    (column + width * (row + part.inRegion)).copyMemory(from: overflow.pointers[j], byteCount: width * overflowRows)
                }
            }
        }
    }
}

/// The parts still to read, handed out in order to the threads that read them.
final class PartQueue: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var next: Int
    private var end: Int

    init(first: Int, end: Int) {
        next = first
        self.end = end
    }

    /// The next part to read; nil when none is left or the queue was closed.
    func take() -> Int? {
        lock.withLock {
            guard next < end else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Hands out no further part.
    func close() { lock.withLock { end = next } }
}

/// A worker's result, handed to the calling thread.
///
/// `@unchecked Sendable`: written once by its worker, read only after `DispatchGroup.wait()`.
final class PartSlot: @unchecked Sendable {
    var result: PartResult?
}

/// Test seam (`DatasetLoader.partLog`): per file read in parts, in read order, how many parts
/// the file was cut into and how many of them were merged as read concurrently (the rest was
/// read again sequentially).
package final class PartLog: @unchecked Sendable {
    // Guarded by `lock`; written only by the thread that calls `load`.
    private let lock = NSLock()
    private var files: [(parts: Int, merged: Int)] = []

    package init() {}

    package var entries: [(parts: Int, merged: Int)] { lock.withLock { files } }

    func record(parts: Int, merged: Int) { lock.withLock { files.append((parts, merged)) } }
}
