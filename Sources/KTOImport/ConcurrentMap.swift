import Dispatch
import Foundation

/// Runs `body` for 0..<count on all cores and returns the results in index order, so the output
/// is that of a sequential map whatever the scheduling. The one place the targets gather results
/// of `concurrentPerform` (`KTOAnalysis.parallelMap` builds on it).
///
/// Called inside another `concurrentPerform`, Dispatch gives it only a share of the cores: run
/// large steps one after the other rather than as tasks of one map.
package func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let results = IndexedResults<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, body(i)) }
    return results.values
}

/// Results addressed by index, written from several threads; each index is written once.
package final class IndexedResults<T: Sendable>: @unchecked Sendable {
    // Guarded by `lock`.
    private var items: [T?]
    private let lock = NSLock()

    package init(count: Int) { items = Array(repeating: nil, count: count) }

    package func set(_ i: Int, _ value: T) { lock.withLock { items[i] = value } }

    /// Every result, in index order.
    package var values: [T] { lock.withLock { items.compactMap { $0 } } }
}

/// Bytes read by several threads at once.
///
/// `@unchecked Sendable`: only read, and the caller keeps them alive until the concurrent work
/// has returned (`concurrentPerform` returns after its last iteration).
struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}

/// A job that runs on another thread while the caller goes on; `wait()` gives its result. For
/// small fixed jobs beside a large step that uses `concurrentPerform` itself (checking the output
/// folder, reading the comparison files beside the data), which nesting would starve.
package final class Background<T: Sendable>: @unchecked Sendable {
    // Written once by the job before `group.leave()`, read only after `group.wait()`.
    private var result: T?
    private let group = DispatchGroup()

    package init(_ job: @escaping @Sendable () -> T) {
        group.enter()
        DispatchQueue.global().async {
            self.result = job()
            self.group.leave()
        }
    }

    package func wait() -> T {
        group.wait()
        guard let result else { preconditionFailure("a background job ends with a result") }
        return result
    }
}

/// Frees `value` on another thread. What a large read leaves behind (a part's arrays of a
/// million elements, each freed through the runtime one by one) otherwise costs the one thread
/// that goes on with the next file a few milliseconds. The value is freed there even when the
/// caller's thread is the slower one to let go: the job empties the box itself.
package func freeInBackground<T>(_ value: consuming T) {
    let box = DiscardBox(value)
    DispatchQueue.global(qos: .utility).async { box.value = nil }
}

/// `@unchecked Sendable`: the caller hands its only reference over, and only the job touches it.
private final class DiscardBox<T>: @unchecked Sendable {
    var value: T?
    init(_ value: consuming T) { self.value = value }
}
