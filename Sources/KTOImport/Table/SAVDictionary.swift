/// The dictionary of a system file as its records give it, before names are resolved and text is
/// decoded. Text is kept as byte ranges into the file, because the encoding record that says how
/// to decode it comes after the variable records.
struct SAVDictionary {
    struct Header {
        /// `$FL3`: zlib-compressed data.
        var zlibMagic: Bool
        var bigEndian: Bool
        /// 0 none, 1 bytecode, 2 zlib.
        var compression: Int
        /// Declared case count; -1 when unknown.
        var caseCount: Int
        var bias: Double
    }

    /// One variable record that starts a variable (continuation records of long strings only
    /// widen the variable before them).
    struct Variable {
        /// 1-based index among all variable records, continuations included (value label records
        /// refer to variables by it).
        var dictionaryIndex: Int
        /// 0 for numeric, else the string width in bytes (1...255).
        var width: Int
        /// The first 8-byte element of the variable in a case.
        var element: Int
        /// The number of 8-byte elements: 1 for numbers, ceil(width / 8) for strings.
        var elementCount: Int
        var shortName: Range<Int>
        var label: Range<Int>?
        /// `n_missing_values` as written: 0...3 discrete, -2 range, -3 range plus one value.
        var missingCode: Int
        /// The 8-byte missing values, |missingCode| of them.
        var missing: Range<Int>?
        var printFormat: Int
        var writeFormat: Int
        /// Value labels from type 3/4 records: the 8-byte value and the label.
        var valueLabels: [(value: Range<Int>, label: Range<Int>)] = []
    }

    var header: Header
    var variables: [Variable] = []
    /// For each variable record (dictionary index - 1), the variable it belongs to; continuation
    /// records map to nil.
    var recordVariable: [Int?] = []
    /// The number of 8-byte elements per case.
    var elementCount = 0
    /// Value labels assigned so far, summed over variables.
    var valueLabelCount = 0

    // Extension records (ranges of their data).
    var characterCode: Int?
    var encodingName: Range<Int>?
    var sysmis: Double?
    var highest: Double?
    var lowest: Double?
    var longNames: Range<Int>?
    var veryLongStrings: Range<Int>?
    /// Subtype 7 and 19 records, in file order.
    var multipleResponseSets: [Range<Int>] = []
    var longStringLabels: [Range<Int>] = []
    var longStringMissing: [Range<Int>] = []

    /// Where the data starts (just after the dictionary termination record).
    var dataOffset = 0
}
