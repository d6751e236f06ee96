import Dispatch
import Foundation
import KTOImport

/// Runs `body` for 0..<count on all cores and returns the results in index order, so the output is
/// the same as a sequential map (and deterministic) whatever the scheduling (`concurrentMap`).
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    concurrentMap(count, body)
}

/// As `parallelMap`, with a value per worker that the calls of that worker share and change (a
/// memo such as `TQuantiles`): one worker per core takes the next index until none is left. The
/// results come back in index order; they must not depend on which worker ran an index, which
/// holds for a memo of a pure function.
public func parallelMap<State, T: Sendable>(
    _ count: Int, state: @Sendable () -> State, _ body: @Sendable (inout State, Int) -> T
) -> [T] {
    let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
    guard workers > 1 else {
        var shared = state()
        return (0..<count).map { body(&shared, $0) }
    }
    let slots = IndexedResults<T>(count: count)
    let next = NextIndex()
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        var own = state()
        while let i = next.claim(below: count) { slots.set(i, body(&own, i)) }
    }
    return slots.values
}

/// Hands out 0, 1, 2, … to whichever worker asks next.
private final class NextIndex: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func claim(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }
}
