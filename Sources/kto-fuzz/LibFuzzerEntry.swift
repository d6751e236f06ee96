#if KTO_LIBFUZZER
import Foundation

// libFuzzer drives the same targets: build with
//   swift build -c debug --scratch-path .build/libfuzzer -Xswiftc -sanitize=fuzzer,address \
//     -Xswiftc -DKTO_LIBFUZZER --product kto-fuzz
// and run `.build/libfuzzer/debug/kto-fuzz CORPUS_DIR` (KTO_FUZZ_TARGET=loader picks one target; without
// it the first byte of each input picks the target). A broken invariant stops the run like a
// crash, so libFuzzer saves the input.

/// Built once, on the first input; never changed afterwards.
let libFuzzerContext: FuzzContext = {
    do {
        return try FuzzContext(root: Seeds.repositoryRoot(ProcessInfo.processInfo.environment["KTO_FUZZ_ROOT"]))
    } catch {
        fatalError("kto-fuzz: cannot set up the fuzz study: \(error)")
    }
}()

let libFuzzerTarget: FuzzTarget? = ProcessInfo.processInfo.environment["KTO_FUZZ_TARGET"].flatMap(FuzzTarget.init(rawValue:))

/// libFuzzer's driver (`FuzzerDriver.cpp`). SwiftPM links an executable's `main` to the
/// module's own entry point, so libFuzzer's `main` is not used: ours hands over to its driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

func runLibFuzzer() -> CInt {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in libFuzzerTestOneInput(data, size) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let target: FuzzTarget
    if let chosen = libFuzzerTarget {
        target = chosen
    } else {
        guard let first = input.first else { return 0 }
        target = FuzzTarget.allCases[Int(first) % FuzzTarget.allCases.count]
        input.removeFirst()
    }
    let outcome = target.run(input, context: libFuzzerContext)
    if !outcome.violations.isEmpty {
        fatalError("kto-fuzz: \(target.rawValue): invariant broken: \(outcome.violations.joined(separator: "; "))")
    }
    return 0
}
#endif
