/// Finds dates of birth and dates that may be one.
///
/// - After a word for birth ("geboren", "geb.", "geboortedatum", "geboortejaar", "verjaardag",
///   "jarig", with "op", "in", "is" or ":" between): any date, a day and month without a year, or
///   a year alone ("geboren in 1975") — kind ``AnonymizationKind/birthDate``.
/// - Elsewhere: a full date with a four-digit year from 1900 up to 15 years before the reference
///   year ("22-11-1985", "12 december 1999"), since a client's own date of birth is often written
///   without a cue — kind ``AnonymizationKind/oldDate``.
///
/// Plain years ("in 2014"), months ("sinds maart") and recent or yearless dates ("op 3 april",
/// "12-05-2023") stay.
struct BirthDateDetector {
    /// The year "now"; dates of this year minus 15 or earlier are taken as possible birth dates.
    let referenceYear: Int

    private static let cues: Set<String> = [
        "geboren", "geb", "geboortedatum", "geboortejaar", "geboortedag", "verjaardag", "jarig", "gebdatum",
        "geboorte", "geb.datum", "dob",
    ]
    private static let fillers: Set<String> = ["op", "in", "is", "was", "datum", "de", "mijn", "jaar"]

    /// The minimum age, in years, of a full date taken as a possible birth date without a cue.
    static let minimumAge = 15

    func detect(in t: ScalarText, words w: WordTokens) -> [Detection] {
        var found: [Detection] = []
        var k = 0
        while k < w.count {
            let token = w[k]
            guard token.shape == .number else { k += 1; continue }
            let start = token.range.lowerBound
            let cued = hasBirthCue(w, before: k)
            if let date = DateReader.read(t, at: start, referenceYear: referenceYear) {
                if cued {
                    found.append(Detection(range: start..<date.end, kind: .birthDate))
                } else if date.hasFullYear, let year = date.year,
                    year >= 1900, year <= referenceYear - BirthDateDetector.minimumAge
                {
                    found.append(Detection(range: start..<date.end, kind: .oldDate))
                }
                while k < w.count, w[k].range.lowerBound < date.end { k += 1 }
                continue
            }
            if cued, token.range.count == 4, DigitGroups.canStart(t, at: start), DigitGroups.canEnd(t, at: token.range.upperBound),
                let year = Int(token.key), year >= 1900, year <= referenceYear
            {
                found.append(Detection(range: token.range, kind: .birthDate))
            }
            k += 1
        }
        return found
    }

    /// Whether a word for birth stands just before word `k`, with at most three filler words between.
    private func hasBirthCue(_ w: WordTokens, before k: Int) -> Bool {
        var j = k - 1
        var steps = 0
        while j >= 0, steps < 4 {
            let after = w[j + 1]
            guard !after.breakBefore, !after.startsSentence || after.gap == "." && w[j].key == "geb" else { return false }
            let key = w[j].key
            if BirthDateDetector.cues.contains(key) { return true }
            guard BirthDateDetector.fillers.contains(key) else { return false }
            j -= 1
            steps += 1
        }
        return false
    }
}
