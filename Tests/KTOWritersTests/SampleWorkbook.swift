@testable import KTOWriters

/// The sample workbook that the tests read back and that the independent checks (openpyxl,
/// LibreOffice; Tests/Fixtures/xlsx-writer/) open. Everything is computed, nothing random, so the
/// scripts can state what they expect to find.
enum SampleWorkbook {
    /// Hostile texts and what a reader must find in the cell: the writer drops characters XML
    /// forbids or discourages (C0 but tab and line breaks, DEL, C1, U+FFFE/U+FFFF) and turns CR/CRLF
    /// into LF, and nothing else.
    static let hostile: [(label: String, text: String, expected: String)] = [
        ("formule", "=1+1", "=1+1"),
        ("hyperlink-formule", "=HYPERLINK(\"http://example.com\",\"klik\")", "=HYPERLINK(\"http://example.com\",\"klik\")"),
        ("plus", "+31 6 12345678", "+31 6 12345678"),
        ("min", "-2", "-2"),
        ("apenstaart", "@SUM(A1:A2)", "@SUM(A1:A2)"),
        ("script", "<script>alert('x')</script>", "<script>alert('x')</script>"),
        ("tekens", "Tom & Jerry \"quotes\" 'apos' <b>", "Tom & Jerry \"quotes\" 'apos' <b>"),
        ("stuurtekens", "a\u{0}b\u{1}c\u{1B}d\u{7F}e\u{85}f\u{9B}g", "abcdefg"),
        ("regeleinden", "regel 1\r\nregel 2\rregel 3\nregel 4", "regel 1\nregel 2\nregel 3\nregel 4"),
        ("tab", "tab\thier", "tab\thier"),
        ("emoji", "emoji 👩‍👩‍👧 🇳🇱 é ñ ß 中文", "emoji 👩‍👩‍👧 🇳🇱 é ñ ß 中文"),
        ("x-escape", "_x0041_ blijft letterlijk", "_x0041_ blijft letterlijk"),
        ("spaties", "  spaties rond  ", "  spaties rond  "),
        ("niet-tekens", "\u{FFFE}\u{FFFF}niet-tekens", "niet-tekens"),
        ("apostrof", "'apostrof vooraan", "'apostrof vooraan"),
    ]

    /// Over Excel's limit of 32,767 characters: cut with the marker.
    static let longText = String(repeating: "lang ", count: 8_000)

    static let gemeenten = 60

    /// Deterministic figures for gemeente `k` (from 1).
    static func figures(_ k: Int) -> (n: Double, mean: Double, onvoldoende: Double, invited: Double) {
        (Double(20 + (k * 53) % 400), 6.0 + Double((k * 37) % 30) / 10 + 0.05, Double((k * 29) % 1000) / 10, Double(1000 + k * 1234))
    }

    static let numbers: [(value: Double, format: NumberFormat)] = [
        (0, .general), (0.1, .general), (1e-05, .general), (1.5e20, .general), (-7.25, .general),
        (123_456_789, .thousands), (2.5, .whole), (7.45, .oneDecimal), (3.14159, .twoDecimals),
        (73.4, .percentWhole), (73.44, .percentOneDecimal),
    ]

    static let specialSheet = Worksheet.safeName("Jan's tabel [2015]", taken: [])

    static var workbook: Workbook {
        var contents: [[WorkbookCell]] = [
            [.text("Tabellenboek (voorbeeld)", style: .title)],
            [.text("Gemaakt door de tests van de xlsx-schrijver.", style: .note)],
            [],
            [.text("Blad", style: .header), .text("Inhoud", style: .header)],
        ]
        let sheets: [(String, String)] = [
            ("Rapportcijfers", "rapportcijfer per gemeente"), ("Lastige tekst", "tekst die een lezer kan misleiden"),
            ("Getallen", "getalnotaties"), (specialSheet, "naam met apostrof en haken"),
        ]
        for (name, what) in sheets { contents.append([.link(text: name, sheet: name), .text(what)]) }

        var grades: [[WorkbookCell]] = [
            [.text("Rapportcijfer per gemeente, 2015", style: .title)],
            [.text("n = aantal geldige antwoorden; percentages op de schaal 0-100.", style: .note)],
            [],
            [.text("Gemeente", style: .header)] + ["n", "Gemiddelde", "% onvoldoende", "Uitgenodigd"].map { .text($0, style: .headerRight) },
        ]
        for k in 1...gemeenten {
            let f = figures(k)
            grades.append([
                .text("Gemeente \(k < 10 ? "0" : "")\(k)"), .number(f.n, format: .whole), .number(f.mean, format: .oneDecimal),
                .number(f.onvoldoende, format: .percentWhole), .number(f.invited, format: .thousands),
            ])
        }
        grades.append([.text("Totaal", style: .bold), .number(12_345, format: .thousands, style: .bold)])

        var hostileRows: [[WorkbookCell]] = [[.text("Soort", style: .header), .text("Tekst", style: .header)]]
        for item in hostile { hostileRows.append([.text(item.label), .text(item.text, style: .wrapped)]) }
        hostileRows.append([.text("lang"), .text(longText, style: .wrapped)])

        let numberRows: [[WorkbookCell]] = [[.text("Notatie", style: .header), .text("Getal", style: .headerRight)]]
            + numbers.map { [.text("\($0.format)"), .number($0.value, format: $0.format)] }

        return Workbook(
            sheets: [
                Worksheet(name: "Inhoud", rows: contents),
                Worksheet(
                    name: "Rapportcijfers", rows: grades, frozenRows: 4, frozenColumns: 1, landscape: true, fitToWidth: true,
                    repeatRows: 3...3, merges: [CellRange(rows: 0...0, columns: 0...4), CellRange(rows: 1...1, columns: 0...4)]),
                Worksheet(name: "Lastige tekst", rows: hostileRows, columnWidths: [18, 60], frozenRows: 1),
                Worksheet(name: "Getallen", rows: numberRows, frozenRows: 1),
                Worksheet(name: specialSheet, rows: [[.text("Terug naar de inhoud:"), .link(text: "Inhoud", sheet: "Inhoud")]]),
            ],
            creator: "kto tests", title: "Tabellenboek & <voorbeeld>")
    }
}
