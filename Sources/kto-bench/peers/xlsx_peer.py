#!/usr/bin/env python3
"""openpyxl peer of `kto-bench read-xlsx`: writes the benchmark workbook and times reading it.

    python3 xlsx_peer.py --write PATH [--cases 20000]   write the file (openpyxl, write-only mode)
    python3 xlsx_peer.py PATH [--runs 3]                 time openpyxl reading it

The data are those of sav_peer.py (50 answers coded 1-5 and 9 with about 5% empty, 10 amounts,
gemeente, a mostly blank remark), on one sheet under a header row. The read is openpyxl's fastest
mode (read_only=True, values_only rows), which pandas.read_excel also builds on. Printed as
`key: value` lines: peer_seconds and peer_cpu_seconds (best of runs, wall clock and process CPU
time), numeric_sum and numeric_count (numeric cells below the header), text_count (non-blank
texts below the header).
"""
import math
import os
import sys
import time

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sav_peer import frame, main, report  # noqa: E402  the same survey and command line as the .sav peer


def write(path, cases):
    df = frame(cases)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("data")
    ws.append(list(df.columns))
    for row in df.itertuples(index=False):
        cells = []
        for v in row:
            if isinstance(v, float) and math.isnan(v):
                cells.append(None)
            elif isinstance(v, str) and v.strip() == "":
                cells.append(None)
            else:
                cells.append(v)
        ws.append(cells)
    wb.save(path)


def read(path, runs):
    best = best_cpu = None
    total = count = texts = 0
    for _ in range(runs):
        start = time.perf_counter()
        cpu_start = time.process_time()
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = list(wb.worksheets[0].iter_rows(values_only=True))
        wb.close()
        cpu = time.process_time() - cpu_start
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    total = 0.0
    for row in rows[1:]:
        for v in row:
            if isinstance(v, bool) or v is None:
                continue
            if isinstance(v, (int, float)):
                total += v
                count += 1
            elif isinstance(v, str) and v.strip() != "":
                texts += 1
    report(best, best_cpu, total, count, texts)


if __name__ == "__main__":
    main(write_file=write, read_file=read, cases=20_000)
