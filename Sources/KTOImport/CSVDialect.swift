import Foundation

/// How a delimited file is written: its field separator (quotes are always `"`, doubled inside).
public struct CSVDialect: Sendable, Equatable {
    /// The separator byte: `;`, `,`, tab or `|`.
    public var separator: UInt8

    public init(separator: UInt8) { self.separator = separator }

    public static let semicolon = CSVDialect(separator: UInt8(ascii: ";"))
    public static let comma = CSVDialect(separator: UInt8(ascii: ","))
    public static let tab = CSVDialect(separator: 0x09)
    public static let pipe = CSVDialect(separator: UInt8(ascii: "|"))

    /// The separators considered when sniffing, in order of preference on a tie.
    public static let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), 0x09, UInt8(ascii: "|")]

    /// A readable name for the ledger ("puntkomma", "komma", "tab", "verticale streep").
    public var name: String {
        switch separator {
        case UInt8(ascii: ";"): return "puntkomma (;)"
        case UInt8(ascii: ","): return "komma (,)"
        case 0x09: return "tab"
        case UInt8(ascii: "|"): return "verticale streep (|)"
        default: return "'\(Character(Unicode.Scalar(separator)))'"
        }
    }

    /// Parses a user's spelling of a separator (study file override): `;`, `,`, `tab`, `|`.
    public init?(userName: String) {
        switch userName.trimmingWhitespace().lowercased() {
        case ";", "semicolon", "puntkomma": self = .semicolon
        case ",", "comma", "komma": self = .comma
        case "tab", "\\t", "\t": self = .tab
        case "|", "pipe": self = .pipe
        default: return nil
        }
    }

    /// Sniffs the separator from the first records of a file.
    ///
    /// For each candidate, counts occurrences outside quotes per record over the first records (up
    /// to 64 KiB). The winner is the candidate whose count on the header line is repeated on the most
    /// data records; a decimal comma in a `;` file therefore does not win, because its count varies
    /// per row and is usually zero on the header. Ties go to the order of `candidates`.
    /// - Complexity: O(min(n, 64 KiB)).
    public static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVDialect {
        let limit = min(bytes.count, 65_536)
        var counts: [[Int]] = Array(repeating: [], count: candidates.count)
        var current = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var i = 0
        var records = 0
        while i < limit && records < 50 {
            let b = bytes[i]
            if b == 0x22 {
                inQuotes.toggle()
            } else if !inQuotes && (b == 0x0A || b == 0x0D) {
                for k in 0..<candidates.count { counts[k].append(current[k]) }
                current = [Int](repeating: 0, count: candidates.count)
                records += 1
                if b == 0x0D && i + 1 < limit && bytes[i + 1] == 0x0A { i += 1 }
            } else if !inQuotes {
                for k in 0..<candidates.count where candidates[k] == b { current[k] += 1 }
            }
            i += 1
        }
        if current.contains(where: { $0 > 0 }) && (i >= bytes.count || records == 0) {
            for k in 0..<candidates.count { counts[k].append(current[k]) }
        }
        var best = 0
        var bestScore = -1
        for k in 0..<candidates.count {
            guard let header = counts[k].first, header > 0 else { continue }
            let score = 1 + counts[k].dropFirst().filter { $0 == header }.count
            if score > bestScore {
                bestScore = score
                best = k
            }
        }
        return CSVDialect(separator: candidates[best])
    }
}

