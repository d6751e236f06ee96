#!/usr/bin/env python3
"""Writes the SPSS system-file fixtures for SAVReaderTests and what an independent reader sees.

Producers:
  1. GNU PSPP (`pspp`), from the syntax in pspp-fixture.sps (written here): numeric and string
     variables (short, 40 bytes, 300 bytes = very long string), variable and value labels,
     discrete / range / range+value / string missing values, DATE, ADATE and DATETIME variables,
     multiple-response sets (C, D, E and E with LABELSOURCE=VARLABEL), a document; saved
     /UNCOMPRESSED, /COMPRESSED and /ZCOMPRESSED, plus a windows-1252 dictionary.
  2. pyreadstat.write_sav (ReadStat): plain, row_compress (bytecode) and compress (.zsav).
  3. Tiny hand-built big-endian files (struct, '>'), uncompressed and bytecode-compressed, with
     an extension record of unknown subtype.

Expected values: pyreadstat.read_sav(user_missing=True, disable_datetime_conversion=True) on each
file, dumped to <file>.json. Hostile files (hostile-*) are listed in hostile.tsv with the error
the reader must give.

Run from this folder:  python3 make_fixtures.py
"""
import json
import math
import os
import struct
import subprocess
import zlib

import pandas as pd
import pyreadstat

HERE = os.path.dirname(os.path.abspath(__file__))

LONG_TEXT = ("Dit is een heel lange toelichting van de klant over het contact met de gemeente. " * 4)[:290] + "€ einde"


def pspp_syntax(locale, saves):
    very_long = LONG_TEXT.replace("'", "''")
    return f"""SET LOCALE='{locale}'.
DATA LIST LIST /id (F4.0) gemeente (A8) tevredenheid_algemeen (F2.0) q2 (F3.0) q3 (F6.1)
  bedrag (F12.2) datum (DATE11) adatum (ADATE10) k1 k2 k3 (F1.0) r1 r2 (F2.0)
  toelichting (A40) lang (A300) s1 s2 (A3).
BEGIN DATA
1 'AMS' 4 12 -3 2.5 14-OCT-2024 10/14/2024 1 0 1 1 3 'Prima geholpen, één keer gebeld' '{very_long}' 'ja' 'nee'
2 'UTR' 9 95 -1 1e10 01-JAN-2000 01/01/2000 0 0 1 2 . 'geen' 'kort' 'nee' 'ja'
3 '' 99 90 999 . 29-FEB-1996 02/29/1996 1 1 1 3 1 '' '' 'ja' 'ja'
4 'onb' 1 151 0.5 -99.5 15-OCT-1582 10/15/1582 0 1 0 . . '   spaties voor' 'x' '' 'nee'
5 'ZWO' . 152 -50 1000 31-DEC-2099 12/31/2099 1 0 0 2 2 'Café “De Kroon” €5' 'y' 'nee' ''
END DATA.
COMPUTE tijdstip = datum + 13*3600 + 45*60 + 30.
FORMATS tijdstip (DATETIME20).
VARIABLE LABELS tevredenheid_algemeen 'Hoe tevreden bent u over de gemeente? (één antwoord)'
  /bedrag 'Bedrag in €' /k1 'Telefoon' /k2 'Balie' /k3 'Website' /r1 'Eerste reden' /r2 'Tweede reden'.
VALUE LABELS tevredenheid_algemeen 1 'Zeer ontevreden' 2 'Ontevreden' 3 'Neutraal' 4 'Tevreden'
    5 'Zeer tevreden' 9 'Weet niet' 99 'Geen antwoord'
  /gemeente 'AMS' 'Amsterdam' 'UTR' 'Utrecht' 'ZWO' 'Zwolle'
  /k1 k2 k3 0 'Niet genoemd' 1 'Genoemd'
  /r1 r2 1 'Telefoon' 2 'Balie' 3 'Website'
  /toelichting 'geen' 'Geen toelichting'.
MISSING VALUES tevredenheid_algemeen (9, 99) /q2 (90 THRU 99) /q3 (LO THRU -1, 999)
  /bedrag (1000 THRU HI) /gemeente ('onb') /toelichting ('geen').
MRSETS /MDGROUP NAME=$kanaal LABEL='Contactkanalen' VARIABLES=k1 k2 k3 VALUE=1
  /MCGROUP NAME=$reden LABEL='Redenen voor contact' VARIABLES=r1 r2
  /MDGROUP NAME=$kanaal_cv CATEGORYLABELS=COUNTEDVALUES VARIABLES=k1 k2 k3 VALUE=1
    LABEL='Kanalen (getelde waarden)'
  /MDGROUP NAME=$kanaal_vl CATEGORYLABELS=COUNTEDVALUES LABELSOURCE=VARLABEL VARIABLES=k2 k3 VALUE=1
  /MDGROUP NAME=$tekst LABEL='Tekstset' VARIABLES=s1 s2 VALUE='ja'.
DOCUMENT 'Testbestand voor kto: door PSPP geschreven.'.
{saves}
"""


def run_pspp():
    saves = "\n".join([
        "SAVE OUTFILE='pspp-uncompressed.sav' /UNCOMPRESSED.",
        "SAVE OUTFILE='pspp-bytecode.sav' /COMPRESSED.",
        "SAVE OUTFILE='pspp-zlib.zsav' /ZCOMPRESSED.",
    ])
    with open(os.path.join(HERE, "pspp-fixture.sps"), "w", encoding="utf-8") as f:
        f.write(pspp_syntax("UTF-8", saves))
    subprocess.run(["pspp", "pspp-fixture.sps"], cwd=HERE, check=True, stdout=subprocess.DEVNULL)
    # The same dictionary in windows-1252 (the syntax file itself stays UTF-8).
    with open(os.path.join(HERE, "pspp-fixture-1252.sps"), "w", encoding="utf-8") as f:
        f.write(pspp_syntax("windows-1252", "SAVE OUTFILE='pspp-1252.sav' /COMPRESSED."))
    subprocess.run(["pspp", "pspp-fixture-1252.sps"], cwd=HERE, check=True, stdout=subprocess.DEVNULL)


def run_pyreadstat():
    df = pd.DataFrame({
        "respnr": [101, 102, 103, 104, 105, 106],
        "oordeel": [1.0, 5.0, 9.0, float("nan"), 95.0, 3.5],
        "groep": [1.0, 2.0, 2.0, 3.0, -9.0, 1.0],
        "naam": ["Jansen", "", "onb", "de Vries", "Öztürk", "  "],
        "opmerking": ["goed", "slecht contact met de balie, lang gewacht", "", "n.v.t.", "x" * 60, "€"],
        "geboren": pd.to_datetime(["1980-01-31", "1975-06-15", None, "2001-12-01", "1999-02-28", "1960-10-10"]),
    })
    kwargs = dict(
        column_labels={"oordeel": "Rapportcijfer dienstverlening", "naam": "Naam (anoniem)", "groep": "Doelgroep"},
        variable_value_labels={"oordeel": {1: "Slecht", 5: "Goed", 9: "Weet niet"}, "groep": {1: "Jong", 2: "Midden", 3: "Oud", -9: "Onbekend"}},
        missing_ranges={"oordeel": [9, {"lo": 90, "hi": 99}], "groep": [-9], "naam": ["onb"]},
        file_label="kto pyreadstat-fixture",
    )
    pyreadstat.write_sav(df, os.path.join(HERE, "pyreadstat-plain.sav"), **kwargs)
    pyreadstat.write_sav(df, os.path.join(HERE, "pyreadstat-bytecode.sav"), row_compress=True, **kwargs)
    pyreadstat.write_sav(df, os.path.join(HERE, "pyreadstat-zlib.zsav"), compress=True, **kwargs)


def record(fmt, *values):
    return struct.pack(fmt, *values)


def hand_built_big_endian(compressed):
    """Two numeric variables and one 8-byte string, big-endian, 3 cases, with an extension record
    of unknown subtype 99 that the reader must skip; uncompressed or with bytecode written by
    hand from the PSPP guide (codes 1-251 = value + 100, 253 raw, 254 blanks, 255 SYSMIS)."""
    e = ">"
    header = b"$FL2" + b"@(#) SPSS DATA FILE kto hand-built big-endian".ljust(60)
    header += record(e + "iiiii", 2, 4, 1 if compressed else 0, 0, 3) + record(e + "d", 100.0)
    header += b"01 Jan 25" + b"12:00:00" + b"big-endian test".ljust(64) + b"\0\0\0"
    out = header

    def variable(width, name, label=None, missing=()):
        fmt = (5 << 16) | (8 << 8) if width == 0 else (1 << 16) | (width << 8)
        r = record(e + "iiiiii", 2, width, 1 if label else 0, len(missing), fmt, fmt) + name.ljust(8).encode()
        if label:
            lb = label.encode()
            r += record(e + "i", len(lb)) + lb.ljust((len(lb) + 3) // 4 * 4, b"\0")
        for m in missing:
            r += record(e + "d", m)
        return r

    out += variable(0, "A", "eerste", missing=(7.0,))
    out += variable(0, "B")
    out += variable(8, "S")
    # Value labels for A: 1 'een', 7 'zeven'.
    labels = [(1.0, b"een"), (7.0, b"zeven")]
    out += record(e + "ii", 3, len(labels))
    for value, text in labels:
        body = bytes([len(text)]) + text
        out += record(e + "d", value) + body.ljust((len(body) + 7) // 8 * 8, b" ")
    out += record(e + "iii", 4, 1, 1)
    # Integer info (character code 65001) and an unknown subtype 99.
    out += record(e + "iiii", 7, 3, 4, 8) + record(e + "8i", 1, 0, 0, -1, 1, 1, 1, 65001)
    out += record(e + "iiii", 7, 99, 4, 3) + record(e + "3i", 1, 2, 3)
    out += record(e + "iiii", 7, 20, 1, 5) + b"UTF-8"
    out += record(e + "ii", 999, 0)
    sysmis = -1.7976931348623157e308
    cases = [(1.0, 2.5, b"abc"), (7.0, sysmis, b""), (-4.0, 1e300, b"12345678")]
    if not compressed:
        for a, b, s in cases:
            out += record(e + "dd", a, b) + s.ljust(8)
        name = "handmade-bigendian.sav"
    else:
        # Case 1: 101, 253 (2.5), 253 ("abc"); case 2: 107, 255, 254; case 3: 96, 253 (1e300),
        # 253 ("12345678"); then the end code 252.
        out += bytes([101, 253, 253, 107, 255, 254, 96, 253])
        out += record(e + "d", 2.5) + b"abc".ljust(8) + record(e + "d", 1e300)
        out += bytes([253, 252, 0, 0, 0, 0, 0, 0]) + b"12345678"
        name = "handmade-bigendian-bytecode.sav"
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(out)


def clean(v):
    """NaN (system-missing) becomes null; LOWEST/HIGHEST (-inf/inf) the strings "-inf"/"inf"."""
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def dump(name):
    df, meta = pyreadstat.read_sav(os.path.join(HERE, name), user_missing=True, disable_datetime_conversion=True)
    columns = []
    for col in meta.column_names:
        labels = meta.variable_value_labels.get(col, {})
        columns.append({
            "name": col,
            "label": meta.column_names_to_labels.get(col),
            "format": meta.original_variable_types.get(col),
            "values": [clean(v) for v in df[col].tolist()],
            "value_labels": [[clean(k), v] for k, v in labels.items()],
            "missing_ranges": [{"lo": clean(r["lo"]), "hi": clean(r["hi"])} for r in meta.missing_ranges.get(col, [])],
        })
    mr_sets = {}
    for set_name, s in (meta.mr_sets or {}).items():
        mr_sets[set_name] = {k: clean(v) if not isinstance(v, list) else v for k, v in s.items()}
    expected = {
        "tool": f"pyreadstat {pyreadstat.__version__}",
        "rows": meta.number_rows,
        "encoding": meta.file_encoding,
        "columns": columns,
        "mr_sets": mr_sets,
    }
    # One line per column keeps the file readable and diffable.
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        f.write("{\n")
        for key in ["tool", "rows", "encoding"]:
            f.write(f' "{key}": {json.dumps(expected[key], ensure_ascii=False)},\n')
        f.write(' "columns": [\n  ')
        f.write(",\n  ".join(json.dumps(c, ensure_ascii=False, allow_nan=False) for c in columns))
        f.write("\n ],\n")
        f.write(f' "mr_sets": {json.dumps(mr_sets, ensure_ascii=False)}\n}}\n')


def hostile():
    """Damaged copies and the error each must give (hostile.tsv: file, error kind, detail)."""
    rows = []
    base = open(os.path.join(HERE, "pspp-bytecode.sav"), "rb").read()

    def write(name, data, kind, detail=""):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        rows.append((name, kind, detail))

    write("hostile-bad-magic.sav", b"$FL9" + base[4:], "notASystemFile")
    write("hostile-not-spss.sav", b"id;naam\n1;Jansen\n" * 20, "notASystemFile")
    # ncases at offset 80 (little-endian int32): far more cases than the data holds.
    write("hostile-huge-count.sav", base[:80] + struct.pack("<i", 2_000_000_000) + base[84:],
          "caseCountMismatch", "declared=2000000000 found=5")
    # Cut inside the dictionary and inside the data.
    write("hostile-truncated-header.sav", base[:100], "truncated")
    data_start = base.index(struct.pack("<ii", 999, 0)) + 8
    write("hostile-truncated-data.sav", base[:data_start + 40], "partialCase")
    # A record type that does not exist, in place of the first variable record.
    write("hostile-bad-record.sav", base[:176] + struct.pack("<i", 42) + base[180:], "badRecordType", "42 at 176")
    # Bytecode 254 (eight blanks) on the first element, which is numeric (id).
    flipped = bytearray(base)
    flipped[data_start] = 254
    write("hostile-flipped-bytecode.sav", bytes(flipped), "corruptCompressedData", f"offset={data_start} case=1 variable=id")
    # A zlib block with its deflate data damaged.
    z = bytearray(open(os.path.join(HERE, "pspp-zlib.zsav"), "rb").read())
    zdata = z.index(struct.pack("<ii", 999, 0)) + 8
    for k in range(zdata + 24 + 2, zdata + 24 + 10):
        z[k] ^= 0x5A
    write("hostile-corrupt-zlib.zsav", bytes(z), "zlib", "block=1")
    with open(os.path.join(HERE, "hostile.tsv"), "w", encoding="utf-8") as f:
        f.write("file\terror\tdetail\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


def main():
    run_pspp()
    run_pyreadstat()
    hand_built_big_endian(False)
    hand_built_big_endian(True)
    for name in ["pspp-uncompressed.sav", "pspp-bytecode.sav", "pspp-zlib.zsav", "pspp-1252.sav",
                 "pyreadstat-plain.sav", "pyreadstat-bytecode.sav", "pyreadstat-zlib.zsav",
                 "handmade-bigendian.sav", "handmade-bigendian-bytecode.sav"]:
        dump(name)
    hostile()


if __name__ == "__main__":
    main()
