import Dispatch

/// Work that runs on another core while the caller goes on; `wait()` gives its result. For the
/// few fixed jobs of a report that do not depend on the data (checking the output folder,
/// building the anonymiser's tables), which would otherwise wait their turn on one core.
final class Background<T: Sendable>: @unchecked Sendable {
    // Written once by the job before `group.leave()`, read only after `group.wait()`.
    private var result: T?
    private let group = DispatchGroup()

    init(_ job: @escaping @Sendable () -> T) {
        group.enter()
        DispatchQueue.global().async {
            self.result = job()
            self.group.leave()
        }
    }

    func wait() -> T {
        group.wait()
        guard let result else { preconditionFailure("a background job ends with a result") }
        return result
    }
}
