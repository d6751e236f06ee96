#!/usr/bin/env python3
"""Independent check of kto's tables book (tabellenboek.xlsx) against the report's results.csv.

    python3 Tests/Fixtures/workbook/check_workbook.py REPORT_FOLDER [--study STUDY] [--no-soffice]
                                                     [--expect-text TEXT ...] [--self-test]

REPORT_FOLDER holds tabellenboek.xlsx and results.csv (a folder written by `kto report`). With
--study, the benchmark columns are checked against the study's benchmark files and published
figures of earlier metingen against their `aggregates =` file; without it they are counted as
unchecked.

What is checked:
- the package: no worksheet part holds a formula (`<f>`), every cell is a number or a shared
  string, openpyxl sees no formula cell;
- every figure (a number under a heading with `waarde`, `opm.` and `n`): its value equals the
  value of its results.csv row exactly (same double), its n equals the row's n, the note column
  holds `*` exactly when the row is flagged `indicatief` and one ▲/▼/+/− per significance flag;
  an empty figure has a reason (`–` for a row without value, `n.g.`/`n.b.` where there is no row);
- `% zonder oordeel` equals the sum of pct_dont_know, pct_not_applicable and pct_no_answer;
- the response sheet against the `respons` rows; the uncoded-questions sheet against itself;
- every number's format is one the report uses there (one decimal for grades, whole percents,
  two decimals only on the prioriteitenmatrix), read from the package;
- with LibreOffice (soffice), every sheet converted to CSV "as shown": every number is shown as
  the report rounds it (the shortest decimal form rounded half away from zero: 7.45 -> 7.5,
  72.5 -> 73%), and every text cell shows exactly the stored text (nothing was evaluated);
- --expect-text: these texts must be found as text cells (e.g. a quote that starts with `=`);
- --self-test: after a clean pass, damaged copies (a figure changed by 0.01, a formula added, a
  grade format with two decimals, a significance flag removed from results.csv) must each fail.

Exits 1 with the problems listed, 0 when everything matches; prints what it counted.
"""
import csv
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import warnings
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import openpyxl

FIGURE_SUBHEADERS = ("waarde", "opm.", "n")
problems = []
counts = {}


def problem(message):
    problems.append(message)


def count(key, k=1):
    counts[key] = counts.get(key, 0) + k


# ---------------------------------------------------------------- inputs

def read_results(path):
    rows = {}
    metingen = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        for r in reader:
            key = (r["meting"], r["group"], r["variable"], r["measure"], r["category"])
            rows[key] = r
            if r["meting"] not in metingen:
                metingen.append(r["meting"])
    return rows, metingen


def parse_study(path):
    """The benchmarks (short name -> (name, file)) and aggregates (meting -> file) of a study file."""
    folder = os.path.dirname(os.path.abspath(path))
    benchmarks, aggregates = {}, {}
    section, argument, entries = "", "", {}

    def close():
        if section == "benchmark" and "file" in entries:
            short = entries.get("short", argument[:10])
            benchmarks[short] = (argument, os.path.join(folder, entries["file"]))
        if section in ("previous", "vorige") and "aggregates" in entries:
            aggregates[entries.get("meting", argument)] = os.path.join(folder, entries["aggregates"])

    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or line.startswith(";"):
                continue
            if line.startswith("["):
                close()
                name = line[1:-1].strip()
                section, _, argument = name.partition(" ")
                section, argument, entries = section.lower(), argument.strip().strip('"'), {}
                continue
            key, _, value = line.partition("=")
            entries[key.strip().lower()] = value.strip()
    close()
    return benchmarks, aggregates


def read_figures(path):
    """A benchmark or aggregates file: (variable, measure, category) -> (value, n)."""
    figures = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f, delimiter=";"):
            value = r["value"].strip().replace(",", ".")
            n = (r.get("n") or "").strip()
            figures[(r["variable"], r["measure"], r["category"])] = (float(value) if value else None, int(n) if n else None)
    return figures


# ---------------------------------------------------------------- package

def check_package(path):
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                if re.search(r"<f[ >/]", xml):
                    problem(f"{name}: holds a formula element")
                for t in re.findall(r'<c [^>]*\bt="([^"]+)"', xml):
                    if t != "s":
                        problem(f"{name}: a cell of type {t!r} (only numbers and shared strings are written)")
                count("cells in the package", len(re.findall(r"<c ", xml)))


# ---------------------------------------------------------------- shown text

def shown(value, fmt, two_decimals=False):
    """The text a number shows in `fmt`, en-US, rounded as the report rounds. Two decimals only
    where the report shows them (the prioriteitenmatrix's importance)."""
    def rounded(decimals):
        q = Decimal(1).scaleb(-decimals)
        return Decimal(repr(float(value))).quantize(q, rounding=ROUND_HALF_UP)
    if fmt == "0.0":
        return f"{rounded(1):.1f}"
    if fmt == "0.00" and two_decimals:
        return f"{rounded(2):.2f}"
    if fmt == '0"%"':
        return f"{rounded(0):.0f}%"
    if fmt == '0.0"%"':
        return f"{rounded(1):.1f}%"
    if fmt in ("0", "General") and float(value).is_integer():
        return str(int(value))
    if fmt == "0":
        return f"{rounded(0):.0f}"
    if fmt == "#,##0":
        return f"{int(rounded(0)):,}"
    return None


# ---------------------------------------------------------------- sheets

class Sheet:
    def __init__(self, ws):
        self.ws = ws
        self.title = ws.title
        self.header_row = None
        for r in range(1, min(ws.max_row, 6) + 1):
            if ws.cell(r, 1).value in ("Variabele", "Groep"):
                self.header_row = r
                break
        self.headers = []
        self.groups = []
        if self.header_row is None:
            return
        self.headers = [ws.cell(self.header_row, c).value or "" for c in range(1, ws.max_column + 1)]
        # Group headings are merged over their columns: the value sits in the first one.
        above = {}
        if self.header_row > 3:
            for c in range(1, ws.max_column + 1):
                v = ws.cell(self.header_row - 1, c).value
                if v:
                    above[c] = v
            for merged in ws.merged_cells.ranges:
                if merged.min_row == self.header_row - 1:
                    v = ws.cell(merged.min_row, merged.min_col).value
                    for c in range(merged.min_col, merged.max_col + 1):
                        above[c] = v
        c = 1
        while c <= len(self.headers):
            if tuple(self.headers[c - 1:c + 2]) == FIGURE_SUBHEADERS:
                name = above.get(c)
                if not name or above.get(c + 1) != name or above.get(c + 2) != name:
                    problem(f"{self.title}: figure columns {c}-{c + 2} without one heading over them")
                self.groups.append((name, c))
                c += 3
            else:
                c += 1

    def column(self, name):
        return self.headers.index(name) + 1 if name in self.headers else None

    def rows(self):
        for r in range(self.header_row + 1, self.ws.max_row + 1):
            yield r


class Checker:
    def __init__(self, results, metingen, gemeenten, benchmarks, aggregates, have_study):
        self.have_study = have_study
        self.results = results
        self.metingen = metingen
        self.current = metingen[0]
        self.gemeenten = gemeenten
        self.benchmarks = benchmarks  # short -> (name, figures)
        self.aggregates = aggregates  # meting -> figures
        self.breakdown_groups = {g for (_, g, _, _, _) in results if "=" in g}

    def locate(self, heading, sheet_groups):
        """(kind, meting, group) of a figure heading."""
        for m in self.metingen:
            if heading == f"Totaal {m}":
                return "meting", m, "total"
            for g in self.gemeenten:
                if heading == f"{g} {m}":
                    return "meting", m, g
        if heading in self.gemeenten:
            return "meting", self.current, heading
        if heading == "Totaal":
            return "meting", self.current, "total"
        if heading in self.benchmarks:
            return "benchmark", self.current, heading
        candidates = [g for g in sheet_groups if g.split("=", 1)[1] == heading]
        if len(candidates) == 1:
            return "meting", self.current, candidates[0]
        return None

    def breakdown_variable(self, headings):
        """The breakdown variable whose category labels are all these headings."""
        labels = [h for h in headings if h != "Totaal"]
        variables = {g.split("=", 1)[0] for g in self.breakdown_groups}
        fitting = [v for v in variables if all(f"{v}={l}" in self.breakdown_groups for l in labels)]
        return {f"{fitting[0]}={l}" for l in labels} if len(fitting) == 1 else set()

    @staticmethod
    def measure(maat, answer):
        if maat is None:
            return "pct_mentioned", answer
        if maat == "rapportcijfer":
            return "mean", ""
        if maat.startswith("% (helemaal) eens") or maat.startswith("% eens"):
            return "pct_agree", ""
        if maat == "% van de antwoorden":
            return "pct_category", answer
        return None, None

    def marks_expected(self, flags, against, marks="all"):
        """The note a figure should carry. `marks`: "all" (▲/▼ against earlier metingen, +/−
        against the rest), "rest" (a breakdown category: only +/−), "none" (a breakdown's total)."""
        flags = flags.split("|") if flags else []
        if against == "own":
            earlier = marks == "all"
            rest = marks in ("all", "rest")
            # Only the most recent earlier meting is marked (older ones are previous:<meting>).
            up = flags.count("sig_higher:previous") if earlier else 0
            down = flags.count("sig_lower:previous") if earlier else 0
            plus = flags.count("sig_higher:rest") if rest else 0
            minus = flags.count("sig_lower:rest") if rest else 0
            return ("*" if "indicatief" in flags else "") + "▲" * up + "▼" * down + "+" * plus + "−" * minus
        up = flags.count(f"sig_higher:benchmark:{against}")
        down = flags.count(f"sig_lower:benchmark:{against}")
        return "▲" * up + "▼" * down

    @staticmethod
    def same_marks(note, expected):
        return sorted(note) == sorted(expected)

    def letters_expected(self, meting, group, variable, measure, letters):
        """A breakdown category's significance letters: the categories it is significantly higher
        than, from the pair tests (vs:<label>, each on the lower code's row) in results.csv."""
        variable_name = group.split("=", 1)[0]
        own = group.split("=", 1)[1]
        found = set()
        for label, letter in letters.items():
            if label == own:
                continue
            mine = self.results.get((meting, group, variable, measure, ""))
            theirs = self.results.get((meting, f"{variable_name}={label}", variable, measure, ""))
            if mine and f"sig_higher:vs:{label}" in mine["flags"].split("|"):
                found.add(letter)
            if theirs and f"sig_lower:vs:{own}" in theirs["flags"].split("|"):
                found.add(letter)
        return "".join(sorted(found, key=lambda l: (len(l), l)))

    def check_figure(self, where, kind, meting, group, variable, measure, category, value, note, n, marks="all", letters=None):
        note = note or ""
        if letters is not None and " " in note:
            note, shown_letters = note.split(" ", 1)
        else:
            shown_letters = ""
        if letters is not None and value is not None and group != "total":
            expected_letters = self.letters_expected(meting, group, variable, measure, letters)
            if shown_letters != expected_letters:
                problem(f"{where}: letters {shown_letters!r}, the pair tests in results.csv say {expected_letters!r}")
            else:
                count("breakdown letters as results.csv's pair tests")
        if kind == "benchmark":
            name, figures = self.benchmarks[group]
            if figures is None:
                count("benchmark figures not checked (no --study)")
                return
            figure = figures.get((variable, measure, category))
            if value is None:
                if note != "n.b." or figure is not None:
                    problem(f"{where}: benchmark {group} empty with note {note!r}, file has {figure}")
                count("benchmark cells checked")
                return
            if figure is None or figure[0] != value:
                problem(f"{where}: benchmark {group} {value} but the file has {figure}")
            if (figure[1] if figure else None) != n:
                problem(f"{where}: benchmark {group} n {n} but the file has {figure}")
            total = self.results.get((self.current, "total", variable, measure, category))
            expected = self.marks_expected(total["flags"] if total else "", name)
            if not self.same_marks(note, expected):
                problem(f"{where}: benchmark marks {note!r}, flags of the total say {expected!r}")
            count("benchmark cells checked")
            return
        row = self.results.get((meting, group, variable, measure, category))
        if value is not None:
            if row is None:
                figures = self.aggregates.get(meting)
                published = figures.get((variable, measure, category)) if figures else None
                if figures is None:
                    problem(f"{where}: {value} has no results.csv row ({meting},{group},{variable},{measure},{category})")
                elif published is None or published[0] != value or published[1] != n:
                    problem(f"{where}: published figure {value} n {n}, the aggregates file has {published}")
                else:
                    count("published figures checked against the aggregates file")
                return
            if row["value"] == "" or float(row["value"]) != value:
                problem(f"{where}: {value!r} but results.csv has {row['value']!r}")
            if str(n if n is not None else "") != row["n"]:
                problem(f"{where}: n {n} but results.csv has {row['n']!r}")
            expected = self.marks_expected(row["flags"], "own", marks)
            if not self.same_marks(note, expected):
                problem(f"{where}: marks {note!r}, results.csv flags {row['flags']!r} say {expected!r}")
            count("figures equal to results.csv")
            return
        if note == "–":
            if row is None or row["value"] != "":
                problem(f"{where}: shown as – but results.csv has {row and row['value']!r}")
            elif str(n if n is not None else "") != row["n"]:
                problem(f"{where}: – with n {n} but results.csv has n {row['n']!r}")
            else:
                count("hidden figures (–) empty as in results.csv")
            if row is not None and "suppressed" in row["flags"]:
                count("of which suppressed")
        elif note in ("n.g.", "n.b."):
            if row is not None and row["value"] != "":
                problem(f"{where}: {note} but results.csv has {row['value']!r}")
            else:
                count("n.g./n.b. without a results.csv figure")
        else:
            problem(f"{where}: empty figure with note {note!r}")

    def check_sheet(self, sheet):
        ws = sheet.ws
        if sheet.title == "Respons":
            return self.check_response(sheet)
        if sheet.title == "Prioriteitenmatrix":
            return self.check_priorities(sheet)
        if sheet.header_row is None:
            return
        col = sheet.column
        if col("Met antwoord"):
            return self.check_uncoded(sheet)
        if not sheet.groups:
            return
        maat_col = col("Maat")
        answer_col = col("Antwoord") or col("Genoemd punt")
        variable_col = col("Variabele")
        without_col = col("% zonder oordeel")
        # A breakdown names each category with its letter: "18-26 (A)".
        letters = {}
        groups = []
        for heading, c in sheet.groups:
            match = re.fullmatch(r"(.*) \(([A-Z]+)\)", heading or "")
            if match:
                letters[match.group(1)] = match.group(2)
                heading = match.group(1)
            groups.append((heading, c))
        sheet_groups = self.breakdown_variable([h for h, _ in groups])
        # A breakdown shows each category against its rest only, and its total without marks.
        breakdown = any(h == "Totaal" for h, _ in groups)
        located = []
        for heading, c in groups:
            where = self.locate(heading, sheet_groups)
            if where is None and not self.have_study:
                # Without the study file a heading that is no meting or group is a benchmark.
                self.benchmarks[heading] = (heading, None)
                where = ("benchmark", self.current, heading)
            if where is None:
                problem(f"{sheet.title}: heading {heading!r} names no meting, group or benchmark")
            located.append((where, c))
        for r in sheet.rows():
            variable = ws.cell(r, variable_col).value
            if variable is None:
                continue
            maat = ws.cell(r, maat_col).value if maat_col else None
            answer = (ws.cell(r, answer_col).value or "") if answer_col else ""
            measure, category = self.measure(maat, answer)
            if measure is None:
                problem(f"{sheet.title}!{r}: unknown measure {maat!r}")
                continue
            for where, c in located:
                if where is None:
                    continue
                kind, meting, group = where
                value = ws.cell(r, c).value
                note = ws.cell(r, c + 1).value
                n = ws.cell(r, c + 2).value
                for v, what in ((value, "figure"), (n, "n")):
                    if v is not None and not isinstance(v, (int, float)):
                        problem(f"{sheet.title}!{ws.cell(r, c).coordinate}: {what} {v!r} is not a number")
                        v = None
                if isinstance(value, int):
                    value = float(value)
                marks = ("none" if group == "total" else "rest") if breakdown else "all"
                self.check_figure(f"{sheet.title}!{ws.cell(r, c).coordinate}", kind, meting, group, variable, measure, category,
                                  value, note, n, marks, letters if breakdown else None)
            if without_col:
                self.check_without(sheet, r, variable, located, without_col)

    def check_without(self, sheet, r, variable, located, c):
        value = sheet.ws.cell(r, c).value
        # The share belongs to the sheet's first figure column: this meting's total or gemeente.
        (kind, meting, group), _ = located[0]
        parts = [self.results.get((meting, group, variable, m, "")) for m in ("pct_dont_know", "pct_not_applicable", "pct_no_answer")]
        if value is None:
            return count("% zonder oordeel empty")
        if any(p is None or p["value"] == "" for p in parts):
            return problem(f"{sheet.title}!{r}: % zonder oordeel {value} without results.csv rows")
        total = sum(float(p["value"]) for p in parts)
        if abs(total - value) > 1e-9:
            problem(f"{sheet.title}!{r}: % zonder oordeel {value}, results.csv sums to {total}")
        count("% zonder oordeel equal to results.csv")

    def check_response(self, sheet):
        ws = sheet.ws
        columns = {"Aangeschreven": ("count", "invited"), "Respondenten": ("count", "respondents"),
                   "Respons": ("response_rate", ""), "Foutmarge (95%, ±)": ("margin_of_error", "")}
        for r in sheet.rows():
            label = ws.cell(r, 1).value
            if label is None:
                continue
            group = "total" if label == "Totaal" else label
            for heading, (measure, category) in columns.items():
                c = sheet.column(heading)
                value = ws.cell(r, c).value
                row = self.results.get((self.current, group, "respons", measure, category))
                if row is None:
                    problem(f"Respons!{r}: no results.csv row for {group} {measure}")
                elif value == "–" and row["value"] == "":
                    count("response figures equal to results.csv")
                elif not isinstance(value, (int, float)) or float(row["value"]) != float(value):
                    problem(f"Respons!{ws.cell(r, c).coordinate}: {value!r} but results.csv has {row['value']!r}")
                else:
                    count("response figures equal to results.csv")

    def check_priorities(self, sheet):
        """Each aspect: the grade equals its mean, the importance its beta (or r), n alike."""
        ws = sheet.ws
        for r in sheet.rows():
            variable = ws.cell(r, sheet.column("Variabele")).value
            if variable is None:
                continue
            mean = self.results.get((self.current, "total", variable, "mean", ""))
            importance = (self.results.get((self.current, "total", variable, "beta", ""))
                          or self.results.get((self.current, "total", variable, "correlation", "")))
            cells = {h: ws.cell(r, sheet.column(h)).value for h in ("Cijfer", "Belang", "n")}
            if mean is None or importance is None:
                problem(f"Prioriteitenmatrix!{r}: no results.csv rows for {variable}")
            elif float(mean["value"]) != cells["Cijfer"] or float(importance["value"]) != cells["Belang"] or int(importance["n"]) != cells["n"]:
                problem(f"Prioriteitenmatrix!{r}: {variable} {cells} differs from results.csv")
            else:
                count("prioriteitenmatrix rows equal to results.csv")

    def check_uncoded(self, sheet):
        ws = sheet.ws
        written, respondents, percent = sheet.column("Met antwoord"), sheet.column("Respondenten"), sheet.column("% met antwoord")
        for r in sheet.rows():
            w, n, p = (ws.cell(r, c).value for c in (written, respondents, percent))
            if w is None:
                continue
            expected = w / n * 100 if n else None
            if (p is None) != (expected is None) or (p is not None and abs(p - expected) > 1e-9):
                problem(f"{sheet.title}!{r}: {p}% with {w} of {n}")
            count("uncoded-question rows consistent (no results.csv rows)")


# ---------------------------------------------------------------- LibreOffice

def check_libreoffice(path, workbook):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) not found: the shown numbers are not checked")
        return False
    work = tempfile.mkdtemp(prefix="kto-workbook-")
    try:
        shutil.copy(path, os.path.join(work, "book.xlsx"))
        env = dict(os.environ, LC_ALL="C.UTF-8", LANG="C.UTF-8")
        # Separator ',', quote '"', UTF-8, from row 1, cells as shown, every sheet (-1) to book-<sheet>.csv.
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
             "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,true,false,false,-1", "book.xlsx"],
            cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=False)
        for ws in workbook.worksheets:
            exported = os.path.join(work, f"book-{ws.title}.csv")
            if not os.path.exists(exported):
                problem(f"LibreOffice: sheet {ws.title!r} was not converted ({sorted(os.listdir(work))})")
                continue
            with open(exported, newline="", encoding="utf-8") as f:
                lines = list(csv.reader(f))
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is None:
                        continue
                    r, c = cell.row - 1, cell.column - 1
                    text = lines[r][c] if r < len(lines) and c < len(lines[r]) else ""
                    if isinstance(cell.value, str):
                        if text != cell.value:
                            problem(f"LibreOffice {ws.title}!{cell.coordinate}: shows {text!r}, the cell holds {cell.value!r}")
                        else:
                            count("text cells shown as stored (LibreOffice)")
                    else:
                        expected = shown(cell.value, cell.number_format, two_decimals=ws.title == "Prioriteitenmatrix")
                        if expected is None:
                            continue  # reported with the formats, above
                        if text != expected:
                            problem(f"LibreOffice {ws.title}!{cell.coordinate}: shows {text!r}, the report rounds {cell.value!r} to {expected!r}")
                        else:
                            count("numbers shown as the report rounds them (LibreOffice)")
        count("sheets converted by LibreOffice", len(glob.glob(os.path.join(work, "book-*.csv"))))
        return True
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------- self-test

def rewrite(source, target, change):
    """A copy of the workbook with `change(name, text) -> text` applied to every XML part."""
    with zipfile.ZipFile(source) as z_in, zipfile.ZipFile(target, "w") as z_out:
        for info in z_in.infolist():
            data = z_in.read(info.filename)
            if info.filename.endswith(".xml"):
                data = change(info.filename, data.decode("utf-8")).encode("utf-8")
            z_out.writestr(info, data)


def first_figure(text):
    """The first number cell with decimals in a sheet part: (whole match, reference, value)."""
    return re.search(r'<c r="([A-Z]+[0-9]+)" s="[0-9]+"><v>([0-9]+\.[0-9]+)</v></c>', text)


def self_test(folder, extra):
    """Runs the check on damaged copies of the report; each must be caught. Returns problems."""
    mutations = {}

    def nudge(name, text):
        # The first figure with decimals of every sheet.
        if "worksheets/sheet" not in name:
            return text
        m = first_figure(text)
        if not m:
            return text
        mutations["nudge"] = mutations.get("nudge", 0) + 1
        return text.replace(m.group(0), m.group(0).replace(m.group(2), repr(float(m.group(2)) + 0.01)), 1)

    def formula(name, text):
        if "worksheets/sheet" not in name or mutations.get("formula"):
            return text
        m = first_figure(text)
        if not m:
            return text
        mutations["formula"] = f"{name} {m.group(1)}"
        return text.replace(m.group(0), m.group(0).replace("<v>", "<f>1+1</f><v>"), 1)

    def decimals(name, text):
        if name != "xl/styles.xml":
            return text
        mutations["decimals"] = "0.0 -> 0.00"
        return text.replace('formatCode="0.0"', 'formatCode="0.00"')

    failures = []
    for label, change in (("a figure changed by 0.01 (on every sheet)", nudge), ("a formula added", formula), ("one decimal shown as two", decimals)):
        work = tempfile.mkdtemp(prefix="kto-selftest-")
        try:
            shutil.copy(os.path.join(folder, "results.csv"), work)
            rewrite(os.path.join(folder, "tabellenboek.xlsx"), os.path.join(work, "tabellenboek.xlsx"), change)
            found = run_check(work, **extra, quiet=True)
            if found:
                print(f"self-test: {label} ({mutations.get(change.__name__, '?')}): caught, {len(found)} problem(s), e.g. {found[-1]}")
            else:
                failures.append(f"self-test: {label} was not caught")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    # A flag taken from results.csv: the note column no longer agrees.
    work = tempfile.mkdtemp(prefix="kto-selftest-")
    try:
        shutil.copy(os.path.join(folder, "tabellenboek.xlsx"), work)
        with open(os.path.join(folder, "results.csv"), encoding="utf-8") as f:
            text = f.read()
        flagged = re.search(r"\n([^\n]*),(sig_(higher|lower):previous)\n", text)
        if flagged:
            text = text.replace(flagged.group(0), "\n" + flagged.group(1) + ",\n", 1)
            with open(os.path.join(work, "results.csv"), "w", encoding="utf-8") as f:
                f.write(text)
            found = run_check(work, **extra, quiet=True)
            if found:
                print(f"self-test: a significance flag removed from results.csv: caught, first: {found[0]}")
            else:
                failures.append("self-test: a removed significance flag was not caught")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return failures


def run_check(folder, study=None, use_soffice=True, expect_texts=(), quiet=False):
    """Checks the report in `folder`; returns the problems (and prints the counts unless quiet)."""
    problems.clear()
    counts.clear()
    path = os.path.join(folder, "tabellenboek.xlsx")
    results, metingen = read_results(os.path.join(folder, "results.csv"))
    gemeenten = sorted({g for (m, g, v, _, _) in results if v == "respons" and g != "total"})
    benchmarks, aggregates = {}, {}
    if study:
        found, files = parse_study(study)
        benchmarks = {short: (name, read_figures(file)) for short, (name, file) in found.items()}
        aggregates = {m: read_figures(file) for m, file in files.items()}
    check_package(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = openpyxl.load_workbook(path)
    checker = Checker(results, metingen, gemeenten, benchmarks, aggregates, study is not None)
    texts = set()
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    problem(f"{ws.title}!{cell.coordinate}: openpyxl reads a formula")
                if isinstance(cell.value, str):
                    texts.add(cell.value)
                elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    # The format is one the report uses for that sheet (read from the package,
                    # so this holds without LibreOffice too; LibreOffice then checks the text).
                    if shown(cell.value, cell.number_format, two_decimals=ws.title == "Prioriteitenmatrix") is None:
                        problem(f"{ws.title}!{cell.coordinate}: unexpected number format {cell.number_format!r}")
                    else:
                        count("numbers in a format the report uses")
        sheet = Sheet(ws)
        if sheet.header_row is None and ws.title != "Inhoud" and ws.max_column > 1:
            problem(f"{ws.title}: no header row")
        checker.check_sheet(sheet)
    for text in expect_texts:
        if text in texts:
            count("expected texts found as text cells")
        else:
            problem(f"expected text not found as a text cell: {text!r}")
    count("sheets read by openpyxl", len(workbook.worksheets))
    if use_soffice:
        check_libreoffice(path, workbook)
    if not quiet:
        for key in sorted(counts):
            print(f"{counts[key]:>7}  {key}")
    return list(problems)


def main(argv):
    args = argv[1:]
    if not args or args[0].startswith("-"):
        print(__doc__)
        return 2
    folder = args[0]
    options = {"study": None, "use_soffice": "--no-soffice" not in args, "expect_texts": []}
    for k, a in enumerate(args):
        if a == "--study":
            options["study"] = args[k + 1]
        if a == "--expect-text":
            options["expect_texts"].append(args[k + 1])
    if options["use_soffice"] and not (shutil.which("soffice") or shutil.which("libreoffice")):
        print("LibreOffice (soffice) not found: the shown numbers are not checked")
        options["use_soffice"] = False
    found = run_check(folder, **options)
    if found:
        print(f"{len(found)} problem(s):")
        for p in found[:200]:
            print("  " + p)
        return 1
    print("tabellenboek.xlsx matches results.csv")
    if "--self-test" in args:
        # The damaged copies are checked as the report was (with LibreOffice where it is).
        failures = self_test(folder, options)
        for f in failures:
            print(f)
        if failures:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
