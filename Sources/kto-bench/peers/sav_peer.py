#!/usr/bin/env python3
"""pyreadstat peer of `kto-bench read-sav`: writes the benchmark .sav and times reading it.

    python3 sav_peer.py --write PATH [--cases 500000]   write the file (bytecode-compressed)
    python3 sav_peer.py PATH [--runs 3]                  time pyreadstat.read_sav on it

The file: `cases` cases x 60 numeric variables (50 survey answers, codes 1-5 with 9 = weet niet
and about 5% system-missing; 10 non-integer amounts that do not compress) + 2 strings (A8
gemeente, A24 remark, mostly blank). Printed as `key: value` lines: peer_seconds and
peer_cpu_seconds (best of runs, wall clock and process CPU time), numeric_sum and numeric_count (of non-missing numeric cells, for the check against
ours), text_count (non-blank strings).
"""
import argparse
import time

import numpy as np
import pandas as pd
import pyreadstat


def frame(cases):
    """The synthetic survey (also used by xlsx_peer.py)."""
    rng = np.random.default_rng(20250101)
    data = {}
    for k in range(50):
        v = rng.choice([1, 2, 3, 4, 5, 9], size=cases, p=[0.1, 0.15, 0.25, 0.3, 0.15, 0.05]).astype(float)
        v[rng.random(cases) < 0.05] = np.nan
        data[f"v{k + 1:02d}"] = v
    for k in range(10):
        data[f"bedrag{k + 1:02d}"] = np.round(rng.normal(1000, 300, size=cases), 2) + 0.005
    data["gemeente"] = rng.choice(["AMS", "UTR", "ZWO", "RDAM", "DH"], size=cases)
    remarks = np.array(["", "", "", "", "prima geholpen", "te lang gewacht", "vriendelijk"])
    data["opmerking"] = rng.choice(remarks, size=cases)
    return pd.DataFrame(data)


def write(path, cases):
    df = frame(cases)
    pyreadstat.write_sav(df, path, row_compress=True, missing_ranges={f"v{k + 1:02d}": [9] for k in range(50)})


def read(path, runs):
    best = None
    best_cpu = None
    for _ in range(runs):
        df = None
        start = time.perf_counter()
        cpu_start = time.process_time()
        df, meta = pyreadstat.read_sav(path, user_missing=True)
        cpu = time.process_time() - cpu_start
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
        best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
    numeric = df.select_dtypes(include="number")
    values = numeric.to_numpy()
    mask = ~np.isnan(values)
    others = df.select_dtypes(exclude="number")
    texts = sum(int((others[c].astype(str).str.strip() != "").sum()) for c in others.columns)
    report(best, best_cpu, float(values[mask].sum()), int(mask.sum()), texts)


def report(best, best_cpu, numeric_sum, numeric_count, texts):
    """The lines kto-bench reads (also used by xlsx_peer.py)."""
    print(f"peer_seconds: {best:.6f}")
    print(f"peer_cpu_seconds: {best_cpu:.6f}")
    print(f"numeric_sum: {numeric_sum:.6f}")
    print(f"numeric_count: {numeric_count}")
    print(f"text_count: {texts}")


def main(write_file=write, read_file=read, cases=500_000):
    """The command line of a peer: PATH [--write] [--cases N] [--runs N] (also xlsx_peer.py's)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--cases", type=int, default=cases)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.write:
        write_file(args.path, args.cases)
    else:
        read_file(args.path, args.runs)


if __name__ == "__main__":
    main()
