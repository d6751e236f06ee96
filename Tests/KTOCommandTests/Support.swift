import Foundation

/// Paths of the package, the fixtures and the built products, found from this source file and
/// the running test binary (so tests work with any `--scratch-path`).
enum Paths {
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func fixture(_ relative: String) -> String { packageRoot + "/Tests/Fixtures/" + relative }

    /// The folder holding the built executables: the test bundle sits beside them.
    static let products: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the test binary is <products>/kto PackageTests.xctest; on macOS it is inside a bundle.
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("kto").path), url.path != "/" {
            url = url.deletingLastPathComponent()
        }
        return url.path
    }()
}

/// The result of running the built `kto`.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `kto` executable with `arguments` in `directory`.
func runKTO(_ arguments: [String], in directory: String = Paths.packageRoot) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Paths.products + "/kto")
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// A new temporary folder holding copies of `files` (paths relative to Tests/Fixtures, copied under
/// their own names); the caller removes it.
func temporaryFolder(_ prefix: String, fixtures files: [String]) throws -> String {
    let folder = NSTemporaryDirectory() + prefix + "-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for file in files {
        let name = (file as NSString).lastPathComponent
        try FileManager.default.copyItem(atPath: Paths.fixture(file), toPath: folder + "/" + name)
    }
    return folder
}
