"""score.run equals `score run` for the same scenario and seed, dataset by
dataset: every variable of the results file is in the Dataset with the same
dimensions, coordinates, units, long name and kind, and the same numbers
(statistics across replications included), and nothing else is: the
funder ledger (`funder_ledger`, `funder_ledger_usd` and their `funder*` and
`ledger_column` coordinates) as well.

usage: run_equals_cli.py SCORE SCENARIO OUTDIR
"""
import pathlib
import subprocess
import sys

import numpy as np
import xarray as xr

import score

score_cli, scenario, out = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
path = out / "run_equals_cli.h5"
subprocess.run([score_cli, "run", scenario, "--reps", "3", "--seed", "11", "-q", "-o", str(path)], check=True,
               stdout=subprocess.DEVNULL)
ds = score.run(scenario, replications=3, seed=11, threads=2)
failures = []
with xr.open_dataset(path, engine="h5netcdf") as f:
    # The scenario names funders, so the comparison covers their ledger.
    for name in ("funder_ledger", "funder_ledger_usd", "funder", "funder_name", "funder_currency", "ledger_column"):
        if name not in f.variables:
            failures.append(f"{name} missing from the file: the comparison would not cover the funder ledger")
    if sorted(f.data_vars) != sorted(ds.data_vars):
        failures.append(f"variables differ: only in file {sorted(set(f.data_vars) - set(ds.data_vars))}, "
                        f"only in Python {sorted(set(ds.data_vars) - set(f.data_vars))}")
    for name in f.data_vars:
        if name not in ds:
            continue
        a, b = f[name], ds[name]
        if a.dims != b.dims:
            failures.append(f"{name}: dims {a.dims} in the file, {b.dims} in Python")
        elif not np.array_equal(a.values, b.values, equal_nan=True):
            failures.append(f"{name}: values differ (max |diff| {np.nanmax(np.abs(a.values - b.values))})")
        for attr in ("units", "long_name", "kind"):
            if a.attrs.get(attr) != b.attrs.get(attr):
                failures.append(f"{name}: {attr} {a.attrs.get(attr)!r} in the file, {b.attrs.get(attr)!r} in Python")
        if sorted(a.coords) != sorted(b.coords):
            failures.append(f"{name}: coordinates {sorted(a.coords)} in the file, {sorted(b.coords)} in Python")
    for name in f.coords:
        if name not in ds.coords or not np.array_equal(f[name].values, ds[name].values):
            failures.append(f"coordinate {name} differs")
    for key, value in ds.attrs.items():
        if f.attrs.get(key) != value:
            failures.append(f"attribute {key}: {f.attrs.get(key)!r} in the file, {value!r} in Python")
    checked = len(f.data_vars)
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"score.run equals score run: {checked} variables, coordinates and attributes")
