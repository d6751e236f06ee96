import Dispatch
import Foundation

/// Runs `body` for 0..<count on all cores and returns the results in index order, so the output is
/// the same as a sequential map (and deterministic) whatever the scheduling.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots.set(i, body(i)) }
    return slots.values
}

/// Index-addressed results written from several threads; each index is written once.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var items: [T?]
    private let lock = NSLock()

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) { lock.withLock { items[i] = value } }

    var values: [T] { lock.withLock { items.compactMap { $0 } } }
}
