"""score.sweep over a sweep file equals `score sweep` on it: the same design,
seeds and outcomes (all-country phase summaries) for every point and
replication.

usage: sweep_equals_cli.py SCORE SWEEP_FILE OUTDIR
"""
import pathlib
import subprocess
import sys

import h5py
import numpy as np

import score

score_cli, sweep_file, out = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
path = out / "sweep_equals_cli.h5"
for stale in (path, out / f".{path.name}.partial", out / f".{path.name}.journal"):
    stale.unlink(missing_ok=True)
subprocess.run([score_cli, "sweep", sweep_file, "-q", "-o", str(path)], check=True, stdout=subprocess.DEVNULL)
table = score.sweep(sweep_file, threads=2)
with h5py.File(path, "r") as f:
    outcome = f["outcome"][:]  # (point, replication, phase, summary)
    phases = [p.decode() if isinstance(p, bytes) else p for p in f["phase"][:]]
    summaries = [s.decode() if isinstance(s, bytes) else s for s in f["summary"][:]]
    keys = [k.decode() if isinstance(k, bytes) else k for k in f["parameter"][:]]
    design, seeds = f["design"][:], f["point_seed"][:]
points, reps = outcome.shape[:2]
assert len(table) == points * reps, f"{len(table)} rows for {points} points x {reps} replications"
assert list(table.attrs["parameters"]) == keys
rows = table.set_index(["point", "replication"]).sort_index()
for j, key in enumerate(keys):
    assert np.array_equal(rows[key].to_numpy().reshape(points, reps)[:, 0], design[:, j]), key
assert np.array_equal(rows["seed"].to_numpy().reshape(points, reps)[:, 0], seeds)
for p, phase in enumerate(phases):
    for s, summary in enumerate(summaries):
        column = rows[f"{phase}.{summary}"].to_numpy().reshape(points, reps)
        assert np.array_equal(column, outcome[:, :, p, s], equal_nan=True), f"{phase}.{summary} differs"
print(f"score.sweep equals score sweep: {points} points x {reps} replications, "
      f"{len(phases) * len(summaries)} outcomes")
