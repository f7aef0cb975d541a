#!/usr/bin/env python3
"""Checks what the shipped grid sweep (scenarios/sweeps/grid.toml) stored,
not only that it ran: every combination of the two levers' values once, every
point done, the statistics across replications equal to numpy's, and one
point's outcomes equal, bit for bit, to a plain `score run` of the history
with that point's values and seed.

Usage: check_shipped_grid.py GRID.h5 SCORE HISTORY.toml WORKDIR
"""
import itertools
import pathlib
import subprocess
import sys

import h5py
import numpy as np

VALUES = {"phases.III.subsidy_share": [0.2, 0.5], "phases.III.buyer_share": [0.2, 0.5]}


def names(ds):
    return [v.decode() if isinstance(v, bytes) else v for v in ds[:]]


def check_design(f, problems):
    keys = names(f["parameter"])
    design = f["design"][:]
    got = sorted(tuple(float(v) for v in row) for row in design)
    want = sorted(itertools.product(*(VALUES[k] for k in keys)))
    if got != want:
        problems.append(f"design {got}, expected every combination {want}")
    if not np.all(f["done"][:] == 1):
        problems.append(f"points not done: {f['done'][:]}")
    if len(set(f["point_seed"][:].tolist())) != len(design):
        problems.append("points share a seed")
    return keys


def check_statistics(f, problems):
    """outcome_stats against numpy over each point's replications."""
    outcome = f["outcome"][:]  # (point, replication, phase, summary)
    stats = f["outcome_stats"][:]  # (point, phase, summary, statistic)
    statistic = names(f["statistic"])
    with np.errstate(all="ignore"):
        numpy = {"mean": np.nanmean(outcome, axis=1), "sd": np.nanstd(outcome, axis=1, ddof=1),
                 "p05": np.nanpercentile(outcome, 5, axis=1), "p50": np.nanpercentile(outcome, 50, axis=1),
                 "p95": np.nanpercentile(outcome, 95, axis=1)}
    for i, name in enumerate(statistic):
        if not np.allclose(stats[..., i], numpy[name], rtol=1e-9, atol=1e-9, equal_nan=True):
            problems.append(f"outcome_stats {name} differs from numpy")
    trained = outcome[:, :, :, names(f["summary"]).index("firms_trained")]
    if not (np.all(np.isfinite(trained)) and np.all(trained.sum(axis=2) > 0)):
        problems.append("a point's runs trained no firm")


def check_point_rerun(f, keys, score, history, workdir, problems):
    """The last point, rerun as a plain run of the history with its values and seed."""
    p = len(f["design"]) - 1
    out = pathlib.Path(workdir) / "grid_point_rerun.h5"
    cmd = [score, "run", history, "-q", "--threads", "2", "-o", str(out),
           "--reps", str(int(f.attrs["replications"])), "--set", f"run.seed={int(f['point_seed'][p])}"]
    for k, v in zip(keys, f["design"][p]):
        cmd += ["--set", f"{k}={float(v)!r}"]
    subprocess.run(cmd, check=True)
    summaries = names(f["summary"])
    with h5py.File(out, "r") as run:
        for s, name in enumerate(summaries):
            alone = run[f"phase_{name}_all"][:]  # (replication, phase)
            if not np.array_equal(alone, f["outcome"][p, :, :, s], equal_nan=True):
                problems.append(f"point {p}: {name} differs from score run with the same values and seed")
    out.unlink()


def main():
    grid, score, history, workdir = sys.argv[1:5]
    problems = []
    with h5py.File(grid, "r") as f:
        keys = check_design(f, problems)
        check_statistics(f, problems)
        check_point_rerun(f, keys, score, history, workdir, problems)
    for p in problems:
        print(f"{grid}: {p}")
    if not problems:
        print(f"{grid}: design, statistics and a rerun point agree")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
