import Foundation
import KTOCommand

// The executable only forwards to the library and exits with its code.
ProcessMemory.configure()
// The large values of a command are left for the process's end: freeing them is work nobody
// waits for.
let keepAlive = KTOTool.KeepAlive()
let code = KTOTool(keepAlive: keepAlive).run(Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
