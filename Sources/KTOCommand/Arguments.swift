/// A usage mistake on the command line (exit code 2).
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var command: String?
    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }
    public var description: String { message }
}

/// Parsed command-line arguments: positionals, flags and `--key value` options.
struct Arguments {
    var positionals: [String] = []
    var flags: Set<String> = []
    var options: [String: String] = [:]

    /// Parses `args` against the flags and options a command accepts.
    init(_ args: [String], flags allowedFlags: Set<String>, options allowedOptions: Set<String>, command: String) throws {
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let arg = args[i]
            i += 1
            if onlyPositionals || !arg.hasPrefix("-") || arg == "-" {
                positionals.append(arg)
                continue
            }
            if arg == "--" {
                onlyPositionals = true
                continue
            }
            var name = arg
            var inlineValue: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inlineValue = String(arg[arg.index(after: eq)...])
            }
            if name == "-h" { name = "--help" }
            if allowedFlags.contains(name) {
                guard inlineValue == nil else { throw UsageError("\(name) neemt geen waarde", command: command) }
                flags.insert(name)
            } else if allowedOptions.contains(name) {
                if let inlineValue {
                    options[name] = inlineValue
                } else {
                    guard i < args.count else { throw UsageError("\(name) verwacht een waarde", command: command) }
                    options[name] = args[i]
                    i += 1
                }
            } else {
                let known = (allowedFlags.union(allowedOptions)).sorted().joined(separator: ", ")
                throw UsageError("onbekende optie '\(name)' (bekend: \(known))", command: command)
            }
        }
    }
}
