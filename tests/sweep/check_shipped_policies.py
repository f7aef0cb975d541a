#!/usr/bin/env python3
"""The shipped policy sweep, end to end on the SCORE history.

Usage: check_shipped_policies.py SCORE SWEEP.toml RESULTS.h5 CSV_DIR

Runs `score sweep` on scenarios/sweeps/policies.toml and exports it as CSV,
then checks what the decision table's reader relies on: every policy option
changes some [[decision]] outcome at some point against every other option.
An option whose decision outcomes equal another's, run for run, answers no
question; before the donors' Phase IV money was one of the uncertainties,
front_loaded pacing printed exactly priced_up's figures (the pacing cap never
bound; only the funds lapsed in earlier phases, which no decision reads,
differed).
"""
import csv
import os
import shutil
import subprocess
import sys
import tomllib

def main(score, sweep, results, csv_dir):
    for stale in (results, os.path.join(os.path.dirname(results), "." + os.path.basename(results) + ".partial"),
                  os.path.join(os.path.dirname(results), "." + os.path.basename(results) + ".journal")):
        if os.path.exists(stale):
            os.remove(stale)
    shutil.rmtree(csv_dir, ignore_errors=True)
    subprocess.run([score, "sweep", sweep, "-q", "--threads", "2", "-o", results], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([score, "export", results, "--csv", csv_dir], check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(csv_dir, "sweep.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    with open(sweep, "rb") as f:
        decisions = tomllib.load(f)["decision"]
    outcomes = [f"{d['outcome']}_{d['phase']}" for d in decisions]
    assert all(k in rows[0] for k in outcomes), f"decision outcomes {outcomes} not all in the CSV"
    options = sorted({r["policy"] for r in rows})
    per_option = {o: [r for r in rows if r["policy"] == o] for o in options}
    # Points run option-major: the u-th point of every option has the same
    # uncertain values and seeds.
    runs = len(per_option[options[0]])
    assert len(options) >= 2 and all(len(v) == runs for v in per_option.values()), "unbalanced options"
    problems = []
    for i, a in enumerate(options):
        for b in options[i + 1:]:
            differing = [u for u in range(runs)
                         if any(per_option[a][u][k] != per_option[b][u][k] for k in outcomes)]
            print(f"{a} against {b}: outcomes differ in {len(differing)} of {runs} runs")
            if not differing:
                problems.append(f"{b} gives exactly the figures of {a} at every point")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
