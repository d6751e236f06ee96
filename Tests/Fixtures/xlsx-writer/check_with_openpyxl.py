#!/usr/bin/env python3
"""Independent check of the kto xlsx writer: opens the sample workbook with Python's zipfile and
openpyxl and compares what they read with what this script expects, written here from the sample's
definition (Tests/KTOWritersTests/SampleWorkbook.swift), not from the writer's output.

    python3 Tests/Fixtures/xlsx-writer/check_with_openpyxl.py SAMPLE.xlsx [--dump readback.json]

Exits 1 with a list of differences, 0 when everything matches. With --dump it also writes what
openpyxl read (the fixture openpyxl-readback.json, compared by OpenpyxlReadbackTests.swift).
"""
import json
import sys
import warnings
import zipfile

import openpyxl

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


HOSTILE = [
    ("formule", "=1+1"),
    ("hyperlink-formule", '=HYPERLINK("http://example.com","klik")'),
    ("plus", "+31 6 12345678"),
    ("min", "-2"),
    ("apenstaart", "@SUM(A1:A2)"),
    ("script", "<script>alert('x')</script>"),
    ("tekens", "Tom & Jerry \"quotes\" 'apos' <b>"),
    ("stuurtekens", "abcdefg"),
    ("regeleinden", "regel 1\nregel 2\nregel 3\nregel 4"),
    ("tab", "tab\thier"),
    ("emoji", "emoji \U0001F469\u200d\U0001F469\u200d\U0001F467 \U0001F1F3\U0001F1F1 é ñ ß 中文"),
    ("x-escape", "_x0041_ blijft letterlijk"),
    ("spaties", "  spaties rond  "),
    ("niet-tekens", "niet-tekens"),
    ("apostrof", "'apostrof vooraan"),
]
MARKER = " … [ingekort]"
NUMBERS = [  # (label, value, format code)
    ("general", 0, "General"), ("general", 0.1, "General"), ("general", 1e-05, "General"),
    ("general", 1.5e20, "General"), ("general", -7.25, "General"), ("thousands", 123456789, "#,##0"),
    ("whole", 2.5, "0"), ("oneDecimal", 7.45, "0.0"), ("twoDecimals", 3.14159, "0.00"),
    ("percentWhole", 73.4, '0"%"'), ("percentOneDecimal", 73.44, '0.0"%"'),
]
SHEETS = ["Inhoud", "Rapportcijfers", "Lastige tekst", "Getallen", "Jan's tabel (2015)"]


def check_zip(path):
    with zipfile.ZipFile(path) as z:
        expect(z.testzip() is None, "zipfile.testzip found a bad CRC")
        names = z.namelist()
        expect(names[0] == "[Content_Types].xml", f"first entry is {names[0]}")
        for info in z.infolist():
            expect(info.compress_type == zipfile.ZIP_STORED, f"{info.filename} not stored")
            expect(info.date_time == (1980, 1, 1, 0, 0, 0), f"{info.filename} date {info.date_time}")
            expect(info.flag_bits & 0x800, f"{info.filename} lacks the UTF-8 flag")
            expect(info.extra == b"", f"{info.filename} has an extra field")


def check_workbook(wb):
    expect(wb.sheetnames == SHEETS, f"sheet names {wb.sheetnames}")
    expect(wb.properties.title == "Tabellenboek & <voorbeeld>", f"title {wb.properties.title!r}")
    expect(wb.properties.creator == "kto tests", f"creator {wb.properties.creator!r}")

    toc = wb["Inhoud"]
    expect(toc["A1"].value == "Tabellenboek (voorbeeld)" and toc["A1"].font.b and toc["A1"].font.sz == 14, "title cell")
    expect(toc["A2"].font.i, "note is italic")
    expect(toc["A4"].value == "Blad" and toc["A4"].font.b and toc["A4"].border.bottom.style == "thin", "header style")
    expect(toc["A4"].fill.fill_type == "solid" and toc["A4"].alignment.wrap_text, "header fill and wrap")
    for row, name in zip(range(5, 9), SHEETS[1:]):
        cell = toc.cell(row=row, column=1)
        expect(cell.value == name, f"Inhoud A{row} = {cell.value!r}")
        quoted = "'" + name.replace("'", "''") + "'!A1"
        expect(cell.hyperlink is not None and cell.hyperlink.location == quoted,
               f"Inhoud A{row} link {cell.hyperlink and cell.hyperlink.location!r}")
        expect(cell.font.u == "single", f"Inhoud A{row} not underlined")
    expect(toc.freeze_panes is None, "Inhoud has no frozen pane")
    expect(toc.page_setup.orientation == "portrait", "Inhoud is portrait")

    grades = wb["Rapportcijfers"]
    expect(grades.freeze_panes == "B5", f"freeze panes {grades.freeze_panes}")
    expect(str(grades.print_title_rows) == "$4:$4", f"print titles {grades.print_title_rows!r}")
    expect(grades.page_setup.orientation == "landscape", "landscape")
    expect(str(grades.page_setup.paperSize) == "9", f"paper size {grades.page_setup.paperSize}")
    expect(str(grades.page_setup.fitToWidth) == "1" and str(grades.page_setup.fitToHeight) == "0", "fit to width")
    expect(grades.sheet_properties.pageSetUpPr.fitToPage, "fitToPage")
    expect(sorted(str(r) for r in grades.merged_cells.ranges) == ["A1:E1", "A2:E2"], "merges")
    expect([c.value for c in grades[4]] == ["Gemeente", "n", "Gemiddelde", "% onvoldoende", "Uitgenodigd"], "header row")
    expect([c.alignment.horizontal for c in grades[4]] == [None, "right", "right", "right", "right"], "header alignment")
    expect(all(c.font.b and c.fill.fill_type == "solid" for c in grades[4]), "header font and fill")
    for k in range(1, 61):
        row = grades[4 + k]
        n, mean, pct, invited = 20 + (k * 53) % 400, 6.0 + ((k * 37) % 30) / 10 + 0.05, ((k * 29) % 1000) / 10, 1000 + k * 1234
        expect(row[0].value == f"Gemeente {k:02d}", f"row {4 + k} name {row[0].value!r}")
        got = [(c.data_type, c.value, c.number_format) for c in row[1:]]
        want = [("n", n, "0"), ("n", mean, "0.0"), ("n", pct, '0"%"'), ("n", invited, "#,##0")]
        expect(got == want, f"row {4 + k}: {got} != {want}")
    expect(grades["A65"].value == "Totaal" and grades["A65"].font.b, "total row")
    expect(grades["B65"].value == 12345 and grades["B65"].number_format == "#,##0" and grades["B65"].font.b, "total")
    widths = [grades.column_dimensions[c].width for c in "ABCDE"]
    expect(all(8 <= w <= 60 for w in widths), f"widths {widths}")

    hostile = wb["Lastige tekst"]
    expect(hostile.freeze_panes == "A2", f"hostile freeze {hostile.freeze_panes}")
    expect([hostile.column_dimensions[c].width for c in "AB"] == [18, 60], "fixed widths")
    for k, (label, text) in enumerate(HOSTILE, start=2):
        a, b = hostile.cell(row=k, column=1), hostile.cell(row=k, column=2)
        expect(a.value == label, f"label {k}: {a.value!r}")
        expect(b.data_type == "s", f"{label}: data type {b.data_type}")
        # openpyxl undoes the writer's `_x005F_` escape of a literal `_xHHHH_` (and no other).
        expect(b.value == text, f"{label}: {b.value!r} != {text!r}")
        expect(b.alignment.wrap_text, f"{label}: not wrapped")
    long = hostile.cell(row=len(HOSTILE) + 2, column=2).value
    expect(len(long.encode("utf-16-le")) // 2 <= 32767 and long.endswith(MARKER), "long text not cut with the marker")
    expect(("lang " * 8000).startswith(long[: -len(MARKER)]), "long text prefix")

    numbers = wb["Getallen"]
    for k, (label, value, code) in enumerate(NUMBERS, start=2):
        a, b = numbers.cell(row=k, column=1), numbers.cell(row=k, column=2)
        expect(a.value == label, f"number label {k}: {a.value!r}")
        expect(b.data_type == "n" and b.value == value and b.number_format == code,
               f"number {k}: {(b.data_type, b.value, b.number_format)} != {('n', value, code)}")

    special = wb["Jan's tabel (2015)"]
    expect(special["B1"].value == "Inhoud" and special["B1"].hyperlink.location == "'Inhoud'!A1", "link back")


def dump(wb, path):
    """What openpyxl read, compactly: per sheet its settings and every non-empty cell."""
    sheets = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                # Numbers as Python's shortest round-trip text, so that no JSON parser rounds them.
                value = repr(float(c.value)) if c.data_type == "n" else c.value
                if isinstance(value, str) and len(value) > 200:
                    value = {"length": len(value.encode("utf-16-le")) // 2, "start": value[:20], "end": value[-20:]}
                cells.append([c.coordinate, c.data_type, value, c.number_format, bool(c.font.b),
                              c.hyperlink.location if c.hyperlink else None])
        sheets.append({
            "name": ws.title, "freeze": ws.freeze_panes, "printTitles": ws.print_title_rows and str(ws.print_title_rows),
            "orientation": ws.page_setup.orientation, "paperSize": ws.page_setup.paperSize and int(ws.page_setup.paperSize),
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "merges": sorted(str(r) for r in ws.merged_cells.ranges), "cells": cells,
        })
    # One line per cell, so that a change shows as a readable diff.
    def line(value):
        return json.dumps(value, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"openpyxl": %s, "sheets": [\n' % line(openpyxl.__version__))
        for k, sheet in enumerate(sheets):
            cells = sheet.pop("cells")
            f.write(line(sheet)[:-1] + ', "cells": [\n')
            f.write(",\n".join(line(c) for c in cells))
            f.write("\n]}" + ("," if k < len(sheets) - 1 else "") + "\n")
        f.write("]}\n")


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    path = args[0]
    check_zip(path)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(path)
    expect(not caught, f"openpyxl warnings: {[str(w.message) for w in caught]}")
    check_workbook(wb)
    if "--dump" in args:
        dump(wb, args[args.index("--dump") + 1])
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"openpyxl {openpyxl.__version__}: {path} OK ({len(wb.sheetnames)} sheets)")


main()
