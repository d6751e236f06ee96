/// Fixed Dutch sentences and labels of the report.
import KTOAnalysis
import KTOStats

enum DutchText {
    /// The explanation of the symbols in the tables: only the symbols this report can show.
    static func legend(_ results: StudyResults, benchmarks: Bool) -> [String] {
        var symbols = ["– = geen of te weinig waarnemingen (minder dan de drempel voor weergave), of verborgen zodat zo’n cijfer niet uit het totaal en de andere cijfers terug te rekenen is"]
        if results.previousMeting != nil { symbols.append("n.g. = niet gevraagd in die meting") }
        if (benchmarks && !results.benchmarks.isEmpty) || results.previousFigures != nil { symbols.append("n.b. = niet beschikbaar") }
        var lines = [
            "n = aantal geldige antwoorden ('weet niet', 'n.v.t.' en geen antwoord tellen niet mee); g.o. / % zonder oordeel = deel van wie de vraag kreeg zonder geldig antwoord.",
            symbols.joined(separator: "; ") + ".",
            "* = indicatief: gebaseerd op minder waarnemingen dan de drempel voor betrouwbare uitspraken.",
        ]
        var marks: [String] = []
        if let previous = results.previousMeting {
            marks.append("▲/▼ achter een cijfer van deze meting: significant hoger/lager dan \(previous)")
        }
        if results.groupNames.count > 1 {
            marks.append("+/− achter het cijfer van een gemeente: significant hoger/lager dan de rest van de organisatie")
        }
        if benchmarks && !results.benchmarks.isEmpty {
            marks.append(results.benchmarks.contains { $0.figures.values.contains { $0.n != nil } }
                ? "▲/▼ achter een vergelijkingscijfer: het totaal van deze meting is significant hoger/lager dan dat cijfer (alleen getoetst waar het aantal bekend is)"
                : "vergelijkingscijfers zonder aantallen staan er ter vergelijking en zijn niet getoetst")
        }
        if !marks.isEmpty {
            var text = marks.joined(separator: "; ") + "."
            if results.variables.contains(where: { $0.variable.type == .likert && $0.variable.polarity == .negative }) {
                text += " Bij negatief geformuleerde stellingen is lager beter."
            }
            lines.append(text)
        }
        let gradeCodes = results.variables.filter { $0.variable.type == .grade }.flatMap(\.variable.validCodes)
        if let low = gradeCodes.min(), let high = gradeCodes.max() {
            lines.append("Rapportcijfers zijn gemiddelden op een schaal van \(low) tot \(high); percentages zijn afgerond op hele procenten.")
        } else {
            lines.append("Percentages zijn afgerond op hele procenten.")
        }
        return lines
    }

    /// The short key under a chart's table: the marks this report can show.
    static func marksKey(_ results: StudyResults, benchmarks: Bool) -> String {
        var parts: [String] = []
        if let previous = results.previousMeting {
            parts.append("▲/▼ significant hoger/lager dan \(previous)" + (benchmarks && !results.benchmarks.isEmpty ? " (bij een vergelijkingsgroep: uw totaal hoger/lager dan die groep)" : ""))
        } else if benchmarks && !results.benchmarks.isEmpty {
            parts.append("▲/▼ bij een vergelijkingsgroep: uw totaal significant hoger/lager dan die groep")
        }
        if results.groupNames.count > 1 { parts.append("+/− significant hoger/lager dan de rest van de organisatie") }
        parts += ["* indicatief", "– te weinig waarnemingen"]
        return parts.joined(separator: ", ") + "."
    }

    static func annexIntro(_ gemeente: String) -> String {
        "Deze bijlage toont de resultaten van \(gemeente) naast het totaal van de organisatie. Omdat ze op kleinere aantallen berusten, zijn alle resultaten in deze bijlage indicatief. Vergelijkingen met de rest van de organisatie zijn getoetst met de andere gemeenten samen, niet met het totaal waar \(gemeente) zelf in zit."
    }

    /// The method section, in plain Dutch. Every sentence that states a fact about this study
    /// (scales, what was tested, how far weighting moves the total, unusable cells) is computed
    /// from the results; only the definitions are fixed text.
    static func method(_ results: StudyResults) -> [String] {
        let t = results.thresholds
        let alpha = Rounding.formatDutch(t.alpha, decimals: 2)
        var paragraphs: [String] = []
        let variables = results.variables.map(\.variable)
        var scales: [String] = []
        let gradeCodes = variables.filter { $0.type == .grade }.flatMap(\.validCodes)
        if let low = gradeCodes.min(), let high = gradeCodes.max() {
            scales.append("Rapportcijfers lopen van \(low) tot \(high). Het gemiddelde wordt berekend over de geldige antwoorden; 'weet niet', 'niet van toepassing' en lege antwoorden tellen niet mee. Een onvoldoende is een cijfer lager dan \(Rounding.formatDutch(GradeSummary.passMark, decimals: 1)).")
        }
        let statements = variables.filter { $0.type == .likert }
        if !statements.isEmpty {
            var text = "Bij stellingen is het percentage (helemaal) eens berekend over wie een mening gaf."
            if statements.contains(where: { $0.polarity == .negative }) {
                text += " Bij negatief geformuleerde stellingen is een lager percentage beter."
            }
            let reversed = statements.filter(\.reversedScale)
            if !reversed.isEmpty {
                let names = reversed.map { "‘\($0.text.isEmpty ? $0.code : $0.text)’" }
                text += " De antwoorden op \(reversed.count == 1 ? "de stelling" : "de stellingen") \(list(names)) waren in de data omgekeerd gecodeerd (de laagste code betekende helemaal eens); ze zijn omgezet, zodat ze op dezelfde manier tellen als de andere stellingen."
            }
            scales.append(text)
        }
        if !scales.isEmpty { paragraphs.append(scales.joined(separator: " ")) }

        var tests: [String] = []
        if results.previousMeting != nil { tests.append("met de vorige meting") }
        if results.groupNames.count > 1 { tests.append("tussen elke gemeente en de rest van de organisatie (de andere gemeenten samen)") }
        if !results.breakdowns.isEmpty {
            tests.append("tussen elke groep naar \(list(results.breakdowns.map { lowercasedFirst($0.name) })) en de overige klanten (in de samenvatting) en tussen elk paar van die groepen (de letters in de uitsplitsingstabellen: een cijfer met letter B is significant hoger dan dat van kolom B)")
        }
        if !results.benchmarks.isEmpty { tests.append("met de vergelijkingsgroepen") }
        if !tests.isEmpty {
            var text = "Verschillen \(list(tests)) zijn tweezijdig getoetst met een significantieniveau van \(alpha)"
            if results.isWeighted {
                text += ": het verschil tussen twee gewogen cijfers gedeeld door zijn standaardfout volgens het steekproefontwerp (binnen dezelfde meting zoals R survey met svyglm, tussen metingen als onafhankelijke schattingen), met de normale verdeling."
            } else {
                text += ": gemiddelden met de t-toets van Welch (ongelijke varianties), percentages met de z-toets voor twee proporties (gepoolde variantie)."
            }
            if results.containsContrast(where: { $0.method == .fisherExact }) {
                text += " Waar bij twee percentages een verwachte celvulling kleiner is dan 5, is de exacte toets van Fisher gebruikt (tweezijdig)."
            }
            if !results.benchmarks.isEmpty || !results.earlierFigures.isEmpty {
                text += " Een gepubliceerd cijfer (van een vergelijkingsgroep of een eerdere meting zonder antwoorden) is zelf een steekproef: het is alleen getoetst als het aantal waarnemingen bekend is, op dezelfde manier als de eigen cijfers; zonder aantal staat het er alleen ter vergelijking."
                if results.containsContrast(where: \.approximate) {
                    text += " Waar bij een gemiddelde de spreiding ontbrak, is de eigen spreiding gebruikt; die toets is benaderend."
                }
            }
            if results.containsContrast(where: { $0.effect != nil }) {
                text += " Bij elk getoetst verschil staat in results.csv ook de grootte: Hedges' g voor gemiddelden en Cohen's h voor percentages; de samenvatting noemt een verschil klein vanaf 0,2, middelgroot vanaf 0,5 en groot vanaf 0,8."
            }
            paragraphs.append(text)
            if let adjustment = adjustmentParagraph(results) { paragraphs.append(adjustment) }
        }
        paragraphs.append("Kleine aantallen: een resultaat op minder dan \(t.indicative) antwoorden is indicatief (gemarkeerd met *); een resultaat op minder dan \(t.suppress) antwoorden wordt niet getoond en niet getoetst. Omdat zo’n resultaat anders terug te rekenen is als het totaal min de andere gemeenten, wordt dan ook de kleinste andere gemeente niet getoond (en zo nodig meer), tot de verborgen gemeenten samen minstens \(t.suppress) antwoorden hebben. Percentages van 0% of 100% worden wel getoond maar niet getoetst. De resultaten per gemeente zijn als geheel indicatief.")
        if let weighting = weightingParagraph(results) { paragraphs.append(weighting) }
        if let nonresponse = nonresponseParagraph(results) { paragraphs.append(nonresponse) }
        paragraphs += results.dataNotes.compactMap(dataParagraph)
        return paragraphs
    }

    /// How many tests each family holds and how the p-values were adjusted, in numbers.
    static func adjustmentParagraph(_ results: StudyResults) -> String? {
        guard !results.families.isEmpty else { return nil }
        let method: String
        switch results.thresholds.adjust {
        case .benjaminiHochberg: method = "volgens Benjamini-Hochberg (dit beperkt het verwachte aandeel onterecht significante verschillen tot \(Rounding.formatDutch(results.thresholds.alpha * 100, decimals: 0))%)"
        case .holm: method = "volgens Holm (dit beperkt de kans op één of meer onterecht significante verschillen per groep tot \(Rounding.formatDutch(results.thresholds.alpha * 100, decimals: 0))%)"
        case .bonferroni: method = "volgens Bonferroni (p-waarde maal het aantal toetsen)"
        case .none: method = ""
        }
        // The letters' families (one per breakdown table) are summed into one part.
        let pairs = results.families.filter { if case .pairwise = $0.family { return true } else { return false } }
        var parts = results.families.compactMap { family -> String? in
            let name: String
            switch family.family {
            case .previous(let meting): name = "tegen meting \(meting)"
            case .gemeenten: name = "gemeente tegen de rest"
            case .breakdown(let b): name = "naar \(lowercasedFirst(results.breakdowns[b].name))"
            case .benchmark(let benchmark): name = "tegen \(benchmark)"
            case .pairwise: return nil
            }
            let adjusted = results.thresholds.adjust == .none ? "" : ", \(family.significant) na correctie"
            return "\(name): \(Rounding.formatInteger(family.tests)) \(family.tests == 1 ? "toets" : "toetsen"), \(family.significantUnadjusted) significant vóór correctie\(adjusted)"
        }
        if !pairs.isEmpty {
            let tests = pairs.reduce(0) { $0 + $1.tests }
            let before = pairs.reduce(0) { $0 + $1.significantUnadjusted }
            let after = pairs.reduce(0) { $0 + $1.significant }
            let adjusted = results.thresholds.adjust == .none ? "" : ", \(after) na correctie binnen elke tabel"
            parts.append("categorieën onderling in de \(pairs.count) uitsplitsingstabellen (de letters): \(Rounding.formatInteger(tests)) \(tests == 1 ? "toets" : "toetsen"), \(before) significant vóór correctie\(adjusted)")
        }
        if results.thresholds.adjust == .none {
            return "Er zijn veel toetsen gedaan zonder correctie voor meervoudig toetsen (adjust = none); bij een significantieniveau van \(Rounding.formatDutch(results.thresholds.alpha, decimals: 2)) is ongeveer één op de twintig significante verschillen toeval. Aantallen: " + parts.joined(separator: "; ") + "."
        }
        return "Omdat in dit rapport veel verschillen tegelijk worden getoetst, zijn de p-waarden per groep toetsen gecorrigeerd \(method); de markeringen en de samenvatting gebruiken de gecorrigeerde p-waarden. Per groep: " + parts.joined(separator: "; ") + "."
    }

    /// What the weighting is (in numbers from the design), or (unweighted) how far weighting by
    /// gemeente would move the total.
    static func weightingParagraph(_ results: StudyResults) -> String? {
        let summary = results.design.weights.first?.summaries.first { $0.gemeente == nil }
        let spread = summary.map { w in
            " De gewichten lopen van \(Rounding.formatDutch(w.min, decimals: 2)) tot \(Rounding.formatDutch(w.max, decimals: 2)) (grootste gedeeld door kleinste: \(Rounding.formatDutch(w.ratio, decimals: 1))); de effectieve steekproefomvang volgens Kish is \(Rounding.formatInteger(Int(w.effectiveN.rounded()))) van de \(Rounding.formatInteger(w.respondents)) respondenten."
        } ?? ""
        switch results.design.weighting {
        case .gemeente:
            return "Alle cijfers zijn gewogen naar het aantal aangeschreven klanten per gemeente (poststratificatie: gewicht = populatie / aantal respondenten van de gemeente). Standaardfouten volgen de gestratificeerde steekproef met eindige-populatiecorrectie, zoals R survey (svydesign met strata en fpc); n in de tabellen is het ongewogen aantal." + spread
        case .rake(let variables, let trim):
            let bounds = trim.map { " met grenzen aan het gewicht van \(Rounding.formatDutch($0.lowerBound, decimals: 1)) tot \(Rounding.formatDutch($0.upperBound, decimals: 1)) maal het gemiddelde gewicht" } ?? ""
            return "Alle cijfers zijn gewogen door raking (iteratief aanpassen tot de verdeling naar \(list(variables)) gelijk is aan die in de populatie)\(bounds). Standaardfouten houden rekening met de weging, zoals R survey na rake(); n in de tabellen is het ongewogen aantal." + spread
        case .variable(let column):
            return "Alle cijfers zijn gewogen met het gewicht uit de data (kolom \(column)). Standaardfouten volgen dat gewicht zoals R survey (svydesign met weights); n in de tabellen is het ongewogen aantal." + spread
        case .none:
            break
        }
        guard results.groupNames.count > 1 else { return nil }
        let effect = results.weightingEffect
        var parts: [String] = []
        if let grade = effect.largestGradeDifference {
            parts.append("bij de rapportcijfers hoogstens \(Rounding.formatDutch(grade.difference, decimals: 2)) punt (‘\(grade.variable)’)")
        }
        if let percent = effect.largestPercentDifference {
            parts.append("bij de percentages hoogstens \(Rounding.formatDutch(percent.difference, decimals: 1)) procentpunt (‘\(percent.variable)’)")
        }
        guard !parts.isEmpty else { return "Het totaal is ongewogen: alle respondenten tellen even zwaar." }
        return "Het totaal is ongewogen: alle respondenten tellen even zwaar. Gewogen naar het aantal aangeschreven klanten per gemeente zou het totaal \(list(parts)) verschillen."
    }

    /// "de dienstverlening …" from "De dienstverlening …" (not for abbreviations such as "KCC").
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, let second = text.dropFirst().first, first.isUppercase, second.isLowercase else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// Items where many respondents asked gave no valid answer (the total, this meting).
    static func nonresponseParagraph(_ results: StudyResults) -> String? {
        let threshold = results.thresholds.nonresponsePercent
        let items = results.variables.compactMap { result -> (String, Double)? in
            guard result.current?.meting == results.meting, let total = result.current?.domain(.total),
                  let share = total.nonresponse.withoutAnswerPercent, share > threshold else { return nil }
            return (result.variable.text.isEmpty ? result.variable.code : result.variable.text, share)
        }
        let base = "De tabellen geven per vraag het percentage klanten zonder oordeel: van wie de vraag kreeg, het deel dat ‘weet niet’ of ‘n.v.t.’ koos of niets invulde (bij een vraag die niet iedereen kreeg alleen over wie hem kreeg)."
        guard !items.isEmpty else {
            return base + " Bij geen enkele vraag was dat meer dan \(Rounding.formatDutch(threshold, decimals: 0))%."
        }
        var listed = items.sorted { $0.1 > $1.1 }.prefix(8).map { "‘\($0.0)’ (\(Rounding.formatPercent($0.1)))" }
        if items.count > listed.count { listed.append("nog \(items.count - listed.count) andere") }
        return base + " Bij \(items.count) \(items.count == 1 ? "vraag" : "vragen") was dat meer dan \(Rounding.formatDutch(threshold, decimals: 0))%: " + list(listed) + "; die cijfers rusten op een kleiner deel van de klanten."
    }

    /// Rows rejected and cells unusable in one meting's data, when there were any.
    static func dataParagraph(_ notes: DataNotes) -> String? {
        var parts: [String] = []
        if notes.rowsRejected > 0 {
            parts.append("\(Rounding.formatInteger(notes.rowsRejected)) van de \(Rounding.formatInteger(notes.rowsRead)) rijen zijn niet gebruikt (bijvoorbeeld een dubbel respondentnummer of een onbekende gemeente; zie kto check)")
        }
        if notes.unusableCells > 0 {
            let n = notes.unusableVariables.count
            parts.append("\(Rounding.formatInteger(notes.unusableCells)) \(notes.unusableCells == 1 ? "ingevulde cel was" : "ingevulde cellen waren") onbruikbaar (bij \(n) \(n == 1 ? "vraag" : "vragen"): \(notes.unusableVariables.prefix(6).joined(separator: ", "))\(n > 6 ? " en andere" : "")) en \(notes.unusableCells == 1 ? "telt" : "tellen") als geen antwoord")
        }
        guard !parts.isEmpty else { return nil }
        return "In de data van \(notes.meting): " + list(parts) + "."
    }

    /// "a", "a en b", "a, b en c".
    static func list(_ parts: [String]) -> String {
        guard parts.count > 1, let last = parts.last else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " en " + last
    }

    static let responseIntro =
        "De respons is het aantal ingevulde vragenlijsten gedeeld door het aantal aangeschreven klanten. " +
        "De foutmarge geldt voor een percentage van 50% bij 95% betrouwbaarheid, met correctie voor de eindige populatie."
}
