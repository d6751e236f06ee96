/// The texts of `kto --help` and `kto <command> --help`, in Dutch for the analyst.
enum Help {
    static let main = """
    kto — klanttevredenheidsonderzoek (KTO) Werk en Inkomen verwerken

    GEBRUIK
      kto <opdracht> [opties]

    OPDRACHTEN
      init DATA         maak een eerste codeboek en studiebestand uit een databestand
                        (CSV, Qualtrics, LimeSurvey, SurveyMonkey, SPSS .sav/.zsav, Excel .xlsx)
      report [STUDIE]   maak het rapport van een studie (standaard: de voorbeeldstudie)
      check STUDIE      controleer studie, codeboek en data; toont het rijenoverzicht
      code STUDIE       schrijf een coderingsbestand met de nog ongecodeerde open antwoorden,
                        voorgecodeerd met trefwoorden
      anonymize         anonimiseer tekst van standaardinvoer (namen, telefoonnummers, ...)
      sample [MAP]      schrijf de voorbeelddata opnieuw (standaard: SampleData)
      help [OPDRACHT]   uitleg over een opdracht

    VOORBEELDEN
      kto init levering/export-2025.sav       codeboek en studie opzetten uit de levering
      kto report                              rapport van de voorbeeldstudie in SampleData/
      kto check mijnstudie/kto-2017.study     eerst controleren, dan rapporteren
      kto report mijnstudie/kto-2017.study --strict

    AFSLUITCODES
      0  gelukt    1  probleem met de gegevens    2  verkeerd gebruik van de opdracht

    Een studiebestand beschrijft één meting: titel, databestand(en), codeboek, gemeenten met
    aantallen aangeschreven klanten en de vorige meting. Zie README.md voor de formaten.
    """

    static let report = """
    kto report — maak het rapport van een studie

    GEBRUIK
      kto report [STUDIE] [--strict] [--output MAP] [--quiet]

    Leest de data van de meting (en de vorige meting), controleert elke rij, berekent de
    resultaten per gemeente en totaal en schrijft ze naar de uitvoermap van de studie.
    Zonder STUDIE wordt de voorbeeldstudie SampleData/kto-2015.study gebruikt.

    OPTIES
      --strict        stop bij de eerste afgewezen rij (standaard: afwijzen, tellen en doorgaan)
      --output MAP    schrijf naar MAP in plaats van de uitvoermap uit de studie
      --quiet         alleen fouten tonen

    VOORBEELD
      kto report SampleData/kto-2015.study --output /tmp/rapport
    """

    static let check = """
    kto check — controleer een studie en haar data

    GEBRUIK
      kto check STUDIE [--strict]

    Leest studiebestand, codeboek en alle databestanden, en toont per bestand de herkende
    codering en het scheidingsteken, het aantal gelezen, gebruikte en afgewezen rijen (met
    reden en regelnummer) en per variabele de cellen die niet te gebruiken waren.
    Afsluitcode 0 als alles bruikbaar is, 1 als er rijen of cellen zijn afgewezen.

    OPTIES
      --strict        elke afgewezen rij is een fout

    VOORBEELD
      kto check SampleData/kto-2015.study
    """

    static let sample = """
    kto sample — schrijf de voorbeelddata opnieuw

    GEBRUIK
      kto sample [MAP]

    Schrijft de exportbestanden van de voorbeeldstudie (kto-2015.csv en kto-2013.csv, zoals
    een scanbureau ze levert: puntkomma, Windows-1252, CRLF) naar MAP (standaard SampleData).
    De generator is deterministisch: elke keer dezelfde bytes.

    VOORBEELD
      kto sample /tmp/voorbeeld
    """

    static let code = """
    kto code — begin het coderen van open antwoorden met een eerste ronde op trefwoorden

    GEBRUIK
      kto code STUDIE [--dictionary BESTAND] [--output BESTAND] [--all] [--force]

    Schrijft een coderingsbestand (puntkomma, UTF-8, te openen in Excel) met elk geschreven
    antwoord van deze meting dat nog geen codes heeft (niet in de export, niet in een
    coderingsbestand van de studie en niet met - gemarkeerd). De kolom codes is al ingevuld
    waar een trefwoord uit het woordenboek in het antwoord staat; de kolom trefwoorden toont
    welke woorden dat deden. De oorspronkelijke tekst staat erbij: het bestand blijft binnen
    het bureau. Toont hoeveel antwoorden de trefwoorden codeerden, per code en in totaal, en
    hoeveel er nog te coderen zijn.

    Het woordenboek is een CSV-bestand variabele;trefwoord;code, bijvoorbeeld
      goed_codes;op tijd;1
      goed_codes;vriendelijk*;2          (* = elk woord dat zo begint)
    Hoofdletters, accenten en leestekens tellen niet mee; er wordt op hele woorden gezocht.

    Vul daarna de kolom codes aan (codes gescheiden door |, - = niet te coderen) en noem het
    bestand in de studie: coding = codering-2015.csv

    OPTIES
      --dictionary BESTAND   het woordenboek (standaard: 'dictionary =' uit de studie)
      --output BESTAND       waar het bestand komt (standaard: codering-MMMM.csv naast de studie)
      --all                  ook de al gecodeerde antwoorden, om de trefwoorden te toetsen aan
                             de bestaande codes (kolom bestaande_codes)
      --force                overschrijf een bestaand bestand (nooit een coderingsbestand van de studie)

    VOORBEELD
      kto code SampleData/kto-2015.study --dictionary SampleData/trefwoorden.csv --all --output /tmp/proef.csv
    """

    static let anonymize = """
    kto anonymize — anonimiseer tekst, regel voor regel

    GEBRUIK
      kto anonymize [--names BESTAND] < invoer.txt > uitvoer.txt

    Leest tekst van standaardinvoer (UTF-8, UTF-16 of Windows-1252) en schrijft elke regel
    geanonimiseerd naar standaarduitvoer: namen na een aanspreekvorm of functie (mevrouw jansen,
    dhr. De Vries, mijn consulent, Sandra, ...), namen na een groet of voorstelling (Bedankt Kees!,
    ik heet Yusuf), voornamen uit de lijst van veelvoorkomende voornamen, al dan niet met
    achternaam (Jan de Boer), namen uit de namenlijst, e-mailadressen, telefoonnummers, BSN, IBAN,
    postcodes, adressen, geboortedata (geboren 12-03-1978) en volledige data van 15 jaar of langer
    geleden worden (…). Cijfers als 7,5, jaartallen, bedragen, recente data en plaatsnamen blijven
    staan. Stuurtekens worden verwijderd. Wat er vervangen is, staat op standaardfout.

    OPTIES
      --names BESTAND   namen die altijd vervangen worden (bijvoorbeeld medewerkers), één per regel

    VOORBEELD
      echo "Mevrouw Jansen belde mij op 06-12345678." | kto anonymize
      Mevrouw (…) belde mij op (…).
    """

    static let initCommand = """
    kto init — zet een studie op uit een databestand: een eerste codeboek en studiebestand

    GEBRUIK
      kto init DATA [--group VARIABELE] [--output MAP] [--sheet WERKBLAD] [--format FORMAAT]

    Leest het databestand en schrijft codebook.csv en kto.study ernaast (of in MAP). Een
    bestaand codebook.csv of kto.study wordt nooit overschreven: kto init stopt dan (code 2).

    Wat kto init uit de data haalt:
      - de vraagtekst: het variabelelabel (SPSS), of de vraagregel van Qualtrics, LimeSurvey of
        SurveyMonkey;
      - het type: getallen 1-10 een rapportcijfer (grade), een schaal van 5 met labels als
        'Helemaal mee eens' of 'Tevreden' een stelling (likert), weinig codes met labels een
        categorie, een kolom per optie (of een SPSS-meerkeuzeset) een meerkeuzevraag (multi),
        lange of steeds andere teksten een open vraag (text), een unieke kolom als respnr of
        ResponseId het respondentnummer (id);
      - labels en ontbrekende waarden (SPSS 'missing', en teksten als 'weet niet' en 'n.v.t.');
      - de gemeenten uit de labels of waarden van de groepsvariabele: de kolom 'gemeente'
        (of een vraag naar de gemeente), of wat u met --group kiest.

    Wat kto niet kan weten, staat op standaardfout en in de bestanden (kolom check van het
    codeboek, regels met CONTROLEREN in de studie): of een stelling positief of negatief is
    geformuleerd, de volgorde van categorieën zonder codes, en de aantallen aangeschreven
    klanten onder [population] (nu 0). Vul die in; daarna werken kto check en kto report.

    Platformexports worden herkend aan hun kopregel: Qualtrics (drie kopregels; niet afgemaakte
    antwoorden, Finished = False, tellen niet mee), LimeSurvey (antwoordcodes A1, A2, … worden
    1, 2, …; niet verstuurde antwoorden tellen niet mee) en SurveyMonkey (twee kopregels; een
    kolom per optie wordt één meerkeuzevraag, de kolommen heten q1, q2_1, …).

    OPTIES
      --group VARIABELE    de kolom met de gemeente (standaard: herkend aan de naam)
      --output MAP         schrijf codebook.csv en kto.study in MAP (standaard: naast de data)
      --sheet WERKBLAD     het werkblad van een .xlsx-werkmap (standaard: het eerste)
      --format FORMAAT     plain, qualtrics, limesurvey of surveymonkey (standaard: herkend)

    VOORBEELDEN
      kto init levering/export-2025.sav
      kto init qualtrics-2025.csv --output studie-2025
      kto init resultaten.xlsx --sheet Data --group woongemeente
    """

    static func text(for command: String) -> String? {
        switch command {
        case "init": return initCommand
        case "report": return report
        case "check": return check
        case "code": return code
        case "anonymize", "anonimiseer": return anonymize
        case "sample": return sample
        default: return nil
        }
    }
}
