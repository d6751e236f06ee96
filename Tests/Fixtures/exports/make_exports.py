#!/usr/bin/env python3
"""Writes one small KTO survey (60 respondents) in every shape kto reads, plus hostile files.

Run in this folder: python3 make_exports.py   (needs pspp, pyreadstat, openpyxl; see README.md)

Every file is made from the same respondents (RESPONDENTS below, from a seeded PRNG), so a test
can check each reader against the same truth, which the script also writes to expected.json.
"""
import csv
import io
import json
import os
import random
import subprocess

import openpyxl
import pandas as pd
import pyreadstat

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2025)

GEMEENTEN = {1: "Leiden", 2: "Oegstgeest", 3: "Zoeterwoude"}
LIKERT = {1: "Helemaal mee oneens", 2: "Mee oneens", 3: "Neutraal", 4: "Mee eens", 5: "Helemaal mee eens"}
LEEFTIJD = {1: "18-26", 2: "27-40", 3: "41-64", 4: "65 jaar en ouder"}
KANALEN = {1: "Telefoon", 2: "Balie", 3: "Website"}
Q_CIJFER = "Welk rapportcijfer geeft u de dienstverlening van de sociale dienst?"
Q_MATRIX = "In hoeverre bent u het eens met de volgende stellingen?"
Q_UITLEG = "De consulent legt duidelijk uit wat ik moet doen."
Q_WACHTEN = "Ik moet te lang wachten op een antwoord."
Q_GEMEENTE = "In welke gemeente woont u?"
Q_LEEFTIJD = "Wat is uw leeftijd?"
Q_KANAAL = "Hoe had u contact met de sociale dienst? (meerdere antwoorden mogelijk)"
Q_TOELICHTING = "Wilt u nog iets toelichten?"

OPEN = [
    'Prima geholpen, de consulent was "echt" vriendelijk.',
    "Eerste regel.\nTweede regel: ik wacht nog op antwoord.",
    "Café gemist; € 50 te weinig ontvangen.",
    "Sneller reageren graag",
    "Geen",
    "Het formulier was lastig, maar de balie hielp mij goed.",
    "Vaker terugbellen als u dat belooft.",
    "Alles naar wens",
    "Ik begrijp de brieven niet altijd",
    "Fijn dat ik langs kon komen.",
]


def make_respondents():
    people = []
    open_slots = rng.sample(range(60), len(OPEN))
    for i in range(60):
        g = 1 if i < 30 else 2 if i < 48 else 3
        cijfer = rng.choice([5, 6, 6, 7, 7, 7, 8, 8, 8, 9, 10, 4, 3])
        if i in (4, 22, 51):
            cijfer = 99  # weet niet (user-missing)
        if i in (13, 40):
            cijfer = None  # no answer (system-missing / empty)
        uitleg = rng.choice([2, 3, 4, 4, 4, 5, 5, 1])
        wachten = rng.choice([1, 2, 2, 3, 4, 4, 5])
        if i in (7, 33):
            uitleg = 9  # weet niet
        if i == 19:
            wachten = None
        leeftijd = rng.choice([1, 2, 2, 3, 3, 3, 4])
        if i == 27:
            leeftijd = None
        kanaal = [1 if rng.random() < p else 0 for p in (0.6, 0.3, 0.4)]
        text = OPEN[open_slots.index(i)] if i in open_slots else ""
        people.append(dict(
            respnr=1001 + i, gemeente=g, cijfer=cijfer, stelling_uitleg=uitleg, stelling_wachten=wachten,
            leeftijd=leeftijd, kanaal=kanaal, toelichting=text))
    return people


RESPONDENTS = make_respondents()


def write_csv(name, rows, *, delimiter, terminator, encoding, quoting=csv.QUOTE_MINIMAL, bom=False):
    """Writes rows; returns the physical line on which each row starts (1-based)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=terminator, quoting=quoting)
    starts = []
    for row in rows:
        starts.append(buffer.getvalue().count("\n") + 1)
        writer.writerow(row)
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    return starts


def label_or_blank(table, value, missing_text="weet niet"):
    if value is None:
        return ""
    if value in (9, 99):
        return missing_text
    return table[value]


# --- plain CSV: what an analyst gets from a fieldwork office: ';', Windows-1252, CRLF, labels as text
def plain_csv():
    header = ["respnr", "gemeente", "cijfer", "stelling_uitleg", "stelling_wachten", "leeftijd",
              "kanaal_1", "kanaal_2", "kanaal_3", "toelichting"]
    rows = [header]
    for p in RESPONDENTS:
        cijfer = "" if p["cijfer"] is None else "weet niet" if p["cijfer"] == 99 else str(p["cijfer"])
        rows.append([p["respnr"], GEMEENTEN[p["gemeente"]], cijfer,
                     label_or_blank(LIKERT, p["stelling_uitleg"]), label_or_blank(LIKERT, p["stelling_wachten"]),
                     label_or_blank(LEEFTIJD, p["leeftijd"]),
                     *[KANALEN[k + 1] if p["kanaal"][k] else "" for k in range(3)], p["toelichting"]])
    return write_csv("kto-2025.csv", rows, delimiter=";", terminator="\r\n", encoding="cp1252")


# --- SPSS via PSPP: numeric codes with labels, user-missing values and a multiple-response set
def sps_string(text):
    parts = text.split("\n")
    quoted = ["'" + part.replace("'", "''") + "'" for part in parts]
    if len(quoted) == 1:
        return quoted[0]
    joined = quoted[0]
    for q in quoted[1:]:
        joined = f"CONCAT({joined}, X'0A', {q})"
    return joined


def pspp_files():
    lines = ["SET LOCALE='UTF-8'.",
             "DATA LIST LIST /respnr (F4.0) gemeente (F1.0) cijfer (F2.0) stelling_uitleg (F1.0) stelling_wachten (F1.0)",
             "  leeftijd (F1.0) kanaal_1 kanaal_2 kanaal_3 (F1.0).",
             "BEGIN DATA."]
    for p in RESPONDENTS:
        values = [p["respnr"], p["gemeente"], p["cijfer"], p["stelling_uitleg"], p["stelling_wachten"], p["leeftijd"], *p["kanaal"]]
        lines.append(" ".join("." if v is None else str(v) for v in values))
    lines += ["END DATA.", "STRING toelichting (A200)."]
    for p in RESPONDENTS:
        if p["toelichting"]:
            lines.append(f"IF (respnr = {p['respnr']}) toelichting = {sps_string(p['toelichting'])}.")
    lines += [
        "VARIABLE LABELS respnr 'Respondentnummer' /gemeente 'Gemeente'",
        f"  /cijfer '{Q_CIJFER}' /stelling_uitleg '{Q_UITLEG}' /stelling_wachten '{Q_WACHTEN}'",
        f"  /leeftijd '{Q_LEEFTIJD}' /kanaal_1 'Telefoon' /kanaal_2 'Balie' /kanaal_3 'Website' /toelichting '{Q_TOELICHTING}'.",
        "VALUE LABELS gemeente " + " ".join(f"{k} '{v}'" for k, v in GEMEENTEN.items()),
        "  /cijfer 1 'Zeer slecht' 10 'Uitstekend' 99 'Weet niet'",
        "  /stelling_uitleg stelling_wachten " + " ".join(f"{k} '{v}'" for k, v in LIKERT.items()) + " 9 'Weet niet'",
        "  /leeftijd " + " ".join(f"{k} '{v}'" for k, v in LEEFTIJD.items()),
        "  /kanaal_1 kanaal_2 kanaal_3 0 'Niet genoemd' 1 'Genoemd'.",
        "MISSING VALUES cijfer (99) /stelling_uitleg stelling_wachten (9).",
        f"MRSETS /MDGROUP NAME=$kanaal LABEL='{Q_KANAAL}' VARIABLES=kanaal_1 kanaal_2 kanaal_3 VALUE=1.",
        "SAVE OUTFILE='export.sav' /UNCOMPRESSED.",
        "SAVE OUTFILE='export-bytecode.sav' /COMPRESSED.",
        "SAVE OUTFILE='export.zsav' /ZCOMPRESSED.",
    ]
    with open(os.path.join(HERE, "export.sps"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    subprocess.run(["pspp", "export.sps"], cwd=HERE, check=True)
    os.remove(os.path.join(HERE, "pspp.jnl")) if os.path.exists(os.path.join(HERE, "pspp.jnl")) else None


def pyreadstat_file():
    frame = pd.DataFrame({
        "respnr": [p["respnr"] for p in RESPONDENTS],
        "gemeente": [p["gemeente"] for p in RESPONDENTS],
        "cijfer": [p["cijfer"] for p in RESPONDENTS],
        "stelling_uitleg": [p["stelling_uitleg"] for p in RESPONDENTS],
        "stelling_wachten": [p["stelling_wachten"] for p in RESPONDENTS],
        "leeftijd": [p["leeftijd"] for p in RESPONDENTS],
        "kanaal_1": [p["kanaal"][0] for p in RESPONDENTS],
        "kanaal_2": [p["kanaal"][1] for p in RESPONDENTS],
        "kanaal_3": [p["kanaal"][2] for p in RESPONDENTS],
        "toelichting": [p["toelichting"] for p in RESPONDENTS],
    }).astype({"cijfer": "float64", "stelling_wachten": "float64", "leeftijd": "float64"})
    likert = {float(k): v for k, v in LIKERT.items()} | {9.0: "Weet niet"}
    pyreadstat.write_sav(
        frame, os.path.join(HERE, "export-pyreadstat.sav"),
        column_labels=["Respondentnummer", "Gemeente", Q_CIJFER, Q_UITLEG, Q_WACHTEN, Q_LEEFTIJD,
                       "Telefoon", "Balie", "Website", Q_TOELICHTING],
        variable_value_labels={
            "gemeente": {float(k): v for k, v in GEMEENTEN.items()},
            "cijfer": {1.0: "Zeer slecht", 10.0: "Uitstekend", 99.0: "Weet niet"},
            "stelling_uitleg": likert, "stelling_wachten": likert,
            "leeftijd": {float(k): v for k, v in LEEFTIJD.items()},
        },
        missing_ranges={"cijfer": [99], "stelling_uitleg": [9], "stelling_wachten": [9]},
        row_compress=True)


def xlsx_file():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Resultaten"
    sheet.append(["respnr", "gemeente", "cijfer", "stelling_uitleg", "stelling_wachten", "leeftijd",
                  "kanaal_1", "kanaal_2", "kanaal_3", "toelichting"])
    for p in RESPONDENTS:
        cijfer = None if p["cijfer"] is None else "weet niet" if p["cijfer"] == 99 else p["cijfer"]
        sheet.append([p["respnr"], GEMEENTEN[p["gemeente"]], cijfer,
                      label_or_blank(LIKERT, p["stelling_uitleg"]) or None,
                      label_or_blank(LIKERT, p["stelling_wachten"]) or None,
                      label_or_blank(LEEFTIJD, p["leeftijd"]) or None,
                      *[KANALEN[k + 1] if p["kanaal"][k] else None for k in range(3)], p["toelichting"] or None])
    info = book.create_sheet("Toelichting")
    info.append(["Export van het veldwerkbureau, 60 respondenten"])
    book.save(os.path.join(HERE, "export.xlsx"))


def random_id(prefix, n=15):
    return prefix + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


# --- Qualtrics: choice-text export, three header rows, three unfinished responses
def qualtrics_csv():
    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate",
            "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference",
            "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
    meta_text = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished",
                 "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name", "Recipient Email",
                 "External Data Reference", "Location Latitude", "Location Longitude", "Distribution Channel", "User Language"]
    meta_import = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished", "recordedDate",
                   "_recordId", "recipientLastName", "recipientFirstName", "recipientEmail", "externalDataReference",
                   "locationLatitude", "locationLongitude", "distributionChannel", "userLanguage"]
    questions = [("Q1", Q_GEMEENTE, "QID1"), ("Q2", Q_CIJFER, "QID2"),
                 ("Q3_1", f"{Q_MATRIX} - {Q_UITLEG}", "QID3_1"), ("Q3_2", f"{Q_MATRIX} - {Q_WACHTEN}", "QID3_2"),
                 ("Q4", Q_LEEFTIJD, "QID4")] + \
        [(f"Q5_{k}", f"{Q_KANAAL} - {KANALEN[k]}", f"QID5_{k}") for k in (1, 2, 3)] + \
        [("Q6", Q_TOELICHTING, "QID6_TEXT")]
    rows = [meta + [q[0] for q in questions], meta_text + [q[1] for q in questions]]
    rows.append(['{"ImportId":"%s"}' % m if m not in ("startDate", "endDate", "recordedDate")
                 else '{"ImportId":"%s","timeZone":"Europe/Amsterdam"}' % m for m in meta_import]
                + ['{"ImportId":"%s"}' % q[2] for q in questions])
    data_rows = []
    ids = []
    for i, p in enumerate(RESPONDENTS):
        rid = random_id("R_")
        ids.append(rid)
        cijfer = "" if p["cijfer"] is None else "Weet niet" if p["cijfer"] == 99 else str(p["cijfer"])
        answers = [GEMEENTEN[p["gemeente"]], cijfer,
                   label_or_blank(LIKERT, p["stelling_uitleg"], "Weet niet"), label_or_blank(LIKERT, p["stelling_wachten"], "Weet niet"),
                   label_or_blank(LEEFTIJD, p["leeftijd"])] + \
            [KANALEN[k + 1] if p["kanaal"][k] else "" for k in range(3)] + [p["toelichting"]]
        minute = 10 + i % 40
        data_rows.append((True, [f"2025-03-{2 + i % 20:02d} 10:{minute:02d}:01", f"2025-03-{2 + i % 20:02d} 10:{minute + 6:02d}:44",
                                 "IP Address", f"145.{i}.12.{200 - i}", "100", str(300 + 7 * i), "True",
                                 f"2025-03-{2 + i % 20:02d} 10:{minute + 6:02d}:45", rid, "", "", "", "", "52.1601", "4.4970",
                                 "anonymous", "NL"] + answers))
    unfinished = []
    for n, at in enumerate((10, 30, 50)):
        rid = random_id("R_")
        unfinished.append(rid)
        answers = ["Leiden", "7", "", "", "", "", "", "", ""]
        data_rows.insert(at + n, (False, [f"2025-03-1{n} 11:00:00", f"2025-03-1{n} 11:02:00", "IP Address", f"10.0.0.{n}",
                                          str(20 + 10 * n), "120", "False", f"2025-03-2{n} 11:02:00", rid, "", "", "", "",
                                          "52.1601", "4.4970", "anonymous", "NL"] + answers))
    starts = write_csv("qualtrics-export.csv", rows + [r for _, r in data_rows], delimiter=",", terminator="\r\n",
                       encoding="utf-8", bom=True)
    data_starts = starts[3:]
    left_out = [data_starts[k] for k, (finished, _) in enumerate(data_rows) if not finished]
    kept = [data_starts[k] for k, (finished, _) in enumerate(data_rows) if finished]
    return {"ids": ids, "unfinished_ids": unfinished, "left_out_lines": left_out, "row_lines": kept}


# --- LimeSurvey: "question code & text" headings, answer codes, all fields quoted, two not submitted
def limesurvey_csv():
    header = ["id. Response ID", "submitdate. Date submitted", "lastpage. Last page", "startlanguage. Start language",
              "seed. Seed", "startdate. Date started", "datestamp. Date last action",
              f"gemeente. {Q_GEMEENTE}", f"cijfer. {Q_CIJFER}",
              f"stelling[SQ001]. {Q_MATRIX} [{Q_UITLEG}]", f"stelling[SQ002]. {Q_MATRIX} [{Q_WACHTEN}]",
              f"leeftijd. {Q_LEEFTIJD}"] + \
        [f"kanaal[SQ00{k}]. {Q_KANAAL} [{KANALEN[k]}]" for k in (1, 2, 3)] + \
        ["eerder. Had u eerder contact met de sociale dienst?", f"toelichting. {Q_TOELICHTING}"]
    rows = [header]
    lines = []
    response = 0
    not_submitted = []
    for i, p in enumerate(RESPONDENTS):
        if i in (15, 44):
            response += 1
            not_submitted.append(response)
            rows.append([response, "", "1", "nl", rng.randint(10**6, 10**7), "2025-03-05 09:00:00", "2025-03-05 09:01:10",
                         "A1", "", "", "", "", "", "", "", "", ""])
        response += 1
        stelling = ["" if v in (None, 9) else v for v in (p["stelling_uitleg"], p["stelling_wachten"])]
        rows.append([response, f"2025-03-{2 + i % 20:02d} 10:12:01", "3", "nl", rng.randint(10**6, 10**7),
                     f"2025-03-{2 + i % 20:02d} 10:05:00", f"2025-03-{2 + i % 20:02d} 10:12:01",
                     f"A{p['gemeente']}", "" if p["cijfer"] is None else p["cijfer"], *stelling,
                     "" if p["leeftijd"] is None else f"A{p['leeftijd']}",
                     *["Y" if k else "" for k in p["kanaal"]], "Y" if i % 3 else "N", p["toelichting"]])
    starts = write_csv("limesurvey-export.csv", rows, delimiter=",", terminator="\n", encoding="utf-8",
                       quoting=csv.QUOTE_ALL)
    ids = [r[0] for r in rows[1:]]
    left_out = [starts[1 + k] for k, rid in enumerate(ids) if rid in not_submitted]
    return {"not_submitted_ids": not_submitted, "left_out_lines": left_out,
            "ids": [rid for rid in ids if rid not in not_submitted]}


# --- SurveyMonkey: expanded export, question row and option row
def surveymonkey_csv():
    meta = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address", "First Name",
            "Last Name", "Custom Data 1"]
    row1 = meta + [Q_GEMEENTE, Q_CIJFER, Q_MATRIX, "", Q_LEEFTIJD, Q_KANAAL, "", "", Q_TOELICHTING]
    row2 = [""] * len(meta) + ["Response", "Response", Q_UITLEG, Q_WACHTEN, "Response",
                               KANALEN[1], KANALEN[2], KANALEN[3], "Open-Ended Response"]
    rows = [row1, row2]
    ids = []
    for i, p in enumerate(RESPONDENTS):
        rid = 114302759841 + 17 * i
        ids.append(rid)
        cijfer = "" if p["cijfer"] is None else "Weet niet" if p["cijfer"] == 99 else str(p["cijfer"])
        rows.append([rid, 431865521, f"03/{2 + i % 20:02d}/2025 10:12:01 AM", f"03/{2 + i % 20:02d}/2025 10:19:44 AM",
                     f"145.{i}.12.{200 - i}", "", "", "", "",
                     GEMEENTEN[p["gemeente"]], cijfer,
                     label_or_blank(LIKERT, p["stelling_uitleg"], "Weet niet"), label_or_blank(LIKERT, p["stelling_wachten"], "Weet niet"),
                     label_or_blank(LEEFTIJD, p["leeftijd"]),
                     *[KANALEN[k + 1] if p["kanaal"][k] else "" for k in range(3)], p["toelichting"]])
    starts = write_csv("surveymonkey-export.csv", rows, delimiter=",", terminator="\r\n", encoding="utf-8", bom=True)
    return {"ids": ids, "row_lines": starts[2:]}


def hostile_files():
    with open(os.path.join(HERE, "export.sav"), "rb") as f:
        sav = f.read()
    with open(os.path.join(HERE, "export.xlsx"), "rb") as f:
        xlsx = f.read()
    files = {
        "hostile-truncated.sav": sav[:300],
        "hostile-bad-magic.sav": b"$FL7" + sav[4:600],
        "hostile-truncated.xlsx": xlsx[:1000],
        # An encrypted workbook is an OLE compound file (D0 CF 11 E0 A1 B1 1A E1), not a zip.
        "hostile-encrypted.xlsx": bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504),
        "hostile-old.xls": bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504),
        "hostile-qualtrics-header-only.csv": "StartDate,EndDate,Finished,ResponseId,Q1\r\n".encode(),
    }
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


def main():
    plain_lines = plain_csv()
    pspp_files()
    pyreadstat_file()
    xlsx_file()
    qualtrics = qualtrics_csv()
    limesurvey = limesurvey_csv()
    surveymonkey = surveymonkey_csv()
    hostile_files()
    expected = {
        "respondents": RESPONDENTS,
        "labels": {"gemeente": GEMEENTEN, "likert": LIKERT, "leeftijd": LEEFTIJD, "kanaal": KANALEN},
        "plain_row_lines": plain_lines[1:],
        "qualtrics": qualtrics,
        "limesurvey": limesurvey,
        "surveymonkey": surveymonkey,
    }
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
