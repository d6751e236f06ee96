import Foundation
@testable import KTOImport

/// The SPSS fixtures of Tests/Fixtures/sav (see its README.md) and what pyreadstat read from them.
enum SAVFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/sav").standardized.path

    static func path(_ name: String) -> String { folder + "/" + name }

    static func bytes(_ name: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path(name))))) ?? []
    }

    static func read(_ name: String) throws(SAVError) -> DataTable {
        try SAVReader.read(path: path(name), displayName: name)
    }

    /// Reads bytes held in memory.
    static func read(bytes: [UInt8], name: String = "test.sav", maxCells: Int = SAVReader.defaultMaxCells) -> Result<DataTable, SAVError> {
        bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(SAVError) -> DataTable in try SAVReader.read(bytes: buffer, displayName: name, maxCells: maxCells) }
        }
    }

    /// The expectation file `<name>.json`, written by make_fixtures.py from pyreadstat.read_sav.
    struct Expected {
        struct Column {
            var name: String
            var label: String?
            var format: String
            /// Numbers (Double), strings, or NSNull for system-missing.
            var values: [Any]
            var valueLabels: [(Any, String)]
            var missingRanges: [(lo: Any, hi: Any)]
        }

        var rows: Int
        var encoding: String
        var columns: [Column]
        /// name → (type C/D/E, counted value, label, variables)
        var sets: [String: (type: String, counted: Any, label: String, variables: [String])]
    }

    static func expected(_ name: String) -> Expected? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path(name + ".json"))),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let rows = root["rows"] as? Int, let encoding = root["encoding"] as? String,
            let columns = root["columns"] as? [[String: Any]]
        else { return nil }
        var result = Expected(rows: rows, encoding: encoding, columns: [], sets: [:])
        for c in columns {
            let labels = (c["value_labels"] as? [[Any]] ?? []).map { ($0[0], $0[1] as? String ?? "") }
            let missing = (c["missing_ranges"] as? [[String: Any]] ?? []).map { (lo: $0["lo"] ?? NSNull(), hi: $0["hi"] ?? NSNull()) }
            result.columns.append(
                Expected.Column(
                    name: c["name"] as? String ?? "", label: c["label"] as? String, format: c["format"] as? String ?? "",
                    values: c["values"] as? [Any] ?? [], valueLabels: labels, missingRanges: missing))
        }
        for (setName, value) in root["mr_sets"] as? [String: [String: Any]] ?? [:] {
            result.sets[setName] = (
                value["type"] as? String ?? "", value["counted_value"] ?? NSNull(), value["label"] as? String ?? "",
                value["variable_list"] as? [String] ?? []
            )
        }
        return result
    }
}
