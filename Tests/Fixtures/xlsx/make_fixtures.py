#!/usr/bin/env python3
"""Writes the .xlsx fixtures for Tests/KTOImportTests/XLSXReaderTests.swift, and expected.json.

Producers: openpyxl (basic.xlsx with two sheets, dates1904.xlsx), LibreOffice (libreoffice.xlsx,
converted from libreoffice-source.csv by `soffice --headless --convert-to xlsx`), and XML written
by hand into a zip (handmade.xlsx: formula cells with cached values, inline strings, ISO dates (t="d"),
error cells, rich text with phonetic runs, a `x:` namespace prefix, rows and cells without `r`,
entities, CDATA, comments). Hostile files are damaged copies or hand-made.

expected.json is produced by openpyxl READING THE FILES BACK (load_workbook(data_only=True)), so
it does not depend on the reader under test. The table rules applied to openpyxl's values (the
reader's documented behaviour): the first row with a value is the header (names stripped); later
rows without any value are skipped; an empty string counts as no value; dates become days since
1899-12-30 (timedelta / 1 day); a column is a date column when it has numbers and all are dates.
Run from this folder: python3 make_fixtures.py
"""
import datetime as dt
import io
import json
import os
import subprocess
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

EPOCH = dt.datetime(1899, 12, 30)


def serial(value):
    if isinstance(value, dt.datetime):
        return (value - EPOCH) / dt.timedelta(days=1)
    if isinstance(value, dt.date):
        return (dt.datetime(value.year, value.month, value.day) - EPOCH) / dt.timedelta(days=1)
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    if isinstance(value, dt.timedelta):
        return value / dt.timedelta(days=1)
    raise TypeError(value)


def cell_json(value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return {"b": value}
    # Numbers as repr() text: it round-trips exactly, and the Swift test parses it with Double().
    if isinstance(value, (int, float)):
        return {"n": repr(value)}
    if isinstance(value, str):
        return {"t": value}
    return {"n": repr(serial(value)), "date": True}


def expected_table(path, sheet):
    """The table as openpyxl reads the file back."""
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[sheet]
    rows = []
    for row in ws.iter_rows():
        cells = {c.column - 1: cell_json(c.value) for c in row if cell_json(c.value) is not None}
        if cells:
            rows.append((row[0].row, cells))
    header_row, header = rows[0]
    width = max(header) + 1
    names = []
    for k in range(width):
        v = header.get(k)
        if v is None:
            names.append("")
        elif "t" in v:
            names.append(v["t"].strip())
        else:
            names.append(v.get("n", str(v.get("b"))))
    data = []
    for number, cells in rows[1:]:
        assert max(cells) < width, (path, number)
        data.append({"row": number, "cells": [cells.get(k) for k in range(width)]})
    dates = []
    for k in range(width):
        numbers = [r["cells"][k] for r in data if r["cells"][k] is not None and "n" in r["cells"][k]]
        dates.append(bool(numbers) and all(c.get("date") for c in numbers))
    return {"sheet": ws.title, "names": names, "dateColumns": dates, "rows": data}


expected = {"tables": [], "sheetNames": {}, "hostile": []}


def record(path, sheets):
    wb = openpyxl.load_workbook(path)
    expected["sheetNames"][path] = wb.sheetnames
    for sheet in sheets:
        table = expected_table(path, sheet)
        table["file"] = path
        table["requested"] = sheet
        expected["tables"].append(table)


# --- basic.xlsx: openpyxl, two sheets -------------------------------------------------------
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Blad1"
ws.append(["respnr", " gemeente ", "cijfer", "tevreden", "datum", "tijd", "opmerking", "bedrag"])
ws.append([1, "Leidschendam-Voorburg", 8, True, dt.datetime(2024, 3, 15), dt.time(10, 30), "Goed & snel <geholpen>", 12.5])
ws.append([2, "Voorschoten", 7.5, False, dt.datetime(2024, 3, 16, 14, 45, 30), dt.time(23, 59, 59), "\"Prima\" zei 'ze'", -0.1])
ws.append([3, "Wassenaar", None, None, None, None, None, None])
ws.append([])  # an empty row: skipped
ws.append([4, "Caf\u00e9 \u00fcber \u2013 \U0001F600", 10, True, dt.date(2023, 12, 31), None, "  spaties eromheen  ", 1e-7])
ws.append([5, "regel 1\nregel 2", 1, False, dt.datetime(1900, 3, 1), dt.time(0, 0, 1), "#N/A", 123456789012345.0])
ws.append([6, None, 0.30000000000000004, None, None, None, "=1+1", 2.5e300])
ws.cell(row=9, column=1, value=7)
ws.cell(row=9, column=8, value=1 / 3)
ws["E2"].number_format = "dd-mm-yyyy"
ws2 = wb.create_sheet("Tweede blad")
ws2.append(["id", "score"])
for i in range(1, 6):
    ws2.append([i, i * 1.25])
wb.create_sheet("Leeg")
wb.save("basic.xlsx")
record("basic.xlsx", ["Blad1", "Tweede blad"])

# --- dates1904.xlsx: the 1904 date system -----------------------------------------------------
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "Data"
ws.append(["datum", "aantal", "moment"])
ws.append([dt.date(2024, 1, 1), 3, dt.datetime(2024, 1, 1, 12, 0)])
ws.append([dt.date(1904, 1, 2), 4, dt.datetime(1999, 12, 31, 23, 59)])
ws.append([dt.date(2000, 2, 29), 5, None])
wb.save("dates1904.xlsx")
assert b'date1904="1"' in zipfile.ZipFile("dates1904.xlsx").read("xl/workbook.xml")
record("dates1904.xlsx", ["Data"])

# --- libreoffice.xlsx: a second producer --------------------------------------------------------
with open("libreoffice-source.csv", "w", encoding="utf-8") as f:
    f.write("respnr,gemeente,cijfer,datum,opmerking\n")
    f.write("1,Wassenaar,8,2024-03-15,Goed geholpen\n")
    f.write("2,Voorschoten,7.5,2024-03-16,\"Met komma, en \"\"aanhalingstekens\"\"\"\n")
    f.write("3,Leidschendam-Voorburg,,2024-04-01,\n")
    f.write(",,,,\n")
    f.write("4,Caf\u00e9,10,2023-12-31,\u00e9\u00e9n & twee\n")
subprocess.run(["soffice", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "libreoffice-source.csv"],
               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.replace("libreoffice-source.xlsx", "libreoffice.xlsx")
record("libreoffice.xlsx", [openpyxl.load_workbook("libreoffice.xlsx").sheetnames[0]])

# --- handmade.xlsx: XML by hand ------------------------------------------------------------------
CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Resultaten &amp; meer" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>"""
WB_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="./styles.xml"/></Relationships>"""
STRINGS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
<si><t>naam</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Rijk </t></r><r><t>opgemaakt</t></r><rPh sb="0" eb="1"><t>FONETISCH</t></rPh></si>
<si><t xml:space="preserve">  met spaties  </t></si>
<si><t>&#233;&#xE9;n &lt;b&gt; &quot;x&quot; &apos;y&apos;</t></si>
<si><t/></si>
</sst>"""
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="[$-413]d\\ mmmm\\ yyyy;@"/><numFmt numFmtId="165" formatCode="[Red]#,##0.00&quot; dagen&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>"""
SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:F7"/><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>formule</x:t></x:is></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>da</x:t></x:r><x:r><x:t>tum</x:t></x:r></x:is></x:c><x:c r="D1" t="s"><x:v>1</x:v></x:c><x:c r="E1" t="str"><x:f>"duur"</x:f><x:v>duur</x:v></x:c><x:c r="F1" t="inlineStr"><x:is><x:t>vlag</x:t></x:is></x:c></x:row>
<x:row r="3" spans="1:6"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="B3" t="str"><x:f>A3&amp;"!"</x:f><x:v>  met spaties  !</x:v></x:c><x:c r="C3" s="1"><x:v>45366</x:v></x:c><x:c r="D3" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="E3" s="2"><x:v>2.5</x:v></x:c><x:c r="F3" t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4" t="s"><x:v>3</x:v></x:c><x:c r="B4"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="C4" s="3"><x:v>45366.75</x:v></x:c><x:c r="D4" t="e"><x:v>#N/A</x:v></x:c><x:c r="E4"><x:v><![CDATA[1E3]]></x:v></x:c><x:c r="F4" t="b"><x:v>0</x:v></x:c></x:row>
<x:row><x:c t="s"><x:v>4</x:v></x:c><x:c t="inlineStr"><x:is><x:t>zonder r</x:t></x:is></x:c><x:c s="1"><!-- cached --><x:v>45000</x:v></x:c><x:c r="E5"><x:v>0.30000000000000004</x:v></x:c><x:c><x:v>123456789012345678</x:v></x:c></x:row>
<x:row r="6"><x:c r="A6" t="inlineStr"><x:is><x:t>klein</x:t></x:is></x:c><x:c r="B6"><x:v>4.9E-324</x:v></x:c><x:c r="D6"><x:v>1.7976931348623157E308</x:v></x:c><x:c r="E6"><x:v>45367.614930555558</x:v></x:c><x:c r="F6"><x:v> 7 </x:v></x:c></x:row>
<x:row r="7"><x:c r="A7" t="inlineStr"><x:is><x:t>rij 7</x:t></x:is></x:c><x:c r="C7" s="1"/><x:c r="D7" t="str"><x:f>D4</x:f><x:v></x:v></x:c><x:c r="E7" t="n"><x:v>-1.5E-3</x:v></x:c></x:row>
<x:row r="8"><x:c r="B8" t="s"/><x:c r="C8" t="d"><x:v>2024-03-15T18:00:00</x:v></x:c><x:c r="D8" t="d"/></x:row>
</x:sheetData></x:worksheet>"""


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)


HANDMADE = {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
            "xl/_rels/workbook.xml.rels": WB_RELS, "xl/sharedStrings.xml": STRINGS, "xl/styles.xml": STYLES,
            "xl/worksheets/data.xml": SHEET}
write_zip("handmade.xlsx", HANDMADE)
record("handmade.xlsx", ["Resultaten & meer"])


# --- hostile files -------------------------------------------------------------------------------
def hostile(path, error, sheet=None):
    expected["hostile"].append({"file": path, "error": error, "sheet": sheet})


basic = open("basic.xlsx", "rb").read()
with open("truncated.xlsx", "wb") as f:
    f.write(basic[: len(basic) // 2])
hostile("truncated.xlsx", "notXLSX")
with open("not-a-zip.xlsx", "wb") as f:
    f.write(open("libreoffice-source.csv", "rb").read())
hostile("not-a-zip.xlsx", "notXLSX")
# An encrypted workbook is an OLE2 compound file; its signature is enough to tell.
with open("encrypted.xlsx", "wb") as f:
    f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF0900") + bytes(488))
hostile("encrypted.xlsx", "passwordProtected")
hostile("basic.xlsx", "sheetNotFound", sheet="Blad9")
hostile("basic.xlsx", "emptySheet", sheet="Leeg")

# Damage the deflate data of the worksheet.
buf = bytearray(basic)
info = zipfile.ZipFile("basic.xlsx").getinfo("xl/worksheets/sheet1.xml")
start = info.header_offset + 30 + len(info.filename) + len(info.extra)
for k in range(20, 40):
    buf[start + k] ^= 0x5A
with open("corrupt-deflate.xlsx", "wb") as f:
    f.write(bytes(buf))
hostile("corrupt-deflate.xlsx", "archive")

# A zip bomb: a 30 MiB worksheet of spaces squeezed 1000:1.
bomb = dict(HANDMADE)
bomb["xl/worksheets/data.xml"] = SHEET.replace("<x:sheetData>", "<x:sheetData>" + " " * (30 << 20))
write_zip("bomb.xlsx", bomb)
hostile("bomb.xlsx", "archive")

broken = dict(HANDMADE)
broken["xl/worksheets/data.xml"] = SHEET.replace('<x:c r="A4" t="s">', '<x:c r="A4" t="s>')
write_zip("malformed.xlsx", broken)
hostile("malformed.xlsx", "malformedXML")

missing = dict(HANDMADE)
del missing["xl/worksheets/data.xml"]
write_zip("missing-sheet-part.xlsx", missing)
hostile("missing-sheet-part.xlsx", "missingPart")

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Blad1"
ws.append(["respnr", None, "cijfer"])
ws.append([1, "data zonder kop", 8])
wb.save("empty-header.xlsx")
hostile("empty-header.xlsx", "emptyHeader")

wb = openpyxl.Workbook()
ws = wb.active
ws.append(["respnr", "Cijfer", "cijfer"])
ws.append([1, 7, 8])
wb.save("duplicate-header.xlsx")
hostile("duplicate-header.xlsx", "duplicateHeader")

bad = dict(HANDMADE)
bad["xl/worksheets/data.xml"] = SHEET.replace('<x:c r="A7" t="inlineStr"><x:is><x:t>rij 7</x:t></x:is></x:c>',
                                                '<x:c r="A7" t="s"><x:v>99</x:v></x:c>')
write_zip("bad-shared-index.xlsx", bad)
hostile("bad-shared-index.xlsx", "badCell")

with open("expected.json", "w", encoding="utf-8") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False)
    f.write("\n")
print("tables:", len(expected["tables"]), "hostile:", len(expected["hostile"]), "openpyxl", openpyxl.__version__)
