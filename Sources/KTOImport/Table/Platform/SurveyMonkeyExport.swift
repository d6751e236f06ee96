/// SurveyMonkey CSV exports (Analyze results → Save as → All individual responses, CSV,
/// expanded): two header rows.
///
/// ```
/// Respondent ID,Collector ID,Start Date,End Date,IP Address,…,Custom Data 1,In welke gemeente woont u?,Hoe had u contact?,,,…
/// ,,,,,,,,,Response,Telefoon,Balie,Website,…
/// 114302759841,431865521,03/02/2025 10:12:01 AM,…,Amsterdam,Telefoon,,Website,…
/// ```
///
/// Row 1 holds the question, only above a question's first column; row 2 the option (`Response`
/// or `Open-Ended Response` for a question of one column). The columns get names `q1`, `q2_1`,
/// `q2_2`, … (the platform's own columns: `respondent_id`, `start_date`, …) with the question or
/// option as label. The option columns of a multi-select question (cell = the option's text, or
/// empty) become one multiple-response set named after the question.
enum SurveyMonkeyExport {
    /// The platform's own columns, with the names they get.
    static let metadata: [(column: String, name: String)] = [
        ("Respondent ID", "respondent_id"), ("Collector ID", "collector_id"), ("Start Date", "start_date"),
        ("End Date", "end_date"), ("IP Address", "ip_address"), ("Email Address", "email_address"),
        ("First Name", "first_name"), ("Last Name", "last_name"), ("Custom Data 1", "custom_data_1"),
        ("Custom Data", "custom_data"),
    ]

    /// Row-2 cells that mean "the one answer to this question", not an option.
    static let plainAnswer: Set<String> = ["response", "open-ended response", "antwoord", "open antwoord", "reactie"]

    static func recognises(_ names: [String]) -> Bool { missing(names).isEmpty }

    static func missing(_ names: [String]) -> [String] {
        let keys = Set(names.map(PlatformText.fold))
        return ["Respondent ID", "Collector ID"].filter { !keys.contains(PlatformText.fold($0)) }
    }

    static func shape(_ draft: inout PlatformDraft) throws(TableFileError) {
        guard draft.rowCount >= 1 else {
            throw .missingHeaderRows(file: draft.file, format: .surveymonkey, needed: 1, found: 0)
        }
        let options = draft.takeHeaderRows(1)[0]
        let known = Dictionary(metadata.map { (PlatformText.fold($0.column), $0.name) }, uniquingKeysWith: { a, _ in a })
        // The questions: a named column starts one, unnamed columns after it belong to it.
        var questions: [(text: String, columns: [Int])] = []
        for k in draft.names.indices {
            let name = draft.names[k]
            if let meta = known[PlatformText.fold(name)] {
                draft.labels[k] = name
                draft.names[k] = meta
                draft.metadata.append(meta)
                questions.append((text: "", columns: []))  // metadata ends the question before it
                continue
            }
            if !name.isEmpty || questions.isEmpty || questions[questions.count - 1].text.isEmpty {
                questions.append((text: PlatformText.oneLine(name), columns: [k]))
            } else {
                questions[questions.count - 1].columns.append(k)
            }
        }
        var used = Set(draft.metadata.map { $0.lowercased() })
        var number = 0
        for question in questions where !question.columns.isEmpty {
            number += 1
            let single = question.columns.count == 1
            for (offset, k) in question.columns.enumerated() {
                let option = options[k].map(PlatformText.oneLine) ?? ""
                let name = unique(single ? "q\(number)" : "q\(number)_\(offset + 1)", &used)
                if single || option.isEmpty || plainAnswer.contains(PlatformText.fold(option)) {
                    draft.labels[k] = question.text.isEmpty ? nil : question.text
                } else {
                    draft.labels[k] = question.text.isEmpty ? option : "\(question.text) - \(option)"
                }
                draft.names[k] = name
            }
            guard !single else { continue }
            // Option columns: every answer is the column's own option text.
            var members: [Int] = []
            var texts = 0
            for k in question.columns {
                guard let option = options[k], !plainAnswer.contains(PlatformText.fold(option)) else { continue }
                var own = 0
                if draft.isOptionColumn(k, option: option, texts: &own) {
                    members.append(k)
                    texts += own
                }
            }
            guard members.count >= 2, texts > 0 else { continue }
            for k in members { draft.labels[k] = options[k].map(PlatformText.oneLine) }
            let setName = unique(PlatformText.slug(question.text.isEmpty ? "q\(number)" : question.text), &used)
            draft.makeOptionSet(name: setName, label: question.text, columns: members)
        }
    }

    /// `name`, or `name_2`, `name_3`, … when it is taken; records the one returned.
    static func unique(_ name: String, _ used: inout Set<String>) -> String {
        var candidate = name
        var n = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(name)_\(n)"
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
