import Foundation
import KTOImport

extension Study {
    /// The largest population a `[population]` or `[margin]` entry may give.
    static let largestPopulation = 1_000_000_000

    /// Reads a study file.
    ///
    /// The format is plain text, one `key = value` per line, with `[section]` headings and `#`
    /// comments, so that an analyst can edit it in any text editor:
    /// ```
    /// title    = KTO Werk en Inkomen 2015
    /// meting   = 2015
    /// data     = kto-2015.csv
    /// codebook = codebook.csv
    /// group    = gemeente
    /// [population]
    /// Leidschendam-Voorburg = 1852
    /// ```
    /// - Throws: `ImportError` if the file cannot be read; `StudyError` listing every problem.
    public static func load(path: String) throws -> Study {
        let source = try SourceText(contentsOf: path)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(source, folder: folder)
    }

    static let topKeys: Set<String> = [
        "title", "client", "meting", "data", "codebook", "group", "output", "encoding", "separator", "weighting",
        "coding", "dictionary", "staff", "quotes", "rake", "trim", "weight", "breakdowns", "compare_with", "sheet",
        "overall", "aspects", "drivers", "format", "include_unfinished",
        "tables",
    ]

    /// Parses study-file text; `folder` resolves relative paths.
    public static func parse(_ source: SourceText, folder: String) throws -> Study {
        let text = source.string(0..<source.bytes.count)
        let file = source.file
        var problems: [StudyProblem] = []
        let document = StudyDocument(text: text, file: file, problems: &problems)
        func problem(_ message: String, _ line: Int) {
            problems.append(StudyProblem(message, at: SourceLocation(file: file, line: line)))
        }
        var top: [String: (value: String, line: Int)] = [:]
        for entry in document.top.entries {
            guard topKeys.contains(entry.key) else {
                problem("onbekende sleutel '\(entry.rawKey)'\(suggestion(for: entry.key, in: topKeys))", entry.line)
                continue
            }
            top[entry.key] = (entry.value, entry.line)
        }
        for block in document.sections {
            guard let allowed = StudyDocument.schema[block.kind] ?? nil else { continue }
            for entry in block.entries where !allowed.contains(entry.key) {
                problem("onbekende sleutel '\(entry.rawKey)' in [\(block.kind)]\(suggestion(for: entry.key, in: allowed))", entry.line)
            }
        }
        func list(_ entry: (value: String, line: Int)?) -> [(String, Int)] {
            entry.map { e in splitList(e.value).map { ($0, e.line) } } ?? []
        }
        let dataLines = list(top["data"])
        let codingLines = list(top["coding"])
        let population = document.sections("population").flatMap(\.entries).map { (name: $0.rawKey, value: $0.value, line: $0.line) }
        var thresholds: [String: (value: String, line: Int)] = [:]
        for entry in document.sections("thresholds").first?.entries ?? [] { thresholds[entry.key] = (entry.value, entry.line) }
        let benchmarks = document.sections("benchmark").map { block in
            (name: block.argument, file: block.entry("file")?.value, short: block.entry("short")?.value, line: block.line)
        }

        func required(_ key: String) -> String {
            if let v = top[key]?.value, !v.isEmpty { return v }
            problems.append(StudyProblem("de studie mist '\(key) = ...'", at: SourceLocation(file: file, line: 1)))
            return ""
        }
        /// `format = qualtrics | limesurvey | surveymonkey | plain | sav | xlsx` (of the top level or
        /// of a [previous] section); an unknown name is a problem at its line.
        func format(_ entry: (value: String, line: Int)?) -> ExportFormat? {
            guard let entry else { return nil }
            guard let format = ExportFormat(userName: entry.value) else {
                problem("format moet plain, qualtrics, limesurvey, surveymonkey, sav of xlsx zijn, niet '\(entry.value)'", entry.line)
                return nil
            }
            return format
        }
        func resolve(_ path: String, sheet: String? = nil, format: ExportFormat? = nil) -> DataFile {
            let resolved = path.hasPrefix("/") ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).standardized.path
            var file = DataFile(path: resolved, displayName: path)
            file.sheet = sheet
            file.format = format
            return file
        }
        let title = required("title")
        let meting = required("meting")
        let codebook = required("codebook")
        let groupVariable = required("group")
        if dataLines.isEmpty {
            problems.append(StudyProblem("de studie mist 'data = ...' (het exportbestand met de antwoorden)", at: SourceLocation(file: file, line: 1)))
        }

        var groups: [Group] = []
        var groupKeys: Set<String> = []
        for entry in population {
            let digits = entry.value.removingASCII(0x2E).removingASCII(0x20)
            // A billion bounds every total of populations far from overflow (and far above any
            // municipal client count: more digits are a typo).
            guard let count = Int(digits), count > 0, count <= Self.largestPopulation else {
                problems.append(StudyProblem("populatie van '\(entry.name)' moet een positief geheel getal zijn (hoogstens 1.000.000.000), niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
                continue
            }
            guard groupKeys.insert(Variable.labelKey(entry.name)).inserted else {
                problems.append(StudyProblem("groep '\(entry.name)' staat twee keer in [population]", at: SourceLocation(file: file, line: entry.line)))
                continue
            }
            groups.append(Group(name: entry.name, population: count))
        }
        if groups.isEmpty && problems.isEmpty {
            problems.append(StudyProblem("de studie noemt geen groepen: zet onder [population] per gemeente het aantal aangeschreven klanten", at: SourceLocation(file: file, line: 1)))
        }

        var limits = Thresholds()
        for (key, entry) in thresholds {
            let normalised = entry.value.replacingASCII(0x2C, with: 0x2E)
            if key == "adjust" {
                guard let method = PValueAdjustment(userName: entry.value) else {
                    problems.append(StudyProblem("onbekende correctie '\(entry.value)' voor meervoudig toetsen; kies bh, holm, bonferroni of none", at: SourceLocation(file: file, line: entry.line)))
                    continue
                }
                limits.adjust = method
            } else if key == "nonresponse" {
                guard let share = Double(normalised.removingASCII(0x25)), share >= 0, share <= 100 else {
                    problems.append(StudyProblem("nonresponse (percentage zonder oordeel) moet tussen 0 en 100 liggen, niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
                    continue
                }
                limits.nonresponsePercent = share
            } else if key == "unreadable" {
                guard let share = Double(normalised.removingASCII(0x25)), share >= 0, share <= 100 else {
                    problems.append(StudyProblem("unreadable (percentage onleesbare cellen) moet tussen 0 en 100 liggen, niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
                    continue
                }
                limits.unreadablePercent = share
            } else if key == "alpha" {
                guard let alpha = Double(normalised), alpha > 0, alpha < 0.5 else {
                    problems.append(StudyProblem("alpha moet tussen 0 en 0,5 liggen, niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
                    continue
                }
                limits.alpha = alpha
            } else {
                guard let n = Int(normalised), n >= 0 else {
                    problems.append(StudyProblem("\(key) moet een geheel getal zijn, niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
                    continue
                }
                if key == "indicative" { limits.indicative = n } else { limits.suppress = n }
            }
        }
        if limits.suppress > limits.indicative {
            problems.append(StudyProblem("suppress (\(limits.suppress)) mag niet groter zijn dan indicative (\(limits.indicative))", at: SourceLocation(file: file, line: thresholds["suppress"]?.line ?? 1)))
        }

        var encoding: TextEncoding?
        if let entry = top["encoding"], entry.value.lowercased() != "auto" {
            encoding = TextEncoding(userName: entry.value)
            if encoding == nil {
                problems.append(StudyProblem("onbekende codering '\(entry.value)'; kies auto, utf-8, utf-8-bom, utf-16le, utf-16be of windows-1252", at: SourceLocation(file: file, line: entry.line)))
            }
        }
        var dialect: CSVDialect?
        if let entry = top["separator"], entry.value.lowercased() != "auto" {
            dialect = CSVDialect(userName: entry.value)
            if dialect == nil {
                problems.append(StudyProblem("onbekend scheidingsteken '\(entry.value)'; kies auto, ;, komma, tab of |", at: SourceLocation(file: file, line: entry.line)))
            }
        }

        let weighting = parseWeighting(top, file: file, problems: &problems)
        let margins = document.sections("margin").map { block in
            Margin(variable: block.argument, entries: block.entries.compactMap { entry -> Margin.Entry? in
                let digits = entry.value.removingASCII(0x2E).removingASCII(0x20)
                guard let count = Double(digits.replacingASCII(0x2C, with: 0x2E)), count >= 0, count <= Double(Self.largestPopulation) else {
                    problems.append(StudyProblem("populatie van '\(entry.rawKey)' in \(block.header) moet een getal van 0 tot en met 1.000.000.000 zijn, niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
                    return nil
                }
                return Margin.Entry(category: entry.rawKey, population: count, line: entry.line)
            }, line: block.line)
        }
        if case .rake(let variables, _) = weighting {
            for margin in margins where !variables.contains(where: { $0.lowercased() == margin.variable.lowercased() }) {
                problems.append(StudyProblem("[margin \(margin.variable)] hoort bij geen variabele van 'rake = \(variables.joined(separator: ", "))'", at: SourceLocation(file: file, line: margin.line)))
            }
        } else if let first = margins.first {
            problems.append(StudyProblem("[margin \(first.variable)] wordt alleen gebruikt met 'weighting = rake'", at: SourceLocation(file: file, line: first.line)))
        }
        var previousMetingen: [PreviousMeting] = []
        for block in document.sections("previous") {
            var keys: [String: (value: String, line: Int)] = [:]
            for entry in block.entries { keys[entry.key] = (entry.value, entry.line) }
            let data = list(keys["data"])
            let coding = list(keys["coding"])
            let header = block.header
            var label = block.argument
            if let given = keys["meting"]?.value {
                if !label.isEmpty, Variable.labelKey(given) != Variable.labelKey(label) {
                    problem("\(header) zegt 'meting = \(given)'; laat die regel weg of maak ze gelijk", keys["meting"]?.line ?? block.line)
                }
                label = given
            }
            if label.isEmpty { problem("[previous] mist 'meting = ...' (of schrijf de meting in de kop: [previous 2013])", block.line) }
            let aggregates = keys["aggregates"].map { resolve($0.value) }
            if data.isEmpty && aggregates == nil {
                problem("\(header) mist 'data = ...' (de antwoorden) of 'aggregates = ...' (de gepubliceerde cijfers)", keys["meting"]?.line ?? block.line)
            }
            if !data.isEmpty && aggregates != nil {
                problem("\(header) heeft zowel 'data' als 'aggregates': kies er één", keys["aggregates"]?.line ?? block.line)
            }
            if let first = coding.first, data.isEmpty {
                problem("\(header) heeft 'coding' maar geen 'data': een coderingsbestand hoort bij de antwoorden van die meting", first.1)
            }
            if Variable.labelKey(label) == Variable.labelKey(top["meting"]?.value ?? "") {
                problem("\(header) heeft dezelfde meting als de studie zelf (\(label))", block.line)
            }
            if previousMetingen.contains(where: { Variable.labelKey($0.meting) == Variable.labelKey(label) }) {
                problem("meting \(label) staat twee keer als vorige meting in de studie", block.line)
            }
            var meting = PreviousMeting(meting: label, dataFiles: data.map { resolve($0.0, sheet: keys["sheet"]?.value, format: format(keys["format"])) }, aggregates: aggregates)
            meting.codingFiles = coding.map { resolve($0.0) }
            previousMetingen.append(meting)
        }
        // Most recent first: by number when every label is one (years), otherwise as written.
        if previousMetingen.allSatisfy({ Double($0.meting) != nil }) {
            previousMetingen.sort { (Double($0.meting) ?? 0) > (Double($1.meting) ?? 0) }
        }
        for block in document.sections("groups") {
            guard let k = previousMetingen.firstIndex(where: { Variable.labelKey($0.meting) == Variable.labelKey(block.argument) }) else {
                problem("\(block.header): meting '\(block.argument)' is geen vorige meting van de studie", block.line)
                continue
            }
            for entry in block.entries {
                if ["ontbreekt", "absent", "afwezig"].contains(entry.key) {
                    for name in splitList(entry.value) {
                        guard let g = groups.firstIndex(where: { Variable.labelKey($0.name) == Variable.labelKey(name) }) else {
                            problem("'\(name)' in \(block.header) is geen gemeente van [population]", entry.line)
                            continue
                        }
                        previousMetingen[k].absentGroups.append(g)
                    }
                    continue
                }
                if entry.value == "-" {
                    previousMetingen[k].groupMap[Variable.labelKey(entry.rawKey)] = .some(nil)
                    continue
                }
                guard let g = groups.firstIndex(where: { Variable.labelKey($0.name) == Variable.labelKey(entry.value) }) else {
                    problem("'\(entry.value)' in \(block.header) is geen gemeente van [population]; schrijf oude waarde = gemeente van nu (of - om de rijen weg te laten)", entry.line)
                    continue
                }
                previousMetingen[k].groupMap[Variable.labelKey(entry.rawKey)] = .some(g)
            }
        }
        let compareWith = splitList(top["compare_with"]?.value ?? "")
        for label in compareWith where !previousMetingen.contains(where: { Variable.labelKey($0.meting) == Variable.labelKey(label) }) {
            problem("compare_with noemt meting '\(label)', maar die staat niet als [previous \(label)] in de studie", top["compare_with"]?.line ?? 1)
        }
        var benchmarkList: [Benchmark] = []
        for entry in benchmarks {
            guard let path = entry.file, !path.isEmpty else {
                problems.append(StudyProblem("[benchmark \(entry.name)] mist 'file = ...'", at: SourceLocation(file: file, line: entry.line)))
                continue
            }
            benchmarkList.append(Benchmark(name: entry.name, file: resolve(path), shortName: entry.short))
        }

        var quotesPerCode = 3
        if let entry = top["quotes"] {
            if let n = Int(entry.value), (0...50).contains(n) {
                quotesPerCode = n
            } else {
                problems.append(StudyProblem("quotes (citaten per code) moet een geheel getal van 0 tot en met 50 zijn, niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
            }
        }
        var tables = TablesFormat.xlsx
        if let entry = top["tables"] {
            if let format = TablesFormat(studyValue: entry.value) {
                tables = format
            } else {
                problems.append(StudyProblem("tables (tabellenboek) moet xlsx, csv of both zijn, niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
            }
        }
        for key in ["dictionary", "staff"] {
            if let entry = top[key], entry.value.isEmpty {
                problems.append(StudyProblem("'\(key) =' zonder bestandsnaam", at: SourceLocation(file: file, line: entry.line)))
            }
        }

        let topFormat = format(top["format"])
        var includeUnfinished = false
        if let entry = top["include_unfinished"] {
            switch entry.value.lowercased() {
            case "ja", "yes", "true", "1": includeUnfinished = true
            case "nee", "no", "false", "0": includeUnfinished = false
            default: problem("include_unfinished moet ja of nee zijn, niet '\(entry.value)'", entry.line)
            }
        }
        var priorities: Priorities?
        if let overall = top["overall"] {
            let drivers = Priorities.Drivers(rawValue: (top["drivers"]?.value ?? "correlation").lowercased())
            if drivers == nil, let entry = top["drivers"] {
                problems.append(StudyProblem("drivers moet correlation of regression zijn, niet '\(entry.value)'", at: SourceLocation(file: file, line: entry.line)))
            }
            priorities = Priorities(
                overall: overall.value, aspects: splitList(top["aspects"]?.value ?? ""), drivers: drivers ?? .correlation, line: overall.line)
        } else if let entry = top["aspects"] ?? top["drivers"] {
            problems.append(StudyProblem("aspects en drivers horen bij de prioriteitenmatrix: noem ook het totaaloordeel, bijvoorbeeld overall = algemeen", at: SourceLocation(file: file, line: entry.line)))
        }

        guard problems.isEmpty else { throw StudyError(problems.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }) }
        let outputPath = top["output"]?.value ?? "Reports/\(meting)"
        var study = Study(
            studyFile: file, title: title, client: top["client"]?.value ?? "", meting: meting,
            dataFiles: dataLines.map { resolve($0.0, sheet: top["sheet"]?.value, format: topFormat) }, codebook: resolve(codebook), groupVariable: groupVariable,
            groups: groups, previous: nil, benchmarks: benchmarkList, thresholds: limits,
            output: resolve(outputPath).path, encoding: encoding, dialect: dialect)
        study.previousMetingen = previousMetingen
        study.compareWith = compareWith
        study.weighting = weighting
        study.margins = margins
        study.breakdowns = splitList(top["breakdowns"]?.value ?? "")
        study.weightingLine = top["weighting"]?.line ?? 1
        study.breakdownsLine = top["breakdowns"]?.line ?? 1
        study.priorities = priorities
        study.includeUnfinished = includeUnfinished
        study.codingFiles = codingLines.map { resolve($0.0) }
        study.dictionary = top["dictionary"].flatMap { $0.value.isEmpty ? nil : resolve($0.value) }
        study.staffFile = top["staff"].flatMap { $0.value.isEmpty ? nil : resolve($0.value) }
        study.quotesPerCode = quotesPerCode
        study.tables = tables
        return study
    }

    /// `weighting =` with the keys that belong to it (`rake =`, `trim =`, `weight =`).
    static func parseWeighting(_ top: [String: (value: String, line: Int)], file: String, problems: inout [StudyProblem]) -> Weighting {
        func problem(_ message: String, _ key: String) {
            problems.append(StudyProblem(message, at: SourceLocation(file: file, line: top[key]?.line ?? 1)))
        }
        var weighting = Weighting.none
        switch top["weighting"]?.value.lowercased() ?? "" {
        case "", "none", "geen": break
        case "gemeente", "group", "groep", "population", "populatie", "poststratificatie": weighting = .gemeente
        case "rake", "raking", "rakken":
            let variables = splitList(top["rake"]?.value ?? "")
            if variables.isEmpty { problem("'weighting = rake' vraagt om 'rake = ...': de variabelen waarop gewogen wordt, bijvoorbeeld rake = gemeente, leeftijd", "weighting") }
            var trim: ClosedRange<Double>?
            if let text = top["trim"]?.value {
                let parts = text.split(separator: "-").map { $0.trimmingWhitespace().replacingASCII(0x2C, with: 0x2E) }
                if parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low > 0, low < 1, high > 1 {
                    trim = low...high
                } else {
                    problem("trim moet twee grenzen zijn als verhouding tot het gemiddelde gewicht, de eerste kleiner dan 1 en de tweede groter, bijvoorbeeld trim = 0,3 - 3; niet '\(text)'", "trim")
                }
            }
            weighting = .rake(variables: variables, trim: trim)
        case "variable", "variabele", "kolom", "column":
            guard let column = top["weight"]?.value, !column.isEmpty else {
                problem("'weighting = variable' vraagt om 'weight = KOLOM': de kolom met het gewicht in de data", "weighting")
                return .none
            }
            weighting = .variable(column: column)
        case let other:
            problem("onbekende weging '\(other)'; kies none, gemeente, rake of variable", "weighting")
        }
        for key in ["rake", "trim"] where top[key] != nil {
            if case .rake = weighting { continue }
            problem("'\(key) =' hoort bij 'weighting = rake'", key)
        }
        if top["weight"] != nil, case .variable = weighting {} else if top["weight"] != nil {
            problem("'weight =' hoort bij 'weighting = variable'", "weight")
        }
        return weighting
    }

    static func splitList(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// "; bedoelt u 'codebook'?" for a near miss (edit distance ≤ 2), else the known keys.
    static func suggestion(for key: String, in known: Set<String>) -> String {
        if let best = NameSuggestion.nearest(key, in: known.sorted(), maximumDistance: 2) { return "; bedoelt u '\(best)'?" }
        return "; bekende sleutels: " + known.sorted().joined(separator: ", ")
    }
}
