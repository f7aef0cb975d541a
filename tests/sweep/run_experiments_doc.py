#!/usr/bin/env python3
"""Runs the Python example of docs/experiments.md against a small sweep.

Usage: run_experiments_doc.py DOC.md SCORE SMALL_SCENARIO.toml

In the current directory: writes a small saltelli sweep over
SMALL_SCENARIO, runs `score sweep` and `score sensitivity` on it as the
document does, then takes the last ```python block of the document, runs it
with the results file as its argument and checks that it drew its plot.
Exits 77 (skip) when matplotlib, xarray or h5netcdf is missing.
"""
import os
import re
import subprocess
import sys

try:
    import h5netcdf  # noqa: F401
    import matplotlib  # noqa: F401
    import xarray  # noqa: F401
except ImportError as error:
    print(f"skipping: {error}")
    sys.exit(77)

SWEEP = """[sweep]
name = "doc_example"
scenario = "{scenario}"
design = "saltelli"
n = 8
seed = 7
replications = 2

[[parameter]]
key = "phases.I.subsidy_share"
range = "scenario"

[[parameter]]
key = "behaviour.enrol_rate"
range = "scenario"
"""


def main(doc, score, scenario):
    results = "doc_sweep.h5"
    for stale in (results, "." + results + ".partial", "." + results + ".journal", "sensitivity.png"):
        if os.path.exists(stale):
            os.remove(stale)
    with open("doc_sweep.toml", "w", encoding="utf-8") as f:
        f.write(SWEEP.format(scenario=scenario))
    subprocess.run([score, "sweep", "doc_sweep.toml", "-o", results, "-q"], check=True)
    subprocess.run([score, "sensitivity", results, "--summary", "firms_trained"], check=True)
    with open(doc, encoding="utf-8") as f:
        blocks = re.findall(r"```python\n(.*?)```", f.read(), re.S)
    assert blocks, f"no python example in {doc}"
    with open("docs_sweep_example.py", "w", encoding="utf-8") as f:
        f.write(blocks[-1])
    subprocess.run([sys.executable, "docs_sweep_example.py", results], check=True)
    assert os.path.getsize("sensitivity.png") > 1000, "the example drew no plot"
    print("docs example: ok")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
