import Foundation
import KTOAnalysis
import KTOCommand
import KTOImport
import KTOModel

/// A study built from the input's bytes, analysed and rendered in memory. Each byte chooses a
/// value (a population, a margin, the weighting, a trim, the breakdowns, a threshold, a weight or
/// a code in the data), mostly from numbers at the edges: byte mutations of a study file rarely
/// survive its parser, while every input here is a study that reaches the arithmetic of weights,
/// domains and tests. Any outcome but a trap is fine; an error must be a documented one.
enum DesignTarget {
    /// Values a number in a study file or export may be given.
    static let numbers = [
        "100", "20", "1", "0", "-1", "2", "7", "0,5", "1e308", "inf", "nan", "-0", "1000000000", "1000000001",
        "9223372036854775807", "4611686018427387904", "99999999999999999999", "0,0000001", "1e-308", "", "veel", "3,5",
    ]

    /// The study text, the data with some weights and codes replaced, and the other files the
    /// study names (its codebook, an earlier meting's data, published figures), chosen by `input`.
    static func build(_ input: [UInt8]) -> (study: String, files: [(name: String, text: String)]) {
        var position = 0
        func choose(_ count: Int) -> Int {
            defer { position += 1 }
            return position < input.count ? Int(input[position]) % count : 0
        }
        func number() -> String { numbers[choose(numbers.count)] }
        var lines = ["title = Ontwerp", "meting = 2015", "data = design.csv", "codebook = design-codebook.csv", "group = gemeente"]
        // The codebook: the fuzz study's, with the scales chosen (one value, no neutral, wide).
        let codebook = FuzzContext.codebookText
            .replacingOccurrences(of: "De dienstverlening als geheel;;", with: "De dienstverlening als geheel;\(["", "0-10", "1-5", "7-7", "1-100"][choose(5)]);")
            .replacingOccurrences(of: "Houden zich aan afspraken;;", with: "Houden zich aan afspraken;\(["", "1-4", "1-7", "3-3", "1-2"][choose(5)]);")
            .replacingOccurrences(of: "Volgt u een traject?;;1=Nee|2=Ja", with: "Volgt u een traject?;;\(["1=Nee|2=Ja", "1=Nee|2=Ja|3=Afgerond", "1=Nee"][choose(3)])")
        lines.append(["", "breakdowns = traject", "breakdowns = traject, stipt", "breakdowns = traject, traject", "breakdowns = wisselen"][choose(5)])
        let weighting = choose(5)
        switch weighting {
        case 1: lines.append("weighting = gemeente")
        case 2: lines += ["weighting = rake", "rake = gemeente, traject"]
        case 3: lines += ["weighting = rake", "rake = gemeente, traject", "trim = \(number()) - \(number())"]
        case 4: lines += ["weighting = variable", "weight = gewicht"]
        default: break
        }
        if choose(3) == 1 { lines.append("overall = cijfer") }
        lines.append("quotes = \(["3", "0", "50", "51", "-1"][choose(5)])")
        lines.append("[population]")
        for name in ["Leidschendam-Voorburg", "Voorschoten", "Wassenaar"] { lines.append("\(name) = \(choose(4) == 0 ? number() : "100")") }
        // A margin only where the study rakes (elsewhere it is an error of the study file).
        if weighting == 2 || weighting == 3 {
            lines.append("[margin traject]")
            lines.append("Nee = \(choose(3) == 0 ? number() : "180")")
            lines.append("Ja = \(choose(3) == 0 ? number() : "120")")
            if choose(4) == 0 { lines.append("- = \(number())") }
        }
        lines.append("[thresholds]")
        lines.append("indicative = \(["5", "0", "1", "1000000", number()][choose(5)])")
        lines.append("suppress = \(["2", "0", "1", "5", number()][choose(5)])")
        lines.append("alpha = \(["0,05", "0,5", "0", "1e-300", number()][choose(5)])")
        lines.append("adjust = \(["bh", "holm", "bonferroni", "none"][choose(4)])")
        if choose(3) == 0 { lines.append("unreadable = \(number())") }
        // The data: the clean rows, some cells replaced (a weight, a grade, a statement, a traject).
        func data() -> String {
            var rows = FuzzContext.reportText.split(separator: "\r\n", omittingEmptySubsequences: false).map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            for _ in 0..<choose(8) {
                let row = 1 + choose(max(1, rows.count - 2))
                guard row < rows.count, rows[row].count == rows[0].count else { continue }
                let column = [8, 2, 3, 5, 1][choose(5)]
                rows[row][column] = [number(), "32767", "-32768", "99", "9", "0", ""][choose(7)]
            }
            return rows.map { $0.joined(separator: ";") }.joined(separator: "\r\n")
        }
        // Published figures (an earlier meting's or a benchmark's) with values and n chosen too.
        func figures() -> String {
            ["variable;measure;category;value;n;sd", "cijfer;mean;;\(["7,1", number()][choose(2)]);\(["120", "", number()][choose(3)]);\(["1,5", "", number()][choose(3)])",
             "stipt;pct_agree;;\(["55", number()][choose(2)]);\(["", number()][choose(2)]);", "traject;pct_category;Ja;\(["40", number()][choose(2)]);;"]
                .joined(separator: "\n") + "\n"
        }
        var files = [(name: "design.csv", text: data()), (name: "design-codebook.csv", text: codebook)]
        switch choose(3) {
        case 1:
            lines.insert(contentsOf: ["[previous 2013]", "data = design-2013.csv"], at: lines.firstIndex(of: "[population]") ?? lines.count)
            // The codebook names the statement `wissel` in earlier metingen.
            files.append(("design-2013.csv", data().replacingOccurrences(of: ";wisselen;", with: ";wissel;")))
        case 2:
            lines.insert(contentsOf: ["[previous 2013]", "aggregates = design-2013-cijfers.csv"], at: lines.firstIndex(of: "[population]") ?? lines.count)
            files.append(("design-2013-cijfers.csv", figures()))
        default: break
        }
        if choose(2) == 1 {
            lines += ["[benchmark Regio]", "file = design-regio.csv"]
            files.append(("design-regio.csv", figures()))
        }
        return (lines.joined(separator: "\n") + "\n", files)
    }

    static func run(_ input: [UInt8], context: FuzzContext, checker: inout Checker) -> String {
        let (text, files) = build(input)
        for file in files {
            guard (try? file.text.write(toFile: context.folder + "/" + file.name, atomically: false, encoding: .utf8)) != nil else { return "no-data-file" }
        }
        let source: SourceText
        do {
            source = try SourceText(bytes: Array(text.utf8), file: "kto.study")
        } catch {
            return "source-" + checker.checkError(error, source: nil, "design SourceText")
        }
        let study: Study
        do {
            study = try Study.parse(source, folder: context.folder)
        } catch {
            return "study-" + checker.checkError(error, source: source, "design Study.parse")
        }
        return report(study, checker: &checker)
    }

    /// A study's report on its data, rendered in memory. Any outcome but a trap is fine; an
    /// error must be a documented one.
    static func report(_ study: Study, checker: inout Checker) -> String {
        do {
            let loaded = try LoadedStudy.load(study: study)
            let files = try ReportPipeline().files(for: loaded).files
            checker.check(files.contains { $0.path == "results.csv" }, "a report without results.csv")
            // The design in the signature, so that the corpus keeps studies that reach the report
            // with other weightings, breakdowns, groups, thresholds and comparisons.
            let groups = study.groups.map { String($0.population) }.joined(separator: ",")
            return "report:\(files.count)|\(study.weighting)|\(study.breakdowns.count)|\(groups)|\(study.thresholds.indicative),\(study.thresholds.suppress)|\(study.previousMetingen.count)|\(study.benchmarks.count)"
        } catch let error as DesignErrors {
            checker.check(!error.errors.isEmpty, "DesignErrors without errors")
            return "design:" + Set(error.errors.map { String($0.message.prefix(14)) }).sorted().joined(separator: ",")
        } catch {
            return "report-" + checker.checkError(error, source: nil, "report")
        }
    }
}
