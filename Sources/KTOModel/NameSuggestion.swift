/// Near misses between names (a key in the study file, a variable in the codebook, a column in
/// the data), for "bedoelt u …?" suggestions.
public enum NameSuggestion {
    /// The candidate closest to `name` (case-insensitive edit distance), when it is within
    /// `maximumDistance` (default: 2, or a quarter of the name's length when longer); ties go to
    /// the first candidate.
    public static func nearest(_ name: String, in candidates: [String], maximumDistance: Int? = nil) -> String? {
        let key = name.lowercased()
        let limit = maximumDistance ?? max(2, key.count / 4)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(key, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= limit, best.distance < key.count else { return nil }
        return best.name
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
