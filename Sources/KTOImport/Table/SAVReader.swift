import Foundation

/// Reads SPSS system files (.sav with or without bytecode compression, .zsav with zlib) into a
/// `DataTable`, written from the public description of the format (PSPP developers' guide,
/// chapter "System File Format").
///
/// Numbers are kept exactly as stored (SPSS codes stay codes; system-missing becomes `.empty`);
/// user-missing values stay numbers and the column's `missing` says which they are. Strings lose
/// their trailing blanks; an all-blank string is `.empty`.
public enum SAVReader {
    /// The most cells (cases × columns) a file may hold: about 6 GB of cells. Real survey exports
    /// are far below it; a file above it is refused rather than exhausting memory.
    public static let defaultMaxCells = 250_000_000

    /// Reads the file at `path`.
    /// - Parameters:
    ///   - displayName: the name used in messages and places (`export.sav`).
    ///   - maxCells: the most cells (cases × columns) to accept.
    /// - Throws: `SAVError` for an unreadable, damaged or unsupported file.
    public static func read(path: String, displayName: String, maxCells: Int = defaultMaxCells) throws(SAVError) -> DataTable {
        try read(path: path, displayName: displayName, maxCells: maxCells, window: SAVFileWindow.defaultCapacity)
    }

    /// Reads the file at `path` through a window of `window` bytes (tests and the fuzzer make it
    /// small).
    ///
    /// The dictionary comes from the window's first fill; the cases are read through the window
    /// as they are decoded (`SAVFileWindow`). Where that cannot be (a dictionary larger than the
    /// window, a damaged one, .zsav, a bytecode file without a usable case count), the window
    /// takes in the whole file and it is read from memory, as a file held in memory is.
    package static func read(
        path: String, displayName: String, maxCells: Int = defaultMaxCells, window capacity: Int,
        chunkBytes: Int = Limits.defaultChunkBytes
    ) throws(SAVError) -> DataTable {
        guard let window = SAVFileWindow(path: path, capacity: capacity) else {
            throw SAVError(.unreadableFile(reason: ByteStorage.unreadableReason(path)), file: displayName)
        }
        do {
            if !window.atEnd {
                if let dict = try? readDictionary(window.bytes), readsThroughWindow(dict, fileSize: window.end) {
                    return try readTable(
                        window.bytes, window: window, dictionary: dict, displayName: displayName, maxCells: maxCells, chunkBytes: chunkBytes)
                }
                try window.slide(keeping: 0, need: .max)
            }
            return try readTable(window.bytes, displayName: displayName, maxCells: maxCells, chunkBytes: chunkBytes)
        } catch {
            throw SAVError(error, file: displayName)
        }
    }

    /// Reads a system file held in memory.
    /// - Throws: `SAVError` for a damaged or unsupported file.
    public static func read(
        bytes: UnsafeBufferPointer<UInt8>, displayName: String, maxCells: Int = defaultMaxCells
    ) throws(SAVError) -> DataTable {
        do {
            return try readTable(bytes, displayName: displayName, maxCells: maxCells)
        } catch {
            throw SAVError(error, file: displayName)
        }
    }

    /// - Parameter chunkBytes: case data per chunk that the decoder hands to the filler (tests
    ///   make it small, so that small files take many chunks).
    /// - Parameter window: the file's window when `bytes` is only its first part, through which
    ///   the cases are read (see `readsThroughWindow`).
    /// - Parameter dictionary: the dictionary of `bytes`, where the caller has read it already.
    static func readTable(
        _ bytes: UnsafeBufferPointer<UInt8>, window: SAVFileWindow? = nil, dictionary: SAVDictionary? = nil, displayName: String,
        maxCells: Int, chunkBytes: Int = Limits.defaultChunkBytes
    ) throws(SAVError.Kind) -> DataTable {
        let dict: SAVDictionary
        if let dictionary { dict = dictionary } else { dict = try readDictionary(bytes) }
        let context = try SAVContext(bytes: bytes, dict: dict)
        let plans = try context.columnPlans()
        var columns = try context.columnMetadata(plans)
        let sets = try context.multipleResponseSets(plans: plans, columns: columns)
        let format: DataTable.Format = dict.header.compression == 2 ? .zsav : .sav
        var rowCount = 0
        if dict.elementCount > 0 {
            let layout = CaseLayout(dict: dict, plans: plans)
            let limits = Limits(maxCells: maxCells, columns: plans.count, elements: dict.elementCount, chunkBytes: chunkBytes)
            rowCount = try readCases(
                bytes, window: window, dict: dict, layout: layout, limits: limits, columns: &columns, plans: plans, encoding: context.encoding)
        }
        return DataTable(
            file: displayName, format: format, columns: columns, rowCount: rowCount,
            encoding: context.encodingName, multipleResponseSets: sets)
    }

    /// What the data decoder needs to know about one case: its elements and their kinds.
    struct CaseLayout {
        /// 8-byte elements per case.
        var elements: Int
        /// Per element: whether it belongs to a string variable.
        var isString: [Bool]
        /// Per element: the column it belongs to (for messages).
        var column: [Int]
        var names: [String]
        var bigEndian: Bool
        /// The system-missing value's bit pattern (host order).
        var sysmisBits: UInt64

        init(dict: SAVDictionary, plans: [SAVContext.ColumnPlan]) {
            elements = dict.elementCount
            bigEndian = dict.header.bigEndian
            sysmisBits = (dict.sysmis ?? -Double.greatestFiniteMagnitude).bitPattern
            isString = Array(repeating: false, count: elements)
            column = Array(repeating: 0, count: elements)
            names = plans.map(\.name)
            for (index, plan) in plans.enumerated() {
                // A column covers its variables' elements up to the next column's first one.
                let first = dict.variables[plan.variable].element
                let next = index + 1 < plans.count ? dict.variables[plans[index + 1].variable].element : elements
                for e in first..<next {
                    isString[e] = plan.width > 0
                    column[e] = index
                }
            }
        }

        /// The name of the variable that element `e` of a case belongs to.
        func name(ofElement e: Int) -> String { names.isEmpty ? "" : names[column[min(max(e, 0), elements - 1)]] }
    }

    /// Caps on what a file may make the reader allocate.
    struct Limits {
        var maxCells: Int
        var columns: Int
        var elements: Int
        /// Case data per chunk of the decoder (two chunks are held at a time).
        var chunkBytes = defaultChunkBytes

        static let defaultChunkBytes = 8 << 20

        /// The most cases the caps allow.
        var maxCases: Int { max(0, maxCells) / max(1, columns, elements / 4) }

        /// The most bytes of bytecode a .zsav file may inflate to.
        var maxStreamBytes: Int {
            let (bytes, overflow) = max(0, maxCells).multipliedReportingOverflow(by: 16)
            return overflow ? Int.max : bytes
        }

        func check(cases: Int) throws(SAVError.Kind) {
            guard cases <= maxCases else {
                throw .tooLarge("\(cases) cases × \(columns) variabelen is meer dan \(maxCells) cellen")
            }
        }
    }
}
