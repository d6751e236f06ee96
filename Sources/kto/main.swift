import Foundation
import KTOCommand

// The executable only forwards to the library and exits with its code.
ProcessMemory.returnLargeBlocks()
let code = KTOTool().run(Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
