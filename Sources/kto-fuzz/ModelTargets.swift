import Foundation
import KTOImport
import KTOModel

/// The study-description parsers: study file, codebook, coding file, aggregates, dictionary.
enum ModelTargets {
    /// The input as source text, or the error's signature.
    static func source(_ input: [UInt8], file: String, checker: inout Checker) -> Result<SourceText, SignatureError> {
        do {
            return .success(try SourceText(bytes: input, file: file))
        } catch {
            return .failure(SignatureError(signature: checker.checkError(error, source: nil, "SourceText")))
        }
    }

    struct SignatureError: Error { var signature: String }

    /// The kinds of problems (their first words), for the signature.
    static func kinds(_ error: StudyError) -> String {
        Set(error.problems.map { String($0.message.prefix(12)) }).sorted().prefix(8).joined(separator: ",")
    }

    static func study(_ input: [UInt8], context: FuzzContext, checker: inout Checker) -> String {
        let text: SourceText
        switch source(input, file: "kto.study", checker: &checker) {
        case .success(let s): text = s
        case .failure(let e): return e.signature
        }
        do {
            let study = try Study.parse(text, folder: context.folder)
            checker.check(!study.groups.isEmpty && study.groups.allSatisfy { $0.population > 0 }, "study without positive groups")
            checker.check(study.thresholds.suppress <= study.thresholds.indicative, "suppress above indicative")
            checker.check(!study.dataFiles.isEmpty, "study without data files")
            return "ok|\(study.previous != nil)|\(study.benchmarks.count)|\(study.weighting.isWeighted)|\(study.encoding?.rawValue ?? "")|"
                + report(study, context: context, checker: &checker)
        } catch {
            let kind = checker.checkError(error, source: text, "Study.parse")
            let messages = (error as? StudyError).map { kinds($0) } ?? ""
            return kind + "|" + messages
        }
    }

    /// A study that parses is also analysed and rendered, in memory, on clean data (the fuzz
    /// data's rejected rows would stop it first): its numbers reach the arithmetic there.
    static func report(_ parsed: Study, context: FuzzContext, checker: inout Checker) -> String {
        var study = parsed
        study.dataFiles = [Study.DataFile(path: context.folder + "/report.csv", displayName: "report.csv")]
        return DesignTarget.report(study, checker: &checker)
    }

    static func codebook(_ input: [UInt8], context: FuzzContext, checker: inout Checker) -> String {
        let text: SourceText
        switch source(input, file: "codebook.csv", checker: &checker) {
        case .success(let s): text = s
        case .failure(let e): return e.signature
        }
        let codebook: Codebook
        do {
            codebook = try Codebook.parse(text)
        } catch {
            let kind = checker.checkError(error, source: text, "Codebook.parse")
            let messages = (error as? StudyError).map { kinds($0) } ?? ""
            return kind + "|" + String(messages.prefix(200))
        }
        let pairing = codebook.openQuestionPairing()
        for problem in pairing.problems { checker.checkLocation(problem.location, in: text, "open question pairing") }
        var signature = "ok|v\(min(codebook.variables.count, 12))|q\(pairing.questions.count)|p\(pairing.problems.count)"
        // The parsed codebook in use: the fuzz study's data read with it, under both namings.
        for naming in [DatasetLoader.Naming.current, .previous] {
            let loader = DatasetLoader(study: context.study, codebook: codebook)
            do {
                let (dataset, ledgers) = try loader.load(files: context.study.dataFiles, meting: "2015", naming: naming)
                LoaderTarget.checkDataset(dataset, ledgers: ledgers, source: nil, checker: &checker)
                signature += "|load"
            } catch {
                signature += "|" + checker.checkError(error, source: nil, "loading with the codebook")
            }
        }
        return signature
    }

    static func coding(_ input: [UInt8], context: FuzzContext, checker: inout Checker) -> String {
        var dataset = context.dataset
        let file = context.writeScratch(input, name: "codering.csv")
        let source = try? SourceText(contentsOf: file.path, displayName: file.displayName)
        do {
            let (ledgers, notCodable) = try CodingFile.apply([file], to: &dataset, questions: context.questions)
            guard let ledger = ledgers.first, ledgers.count == 1 else {
                checker.check(false, "one coding file, \(ledgers.count) ledgers")
                return "?"
            }
            checker.check(ledger.rowsRead == ledger.rowsCoded + ledger.rowsNotCodable + ledger.rowsOpen + ledger.rejections.count,
                          "coding ledger does not balance: read \(ledger.rowsRead), coded \(ledger.rowsCoded), - \(ledger.rowsNotCodable), open \(ledger.rowsOpen), rejected \(ledger.rejections.count)")
            for rejection in ledger.rejections { checker.checkLocation(rejection.location, in: source, "coding rejection '\(rejection.message)'") }
            for (v, column) in dataset.columns.enumerated() {
                guard case .multi(let lists)? = column else { continue }
                checker.check(lists.count == dataset.rowCount, "codes column \(v) has \(lists.count) rows, the dataset \(dataset.rowCount)")
                let valid = Set(context.codebook.variables[v].validCodes)
                for list in lists where !list.allSatisfy({ valid.contains(Int($0)) }) {
                    checker.check(false, "codes \(list) outside the code list of \(context.codebook.variables[v].code)")
                    break
                }
            }
            let marked = notCodable.values.reduce(0) { $0 + $1.count }
            checker.check(marked == ledger.rowsNotCodable, "\(marked) rows marked -, ledger says \(ledger.rowsNotCodable)")
            let kinds = ledger.rejectionCounts.map { $0.kind.rawValue }.joined(separator: ",")
            return "ok|\(ledger.rowsCoded > 0)|\(ledger.rowsNotCodable > 0)|\(ledger.rowsOpen > 0)|\(kinds)"
        } catch {
            return checker.checkError(error, source: source, "CodingFile.apply")
        }
    }

    static func aggregates(_ input: [UInt8], context: FuzzContext, checker: inout Checker) -> String {
        let text: SourceText
        switch source(input, file: "benchmark.csv", checker: &checker) {
        case .success(let s): text = s
        case .failure(let e): return e.signature
        }
        do {
            let aggregates = try Aggregates.parse(text, name: "Benchmark", codebook: context.sampleCodebook)
            for (key, figure) in aggregates.figures {
                checker.check(figure.value.isFinite, "\(key): value \(figure.value)")
                checker.check(figure.n.map { $0 >= 1 } ?? true, "\(key): n \(String(describing: figure.n))")
                checker.check(figure.sd.map { $0 >= 0 && $0.isFinite } ?? true, "\(key): sd \(String(describing: figure.sd))")
            }
            return "ok|\(min(aggregates.figures.count, 5))"
        } catch {
            let kind = checker.checkError(error, source: text, "Aggregates.parse")
            let messages = (error as? StudyError).map { kinds($0) } ?? ""
            return kind + "|" + String(messages.prefix(120))
        }
    }

    static func dictionary(_ input: [UInt8], context: FuzzContext, checker: inout Checker) -> String {
        let text: SourceText
        switch source(input, file: "trefwoorden.csv", checker: &checker) {
        case .success(let s): text = s
        case .failure(let e): return e.signature
        }
        // The input as an answer too: words and matching must take any text.
        let answer = String(text.string(0..<min(text.bytes.count, 4000)))
        _ = KeywordDictionary.words(of: answer)
        do {
            let dictionary = try KeywordDictionary.parse(text, questions: context.sampleQuestions)
            var fired = 0
            for question in context.sampleQuestions {
                let codes = Set(question.codeList.map(\.code))
                for sample in ["Het geld staat altijd op tijd op mijn rekening.", "Vriendelijke mensen", answer] {
                    let found = dictionary.codes(for: sample, question: question.codes.code)
                    fired += found.count
                    checker.check(found.allSatisfy(codes.contains), "codes \(found) outside the code list of \(question.codes.code)")
                    checker.check(found == found.sorted() && Set(found).count == found.count, "codes \(found) not ascending and unique")
                }
            }
            return "ok|\(min(dictionary.rules.count, 8))|\(fired > 0)"
        } catch {
            let kind = checker.checkError(error, source: text, "KeywordDictionary.parse")
            let messages = (error as? StudyError).map { kinds($0) } ?? ""
            return kind + "|" + String(messages.prefix(120))
        }
    }
}
