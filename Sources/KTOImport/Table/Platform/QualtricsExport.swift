import Foundation

/// Qualtrics CSV exports (Data & Analysis → Export → CSV, and the API's `format=csv`):
///
/// ```
/// StartDate,EndDate,Status,…,Finished,…,ResponseId,…,Q1,Q2_1,Q2_2
/// Start Date,End Date,Response Type,…,Finished,…,Response ID,…,In welke gemeente …?,Hoe … - Telefoon,…
/// {"ImportId":"startDate","timeZone":"Europe/Amsterdam"},…,{"ImportId":"QID1"},{"ImportId":"QID2_1"},…
/// ```
///
/// Row 1 holds the names, row 2 the question texts (the labels), row 3 the ImportIds (older
/// exports have no third row). `Finished` is `1`/`0` with numeric values and `True`/`False` with
/// choice texts; unfinished responses are left out unless asked for. A multiple-answer question
/// split into columns (`Q2_1`, `Q2_2`, …, cell = the choice's text or 1, else empty) becomes one
/// multiple-response set.
enum QualtricsExport {
    /// The platform's own columns.
    static let metadata: [String] = [
        "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
        "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference",
        "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage",
    ]

    /// Whether the names row is a Qualtrics export's: a response id and at least two of its
    /// other metadata columns.
    static func recognises(_ names: [String]) -> Bool {
        let keys = Set(names.map { $0.lowercased() })
        guard keys.contains("responseid") else { return false }
        return ["startdate", "enddate", "finished", "progress", "recordeddate", "duration (in seconds)"].filter(keys.contains).count >= 2
    }

    /// The names the format needs, for `notThisFormat`.
    static func missing(_ names: [String]) -> [String] {
        let keys = Set(names.map { $0.lowercased() })
        return ["ResponseId", "StartDate", "Finished"].filter { !keys.contains($0.lowercased()) }
    }

    static func shape(_ draft: inout PlatformDraft, includeUnfinished: Bool) throws(TableFileError) {
        guard draft.rowCount >= 1 else {
            throw .missingHeaderRows(file: draft.file, format: .qualtrics, needed: 2, found: 0)
        }
        let texts = draft.takeHeaderRows(1)[0]
        for k in draft.names.indices {
            if let text = texts[k] { draft.labels[k] = PlatformText.oneLine(text) }
        }
        // The ImportId row, when there is one.
        if draft.rowCount >= 1 {
            let cells = draft.names.indices.compactMap { draft.text(row: 0, column: $0) }
            let importIds = cells.filter { $0.hasPrefix("{") && $0.contains("ImportId") }.count
            if !cells.isEmpty && importIds * 2 >= cells.count { draft.takeHeaderRows(1) }
        }
        let known = Set(metadata.map { $0.lowercased() })
        draft.metadata = draft.names.filter { known.contains($0.lowercased()) }
        if !includeUnfinished, let finished = draft.column("Finished") {
            let values = (0..<draft.rowCount).map { draft.text(row: $0, column: finished) }
            draft.leaveOut { row in values[row].map(isFalse) == true ? .notFinished : nil }
        }
        findOptionSets(&draft)
    }

    /// `False`, `0` (and the Dutch `Onwaar`) mean not finished.
    static func isFalse(_ value: String) -> Bool {
        ["false", "0", "onwaar", "nee", "no"].contains(PlatformText.fold(value))
    }

    /// Runs of columns `Q2_1`, `Q2_2`, … whose cells are the choice's own text (from the label
    /// `question - choice`) or 1, else empty.
    static func findOptionSets(_ draft: inout PlatformDraft) {
        var k = 0
        while k < draft.names.count {
            guard let base = splitBase(draft.names[k]) else {
                k += 1
                continue
            }
            var end = k + 1
            while end < draft.names.count, splitBase(draft.names[end]) == base { end += 1 }
            defer { k = end }
            guard end - k >= 2 else { continue }
            var texts = 0
            var question: String?
            var options: [String] = []
            var selectedChoice = false
            var fits = true
            for j in k..<end {
                let label = draft.labels[j] ?? ""
                let parts = label.components(separatedBy: " - ")
                guard parts.count >= 2, let option = parts.last else {
                    fits = false
                    break
                }
                if parts.count >= 3 && parts[parts.count - 2].lowercased() == "selected choice" { selectedChoice = true }
                question = question ?? parts[0]
                options.append(option)
                if !draft.isOptionColumn(j, option: option, texts: &texts) {
                    fits = false
                    break
                }
            }
            guard fits, texts > 0 || selectedChoice, let question else { continue }
            for (offset, j) in (k..<end).enumerated() { draft.labels[j] = options[offset] }
            draft.makeOptionSet(name: base, label: question, columns: Array(k..<end))
        }
    }

    /// `Q2_3` → `Q2`; nil for a name without a `_number` end.
    static func splitBase(_ name: String) -> String? {
        guard let underscore = name.lastIndex(of: "_") else { return nil }
        let tail = name[name.index(after: underscore)...]
        guard !tail.isEmpty, tail.allSatisfy(\.isASCII), tail.allSatisfy(\.isNumber), underscore > name.startIndex else { return nil }
        return String(name[..<underscore])
    }
}
