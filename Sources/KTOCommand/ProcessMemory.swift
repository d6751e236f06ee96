#if canImport(Glibc)
import Glibc
#endif

/// How the kto process asks the C allocator to manage memory; called once at start-up by the
/// `kto` executable (and by `kto-bench`, which measures what `kto` does).
public enum ProcessMemory {
    /// Allocations of 1 MiB and more are mapped on their own and given back to the system when
    /// freed. glibc's default raises that threshold each time such a block is freed (up to 32
    /// MiB), after which the columns of the next meting come from the heap and the freed space
    /// stays resident: at a million respondents that was 11 MB more peak memory (214 against
    /// 203 MB, `kto-bench`). Elsewhere a no-op.
    public static func returnLargeBlocks() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out <malloc.h>: look mallopt up, with its constant
        // M_MMAP_THRESHOLD (-3 in glibc's malloc.h).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(-3, 1 << 20)
        #endif
    }
}
