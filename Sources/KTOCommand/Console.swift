import Foundation

/// Where a command writes: standard output and standard error, swappable in tests.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// Whether standard error is a terminal (progress is shown only then).
    public var errIsTerminal: Bool

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void, errIsTerminal: Bool) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
    }

    /// The process's real standard output and error.
    public static var standard: Console {
        Console(
            out: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
            err: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) },
            errIsTerminal: isatty(2) == 1)
    }

    /// A console that records what is written (for tests).
    public static func capturing(_ sink: CapturedOutput) -> Console {
        Console(out: { sink.append(out: $0) }, err: { sink.append(err: $0) }, errIsTerminal: false)
    }
}

/// Collects console output in tests.
public final class CapturedOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var outLines: [String] = []
    private var errLines: [String] = []

    public init() {}

    func append(out line: String) { lock.withLock { outLines.append(line) } }
    func append(err line: String) { lock.withLock { errLines.append(line) } }

    public var stdout: String { lock.withLock { outLines.joined(separator: "\n") } }
    public var stderr: String { lock.withLock { errLines.joined(separator: "\n") } }
}
