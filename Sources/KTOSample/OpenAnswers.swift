/// The coded open questions of 2015 ("Wat vindt u goed …?" and "Wat moet … verbeteren?"):
/// which respondents mention which codes, and the text they wrote.
enum OpenAnswers {
    /// One open question: its published code percentages and the sentences clients write per code.
    struct Question: Sendable {
        let percentages: [Int]
        /// Per code (index 0 = code 1): sentences used any number of times.
        let sentences: [[String]]
        /// Per code: sentences used once each (names, phone numbers, e-mail addresses, quotes,
        /// semicolons, a line break, Windows-1252 punctuation), so that each shows up in the data.
        let singular: [[String]]
        /// Answers that cannot be coded.
        let uncodable: [String]
    }

    /// Code counts per code for a base of `base` respondents that round to the published
    /// percentages and cover every respondent at least once, or nil.
    static func codeCounts(base: Int, percentages: [Int]) -> [Int]? {
        var counts: [Int] = []
        for p in percentages {
            guard let window = Window.numerators(n: base, target: p, measure: .pctCategory) else { return nil }
            counts.append(min(max(Window.ideal(n: base, target: p, measure: .pctCategory), window.lowerBound),
                              window.upperBound))
        }
        guard counts.reduce(0, +) >= base, counts.allSatisfy({ $0 <= base }) else { return nil }
        return counts
    }

    /// The base nearest to `preferred` for which `codeCounts` has a solution.
    static func base(near preferred: Int, percentages: [Int]) -> (base: Int, counts: [Int])? {
        for step in 0..<200 {
            for b in [preferred - step, preferred + step] where b > 0 {
                if let counts = codeCounts(base: b, percentages: percentages) { return (b, counts) }
            }
        }
        return nil
    }

    /// Code sets for `counts.count` codes over `base` respondents, with exactly `counts[c]`
    /// mentions of code `c + 1`, everyone at least one code and nobody a code twice.
    ///
    /// First every respondent gets one code drawn from all mentions; the remaining mentions go to
    /// respondents without that code, those with the fewest codes first, so most name one or two
    /// points in varied combinations.
    static func codeSets(base: Int, counts: [Int], random: inout SampleRandom) -> [[Int]] {
        var mentions: [Int] = []
        for (c, count) in counts.enumerated() { mentions += [Int](repeating: c + 1, count: count) }
        random.shuffle(&mentions)
        guard base > 0, mentions.count >= base else { return [[Int]](repeating: [], count: base) }
        var sets = mentions.prefix(base).map { [$0] }
        var rest = Array(mentions.dropFirst(base))
        // Largest code groups first: they have the fewest respondents left to go to.
        rest.sort { a, b in counts[a - 1] != counts[b - 1] ? counts[a - 1] > counts[b - 1] : a < b }
        for code in rest {
            let candidates = sets.indices.filter { !sets[$0].contains(code) }
            guard let fewest = candidates.map({ sets[$0].count }).min() else { continue }
            let pool = candidates.filter { sets[$0].count == fewest }
            sets[random.pick(pool)].append(code)
        }
        return sets.map { $0.sorted() }
    }

    /// Writes one respondent's explanation for `codes`.
    static func text(for codes: [Int], question: Question, singularUsed: inout [[Bool]],
                     random: inout SampleRandom) -> String {
        var parts: [String] = []
        for code in random.shuffled(codes) {
            let c = code - 1
            guard c >= 0, c < question.sentences.count else { continue }
            if let k = singularUsed[c].firstIndex(of: false) {
                singularUsed[c][k] = true
                parts.append(question.singular[c][k])
            } else if !question.sentences[c].isEmpty {
                parts.append(random.pick(question.sentences[c]))
            }
        }
        // A fragment without closing punctuation gets a full stop when another follows.
        for k in parts.indices.dropLast() where !(parts[k].last.map { ".!?".contains($0) } ?? true) {
            parts[k] += "."
        }
        return parts.joined(separator: " ")
    }

    static let good = Question(
        percentages: Targets.goodCodePercentages,
        sentences: [
            [  // 1 Stiptheid uitbetaling uitkering
                "Het geld staat altijd op tijd op mijn rekening.",
                "De uitkering komt elke maand op dezelfde dag binnen, daar kan ik op rekenen.",
                "De betaling is altijd stipt, zodat ik mijn huur op tijd kan overmaken.",
                "Nooit problemen gehad met de uitbetaling.",
                "Dat het geld er gewoon is op de datum die ze noemen.",
                "Ook rond de feestdagen wordt er op tijd betaald.",
                "Ik weet precies wanneer mijn uitkering komt en dat klopt altijd.",
                "Uitbetaling op tijd",
                "Mijn vaste lasten gaan nu automatisch van mijn rekening en dat lukt omdat de uitkering op tijd komt.",
            ],
            [  // 2 Klantvriendelijkheid/behulpzaamheid
                "De mensen aan de balie zijn vriendelijk en nemen de tijd.",
                "Ik word altijd netjes te woord gestaan.",
                "Vriendelijke medewerkers, ook als het druk is.",
                "Ze helpen je echt verder als je iets niet begrijpt.",
                "Aan de telefoon zijn ze beleefd en behulpzaam.",
                "Men is correct en behulpzaam.",
                "Vriendelijk personeel",
                "Als ik met een vraag kom, zoeken ze het voor me uit.",
            ],
            [  // 3 Alles in het algemeen
                "Over het algemeen ben ik tevreden.",
                "Alles loopt goed, ik heb geen klachten.",
                "Het is prima geregeld.",
                "Ik heb niets te klagen, het gaat zoals het moet gaan.",
                "Gewoon goed.",
                "Alles wat ik nodig had is geregeld.",
                "Eigenlijk alles.",
            ],
            [  // 4 Mijn consulent
                "Mijn consulent denkt met me mee.",
                "Ik heb een fijne consulent die naar me luistert.",
                "Mijn consulent belt terug als ze dat belooft.",
                "De consulent kent mijn situatie en daar ben ik blij mee.",
                "Mijn consulente is eerlijk en duidelijk.",
                "Met mijn consulent kan ik alles bespreken.",
            ],
            [  // 5 Aandacht medewerkers
                "Er wordt echt naar je geluisterd.",
                "De medewerkers nemen de tijd voor je verhaal.",
                "Ze hebben oog voor wat er thuis speelt.",
                "Ik voel me gehoord.",
                "Ze vragen ook hoe het met de kinderen gaat.",
            ],
            [  // 6 Dat er een vangnet is
                "Fijn dat er iets is als je het zelf even niet redt.",
                "Zonder deze uitkering had ik op straat gestaan.",
                "Dat je niet aan je lot wordt overgelaten als je ziek wordt.",
                "Ik ben blij dat er een vangnet is nu ik door mijn gezondheid niet kan werken.",
                "Dat er hulp is als je zonder werk komt te zitten.",
            ],
            [  // 7 Informatievoorziening
                "De brieven zijn duidelijk.",
                "Ik krijg goede uitleg over wat ik moet doen.",
                "De informatie op de website klopt en is duidelijk.",
                "Als ik iets vraag krijg ik een helder antwoord.",
                "Ik word goed geïnformeerd over de regelingen van de gemeente.",
            ],
            [  // 8 Begeleiding/ondersteuning
                "Ik word goed begeleid bij het zoeken naar werk.",
                "Via de gemeente kon ik een cursus volgen.",
                "Goede ondersteuning toen het even niet ging.",
                "Ze hebben me geholpen aan een werkervaringsplek.",
                "De begeleiding naar vrijwilligerswerk heeft me goed gedaan.",
            ],
            [  // 9 Anders
                "Het gebouw is goed bereikbaar met de bus.",
                "De ooievaarspas is een uitkomst voor mijn kinderen.",
                "Dat je formulieren ook digitaal kunt insturen.",
                "Het inloopspreekuur op dinsdagochtend.",
                "De schuldhulpverlening heeft me veel rust gegeven.",
            ],
        ],
        singular: [
            [
                "Ik krijg mijn uitkering altijd op tijd, ook de € 38,- extra voor de kinderen kwam precies wanneer het beloofd was.",
                "De uitbetaling gaat goed; alleen de bijzondere bijstand duurde wat langer.",
            ],
            [
                "De dame bij de receptie zei: \"Gaat u maar even zitten, ik zoek het voor u uit.\" Dat vond ik heel fijn.",
                "Behulpzaam; ook als ik voor de derde keer hetzelfde vraag.",
            ],
            [],
            [
                "Mijn consulent mevrouw Jansen is altijd bereikbaar en denkt echt met mij mee.",
                "Ik ben heel blij met dhr. De Vries, hij regelt dingen snel.",
                "Consulente mw. El Amrani heeft mij door een moeilijke periode geholpen.",
                "Meneer Bakker heeft me goed uitgelegd hoe het zit en gaf me zijn nummer: 06-12345678.",
                "Ik kan mijn consulent gewoon mailen en krijg snel antwoord. Als u nog vragen heeft: r.bos1971@voorbeeldmail.nl",
            ],
            [],
            ["Blij dat er zo’n vangnet bestaat voor mensen zoals ik."],
            ["Duidelijke informatie over de ooievaarspas. Het nummer 070 - 123 4567 staat overal goed vermeld."],
            [],
            [],
        ],
        uncodable: ["Geen", "nvt", "Weet ik niet", "Geen opmerkingen.", "-", "Niets bijzonders", "Geen idee."]
    )

    static let improve = Question(
        percentages: Targets.improveCodePercentages,
        sentences: [
            [  // 1 Rekening houden met de situatie klant
                "Meer kijken naar de persoon en niet alleen naar de regels.",
                "Ik heb rugklachten en moet toch steeds solliciteren, daar wordt geen rekening mee gehouden.",
                "Iedereen wordt over één kam geschoren.",
                "Als alleenstaande moeder met drie kinderen kan ik niet zomaar fulltime werken, dat mag beter begrepen worden.",
                "Maatwerk leveren in plaats van standaardbrieven.",
                "Kijk naar wat iemand wel kan.",
                "Ik ben 62 en word nergens meer aangenomen, houd daar rekening mee.",
            ],
            [  // 2 Minder wisselingen consulenten
                "Steeds een andere consulent, ik moet alles opnieuw uitleggen.",
                "Ik heb dit jaar al drie consulenten gehad.",
                "Graag één vast aanspreekpunt.",
                "Laat me weten wie mijn nieuwe consulent is als de oude vertrekt.",
                "Minder wisselen van consulent",
            ],
            [  // 3 Telefonische bereikbaarheid
                "Je hangt lang in de wacht als je belt.",
                "Consulenten bellen niet terug na een bericht op de voicemail.",
                "Vaste belmomenten zouden helpen.",
                "Het is moeilijk om iemand aan de lijn te krijgen.",
                "Betere telefonische bereikbaarheid van de consulenten.",
            ],
            [  // 4 Informatie rechten/mogelijkheden
                "Meer uitleg over toeslagen en bijzondere bijstand.",
                "Duidelijkere brieven, nu begrijp ik vaak niet wat er bedoeld wordt.",
                "Een overzicht van alle regelingen waar je gebruik van kunt maken.",
                "De website is onduidelijk over wat je mag bijverdienen.",
                "Vertel mensen uit zichzelf waar ze recht op hebben.",
            ],
            [  // 5 Beter/sneller reageren op vragen
                "Het duurt weken voordat er antwoord komt op een e-mail.",
                "Reageer sneller op vragen.",
                "Mijn wijzigingsformulier is twee keer kwijtgeraakt.",
                "Ik wacht nog steeds op een reactie op mijn brief van maart.",
                "Afspraken over terugbellen worden niet nagekomen.",
            ],
            [  // 6 Meer begrip/respect van de medewerkers
                "Behandel mensen niet alsof ze fraudeurs zijn.",
                "Meer respect, wij hebben ook niet voor deze situatie gekozen.",
                "Aan de balie word je soms neerbuigend toegesproken.",
                "De toon in de brieven is dreigend.",
                "Meer begrip voor mensen met psychische problemen.",
            ],
            [  // 7 Begeleiding naar werk
                "Meer hulp bij het vinden van een echte baan.",
                "Trajecten die passen bij mijn opleiding.",
                "Ik wil graag werken maar krijg geen begeleiding.",
                "Een stageplek of werkervaringsplaats zou mij verder helpen.",
                "Betere contacten met werkgevers in de regio.",
            ],
            [  // 8 Anders
                "Het formulier voor de vakantiemelding is onnodig ingewikkeld.",
                "Te weinig parkeerplaatsen bij het gemeentehuis.",
                "Minder papierwerk.",
                "Meer personeel, de medewerkers hebben het te druk.",
            ],
            [  // 9 Meer tijd nemen voor de klant
                "Neem de tijd voor een gesprek, nu is het altijd gehaast.",
                "De gesprekken zijn te kort om alles te bespreken.",
                "Meer tijd voor persoonlijk contact.",
                "Liever een huisbezoek dan een kort telefoontje.",
            ],
        ],
        singular: [
            [
                "Ik ben mantelzorger voor mijn moeder.\nDaar wordt bij het maken van afspraken nooit rekening mee gehouden.",
                "Mijn situatie is ingewikkeld; ik heb schulden en een zieke partner. Kijk daar eens naar.",
            ],
            [
                "Eerst had ik mevrouw Jansen, daarna dhr. Yilmaz en nu weer iemand anders. Zo bouw je geen band op.",
                "Mijn vorige consulent zei \"dat staat in uw dossier\", maar de nieuwe kon het niet vinden.",
            ],
            [
                "Ik bel en word steeds doorverbonden. Bel mij gewoon terug op 06-23456789.",
                "’s Ochtends is er vaak niemand bereikbaar – dan moet je het ’s middags weer proberen.",
            ],
            ["Ik wist niet dat ik recht had op een vergoeding voor de bril van mijn zoon; dat had ik eerder willen horen."],
            [
                "Ik heb drie keer gemaild naar werkeninkomen@gemeente-voorbeeld.nl en nooit iets teruggehoord. Mijn eigen adres is jan.pietersen@voorbeeldmail.nl.",
                "Mevr. Van den Berg zou terugbellen op 070 - 765 4321, maar dat is nooit gebeurd.",
            ],
            ["In de brief stond “u bent verplicht om te verschijnen”, dat komt heel dreigend over."],
            [],
            [],
            [],
        ],
        uncodable: ["Geen", "nvt", "Weet niet", "Niets, ga zo door.", "-", "Geen verbeterpunten", "Geen idee"]
    )
}
