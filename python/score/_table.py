"""Sweep outcomes as a tidy pandas.DataFrame: one row per point and
replication, parameters and outcomes as columns."""
import numpy as np
import pandas as pd

from . import _score


def outcome_names(phases):
    """The outcome columns of a sweep over a scenario with these phase ids:
    "PHASE.summary" for every phase and phase summary."""
    return [f"{phase}.{s['name']}" for phase in phases for s in _score.SUMMARIES]


def tidy_table(raw):
    """pandas.DataFrame from the dict score._score.sweep_* returns."""
    outcome = raw["outcome"]  # (point, replication, phase, summary)
    points, reps = outcome.shape[:2]
    columns = {
        "point": np.repeat(np.arange(points), reps),
        "replication": np.tile(np.arange(reps), points),
        "seed": np.repeat(np.asarray(raw["seeds"], dtype=np.uint64), reps),
    }
    for j, key in enumerate(raw["parameters"]):
        columns[key] = np.repeat(raw["design"][:, j], reps)
    units = {}
    for p, phase in enumerate(raw["phases"]):
        for s, summary in enumerate(_score.SUMMARIES):
            name = f"{phase}.{summary['name']}"
            columns[name] = outcome[:, :, p, s].reshape(-1)
            units[name] = summary["units"]
    table = pd.DataFrame(columns)
    table.attrs = {"sweep": raw["name"], "design": raw["method"], "saltelli_n": raw["saltelli_n"],
                   "parameters": list(raw["parameters"]), "outcomes": list(units), "units": units}
    return table
