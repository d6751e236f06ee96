#if canImport(Glibc)
import Glibc
#endif

/// How the kto process asks the C allocator to manage memory; called once at start-up by the
/// `kto` executable (and by `kto-bench`, which measures what `kto` does).
public enum ProcessMemory {
    /// Sets glibc's allocator for a run of kto. Elsewhere a no-op.
    ///
    /// - Allocations of 1 MiB and more are mapped on their own and given back to the system when
    ///   freed. glibc's default raises that threshold each time such a block is freed (up to 32
    ///   MiB), after which the columns of the next meting come from the heap and the freed space
    ///   stays resident: at a million respondents that was 11 MB more peak memory (214 against
    ///   203 MB, `kto-bench`).
    /// - The smaller blocks' heaps keep 64 MiB of free space at their top instead of 128 KiB.
    ///   Setting the threshold above also fixes glibc's trim threshold at 128 KiB, so each heap
    ///   was given back and taken again, in fresh zeroed pages, many times over while the
    ///   analysis and the writers made and freed their arrays: at a million respondents 30,000
    ///   page faults in a report, 17,000 with the pad, for 4 MB more peak memory.
    public static func configure() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out <malloc.h>: look mallopt up, with its constants
        // M_TOP_PAD (-2) and M_MMAP_THRESHOLD (-3) from glibc's malloc.h.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-3, 1 << 20)
        _ = mallopt(-2, 64 << 20)
        #endif
    }
}
