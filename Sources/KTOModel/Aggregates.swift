import KTOImport

/// Published figures of a comparison group (a benchmark, or a previous meting known only from its
/// report): per item a value and, where the supplier gives them, n and SD.
///
/// File format (CSV, any separator and encoding the importer reads; Dutch decimal commas allowed):
/// `variable;measure;category;value;n;sd` with measure one of `mean`, `pct_onvoldoende`,
/// `pct_agree`, `pct_category` (category = the category label), `pct_mentioned` (category = code
/// label). Percentages on the 0-100 scale. Empty n/sd: unknown. A missing row means "not available".
public struct Aggregates: Sendable, Equatable {
    public struct Key: Sendable, Hashable {
        public var variable: String
        public var measure: String
        public var category: String

        public init(variable: String, measure: String, category: String = "") {
            self.variable = variable.lowercased()
            self.measure = measure
            self.category = Variable.labelKey(category)
        }
    }

    public struct Figure: Sendable, Equatable {
        public var value: Double
        public var n: Int?
        public var sd: Double?

        public init(value: Double, n: Int? = nil, sd: Double? = nil) {
            self.value = value
            self.n = n
            self.sd = sd
        }
    }

    public var name: String
    public var figures: [Key: Figure]

    public init(name: String, figures: [Key: Figure]) {
        self.name = name
        self.figures = figures
    }

    public func figure(_ variable: String, _ measure: String, category: String = "") -> Figure? {
        figures[Key(variable: variable, measure: measure, category: category)]
    }

    static let measures: Set<String> = ["mean", "pct_onvoldoende", "pct_agree", "pct_category", "pct_mentioned"]

    /// Reads an aggregates file and checks every row against the codebook.
    /// - Throws: `ImportError`; `StudyError` listing every bad row (unknown variable, measure or
    ///   category, unreadable number, a figure outside its scale).
    public static func load(_ file: Study.DataFile, name: String, codebook: Codebook) throws -> Aggregates {
        let source = try SourceText(contentsOf: file.path, displayName: file.displayName)
        return try parse(source, name: name, codebook: codebook)
    }

    /// Parses an aggregates file's text (see `load`); messages name `source.file`.
    public static func parse(_ source: SourceText, name: String, codebook: Codebook) throws -> Aggregates {
        let file = Study.DataFile(path: source.file, displayName: source.file)
        let reader = try CSVReader(source: source)
        var index: [String: Int] = [:]
        for (k, h) in reader.header.enumerated() { index[h.lowercased()] = k }
        var problems: [StudyProblem] = []
        for required in ["variable", "measure", "value"] where index[required] == nil {
            problems.append(StudyProblem("het vergelijkingsbestand mist de kolom '\(required)' (verwacht: variable;measure;category;value;n;sd)", at: SourceLocation(file: file.displayName, line: 1)))
        }
        guard problems.isEmpty else { throw StudyError(problems) }
        var figures: [Key: Figure] = [:]
        var cursor = reader.makeCursor()
        let windows1252 = source.encoding == .windows1252
        while let record = try cursor.next() {
            func cell(_ name: String) -> String {
                guard let k = index[name], k < record.count else { return "" }
                return record.withBytes(k) { SourceText.decode($0, windows1252: windows1252) }.trimmingWhitespace()
            }
            func problem(_ message: String, _ column: String) {
                let k = index[column] ?? 0
                // The cell's own line: a quoted cell before it may span lines.
                let offset = record.offset(ofField: k < record.count ? k : 0)
                let col = k < record.count ? source.column(ofByte: offset) : nil
                problems.append(StudyProblem(
                    message, at: SourceLocation(file: file.displayName, line: record.line(ofByte: offset), column: col),
                    lineText: source.lineText(containingByte: offset)))
            }
            let code = cell("variable")
            if code.isEmpty && (0..<record.count).allSatisfy(record.isBlank) { continue }
            guard let variable = codebook.variable(code) else { problem("variabele '\(code)' staat niet in het codeboek", "variable"); continue }
            let measure = cell("measure").lowercased()
            guard measures.contains(measure) else {
                problem("onbekende maat '\(measure)'; kies uit: \(measures.sorted().joined(separator: ", "))", "measure")
                continue
            }
            let category = cell("category")
            if measure == "pct_category" || measure == "pct_mentioned" {
                guard variable.code(forLabel: category) != nil else {
                    problem("categorie '\(category)' is geen label van '\(variable.code)'", "category")
                    continue
                }
            }
            guard let value = number(cell("value")) else { problem("waarde '\(cell("value"))' is geen getal", "value"); continue }
            // A figure outside what the measure can be is a wrong file, not a comparison.
            let scale = variable.validCodes.min().flatMap { low in variable.validCodes.max().map { Double(low)...Double($0) } }
            if measure == "mean", let scale, !scale.contains(value) {
                problem("gemiddelde '\(cell("value"))' ligt buiten de schaal van '\(variable.code)' (\(Int(scale.lowerBound)) tot en met \(Int(scale.upperBound)))", "value")
                continue
            }
            if measure.hasPrefix("pct_"), !(0...100).contains(value) {
                problem("percentage '\(cell("value"))' ligt niet tussen 0 en 100", "value")
                continue
            }
            var n: Int?
            let nText = cell("n")
            if !nText.isEmpty {
                guard let parsed = number(nText), parsed >= 1, parsed == parsed.rounded() else {
                    problem("n '\(nText)' is geen positief geheel getal", "n")
                    continue
                }
                // Numbers of any length are read: `Int(parsed)` would trap beyond Int.max.
                guard parsed <= Self.maximumN else {
                    problem("n '\(nText)' is groter dan 1.000.000.000: dat kan geen aantal respondenten zijn", "n")
                    continue
                }
                n = Int(parsed)
            }
            var sd: Double?
            let sdText = cell("sd")
            if !sdText.isEmpty {
                guard let parsed = number(sdText), parsed >= 0 else { problem("sd '\(sdText)' is geen getal ≥ 0", "sd"); continue }
                // No spread of answers on a scale exceeds its width (two answers at its ends: width/√2).
                if let scale, parsed > scale.upperBound - scale.lowerBound {
                    problem("sd '\(sdText)' is groter dan de breedte van de schaal van '\(variable.code)' (\(Int(scale.upperBound - scale.lowerBound)))", "sd")
                    continue
                }
                sd = parsed
            }
            figures[Key(variable: variable.code, measure: measure, category: category)] = Figure(value: value, n: n, sd: sd)
        }
        guard problems.isEmpty else { throw StudyError(problems) }
        return Aggregates(name: name, figures: figures)
    }

    /// The largest n a figure may have (no survey reaches it; it keeps sums of n far from overflow).
    static let maximumN = 1_000_000_000.0

    static func number(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        switch bytes.withUnsafeBufferPointer({ NumberParser.parse($0) }) {
        case .integer(let v): return Double(v)
        case .decimal(let v): return v
        case .empty, .text: return nil
        }
    }
}
