/// Codes of a column (Int16) to small numbers, −1 for any other code: a table over the range of
/// the codes given, instead of a dictionary lookup per row.
struct CodeTable {
    private let low: Int
    private let values: [Int32]

    init(_ pairs: [(code: Int16, value: Int32)]) {
        let codes = pairs.map { Int($0.code) }
        low = codes.min() ?? 0
        var values = [Int32](repeating: -1, count: (codes.max() ?? -1) - low + 1)
        // As the dictionary filled in order that this replaces: a repeated code keeps its last value.
        for (code, value) in pairs { values[Int(code) - low] = value }
        self.values = values
    }

    subscript(code: Int16) -> Int32 {
        let k = Int(code) - low
        return k >= 0 && k < values.count ? values[k] : -1
    }
}
