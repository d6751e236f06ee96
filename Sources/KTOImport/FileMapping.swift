import Foundation
#if os(Linux)
// Atomics and a lock for the SIGBUS guard, which exists on Linux only (elsewhere files are read).
import Synchronization
#endif

/// A large file's bytes mapped into memory, read-only, instead of copied into a buffer: the
/// pages of the file system's cache are used as they are, with no copy and no fresh pages to
/// fault in and zero (at 1M respondents about a tenth of the read on one core).
///
/// A mapped file that another program shrinks while it is read (rewritten in place, a network
/// share that fails) would end the process with SIGBUS and no message. So every mapping is
/// registered with `BusErrorGuard`: a bus error inside it puts zero pages over the rest of the
/// mapping and marks it `wasCutShort`, and the reader of the file then stops with a message
/// instead of using what it read (`SourceText.checkUnchanged`). A bus error anywhere else goes
/// to the handler that was there before.
final class FileMapping: @unchecked Sendable {
    // Set in init only, so sharing across threads is safe.
    let base: UnsafeMutablePointer<UInt8>
    let count: Int
    #if os(Linux)
    private let slot: Int
    #endif

    /// Files smaller than this are read: mapping one costs about what it saves.
    static let minimumBytes = 4 << 20

    /// `count` bytes of the open regular file `fd`, mapped; nil where the system cannot map it
    /// or the guard has no room for another mapping (the caller then reads the file).
    init?(fd: Int32, count: Int) {
        #if os(Linux)
        guard count > 0, let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
        guard let slot = BusErrorGuard.shared.register(start: Int(bitPattern: mapped), count: count) else {
            munmap(mapped, count)
            return nil
        }
        self.base = mapped.assumingMemoryBound(to: UInt8.self)
        self.count = count
        self.slot = slot
        #else
        return nil
        #endif
    }

    /// Whether the file was shorter than its mapping when a page of it was read: the bytes from
    /// there on read as zeros and are not the file's.
    var wasCutShort: Bool {
        #if os(Linux)
        BusErrorGuard.shared.wasCutShort(slot)
        #else
        false
        #endif
    }

    deinit {
        #if os(Linux)
        // Out of the guard's table first: a slot pointing at memory no longer mapped could
        // claim a later mapping's bus error. Nothing reads the pages any more.
        BusErrorGuard.shared.release(slot)
        // Unmapping 70 MB of page tables takes a few milliseconds: not on the thread that goes
        // on with the next file.
        let address = Int(bitPattern: base)
        let count = count
        DispatchQueue.global(qos: .utility).async { munmap(UnsafeMutableRawPointer(bitPattern: address), count) }
        #endif
    }
}

#if os(Linux)
/// The process's SIGBUS handler for `FileMapping`: a fixed table of the live mappings, read by
/// the handler without locks or allocation (all a signal handler may do).
final class BusErrorGuard: Sendable {
    static let shared = BusErrorGuard()

    /// Per slot: the mapping's first and one-past-last address (0: free), and whether a bus
    /// error hit it. Sixteen mappings live at once; a further file is read instead of mapped.
    private let starts: InlineArray<16, Atomic<Int>>
    private let ends: InlineArray<16, Atomic<Int>>
    private let cutShort: InlineArray<16, Atomic<Bool>>
    private let pageSize: Int
    /// Registration takes a slot under this lock; the handler never takes it.
    private let registering = Mutex(false)

    /// The handler that was installed before ours, for bus errors outside every mapping. Written
    /// once, under `registering`, before ours is installed.
    nonisolated(unsafe) private var previous = sigaction()

    private init() {
        starts = InlineArray { _ in Atomic(0) }
        ends = InlineArray { _ in Atomic(0) }
        cutShort = InlineArray { _ in Atomic(false) }
        pageSize = max(4096, sysconf(Int32(_SC_PAGESIZE)))
    }

    /// A slot for the mapping at `start`, installing the handler with the first one; nil when
    /// every slot is taken.
    func register(start: Int, count: Int) -> Int? {
        registering.withLock { installed -> Int? in
            if !installed {
                var action = sigaction()
                action.__sigaction_handler.sa_sigaction = busErrorHandler
                action.sa_flags = SA_SIGINFO
                sigemptyset(&action.sa_mask)
                guard sigaction(SIGBUS, &action, &previous) == 0 else { return nil }
                installed = true
            }
            for k in starts.indices where starts[k].load(ordering: .acquiring) == 0 {
                cutShort[k].store(false, ordering: .relaxed)
                ends[k].store(start + count, ordering: .relaxed)
                starts[k].store(start, ordering: .releasing)
                return k
            }
            return nil
        }
    }

    func release(_ slot: Int) {
        registering.withLock { _ in
            starts[slot].store(0, ordering: .releasing)
            ends[slot].store(0, ordering: .relaxed)
        }
    }

    func wasCutShort(_ slot: Int) -> Bool { cutShort[slot].load(ordering: .acquiring) }

    /// In the signal handler: the slot holding `address`, its pages from there on replaced by
    /// zero pages (the faulting read is then retried and succeeds); false outside every mapping.
    func absorb(_ address: Int) -> Bool {
        for k in starts.indices {
            let start = starts[k].load(ordering: .acquiring)
            let end = ends[k].load(ordering: .relaxed)
            guard start != 0, address >= start, address < end else { continue }
            let page = address & ~(pageSize - 1)
            let replaced = mmap(
                UnsafeMutableRawPointer(bitPattern: page), end - page, PROT_READ,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            guard replaced != MAP_FAILED else { return false }
            cutShort[k].store(true, ordering: .releasing)
            return true
        }
        return false
    }

    /// Not one of ours: the handler before ours takes it when the faulting access is retried.
    fileprivate func passOn() {
        var restored = previous
        sigaction(SIGBUS, &restored, nil)
    }
}

private func busErrorHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    // A SIGBUS sent by a process (`kill`, `raise`: a code of 0 or below) is no fault that comes
    // back when the handler returns: it is raised again for the handler before ours.
    guard let info, info.pointee.si_code > 0 else {
        BusErrorGuard.shared.passOn()
        raise(SIGBUS)
        return
    }
    let address = Int(bitPattern: info.pointee._sifields._sigfault.si_addr)
    if !BusErrorGuard.shared.absorb(address) { BusErrorGuard.shared.passOn() }
}
#endif
