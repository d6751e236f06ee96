import Foundation
@testable import KTOImport

/// The survey of Tests/Fixtures/exports (see its README.md): one set of 60 respondents written in
/// every shape kto reads, and what the script that wrote them knows (`expected.json`).
enum ExportFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/exports").path

    static func path(_ name: String) -> String { folder + "/" + name }

    static func bytes(_ name: String) -> [UInt8] {
        (try? Data(contentsOf: URL(fileURLWithPath: path(name)))).map { [UInt8]($0) } ?? []
    }

    static func read(
        _ name: String, sheet: String? = nil, format: ExportFormat? = nil, includeUnfinished: Bool = false
    ) throws(TableFileError) -> TableFileResult {
        try TableFile.read(path: path(name), displayName: name, sheet: sheet, format: format, includeUnfinished: includeUnfinished)
    }

    nonisolated(unsafe) static let expected: [String: Any] = {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path("expected.json"))),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }()

    /// One respondent as the script made it (codes; 99 and 9 = weet niet; nil = no answer).
    struct Respondent {
        var respnr: Int
        var gemeente: Int
        var cijfer: Int?
        var uitleg: Int?
        var wachten: Int?
        var leeftijd: Int?
        var kanaal: [Int]
        var toelichting: String
    }

    static let respondents: [Respondent] = ((expected["respondents"] as? [[String: Any]]) ?? []).map { r in
        Respondent(
            respnr: r["respnr"] as? Int ?? 0, gemeente: r["gemeente"] as? Int ?? 0, cijfer: r["cijfer"] as? Int,
            uitleg: r["stelling_uitleg"] as? Int, wachten: r["stelling_wachten"] as? Int, leeftijd: r["leeftijd"] as? Int,
            kanaal: r["kanaal"] as? [Int] ?? [], toelichting: r["toelichting"] as? String ?? "")
    }

    static func section(_ name: String) -> [String: Any] { expected[name] as? [String: Any] ?? [:] }
}

extension DataTable {
    /// The column called `name`, if any.
    func column(_ name: String) -> DataColumn? { columns.first { $0.name == name } }

    /// The cells of column `name` as numbers (text parsed as the loader would), nil where empty.
    func numbers(_ name: String) -> [Double?] {
        (column(name)?.cells ?? []).map { cell in
            switch cell {
            case .number(let d): return d
            case .text(let s):
                switch Array(s.utf8).withUnsafeBufferPointer({ NumberParser.parse($0) }) {
                case .integer(let v): return Double(v)
                case .decimal(let v): return v
                default: return nil
                }
            default: return nil
            }
        }
    }

    /// The cells of column `name` as text, nil where empty.
    func texts(_ name: String) -> [String?] {
        (column(name)?.cells ?? []).map { cell in
            switch cell {
            case .text(let s): return s
            case .number(let d): return d == d.rounded() ? String(Int(d)) : String(d)
            case .boolean(let b): return b ? "TRUE" : "FALSE"
            case .empty: return nil
            }
        }
    }
}
