"""The public functions of the score package (docs/python.md)."""
import math
import os
import warnings

import numpy as np

from . import _score
from ._dataset import build
from ._progress import TextProgress, reporter
from ._table import outcome_names, tidy_table


def _override_value(value):
    """A Python value as `score run --set KEY=VALUE` takes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    return str(value)


def _overrides(overrides):
    if overrides is None:
        return []
    if isinstance(overrides, dict):
        return [f"{key}={_override_value(value)}" for key, value in overrides.items()]
    return [str(o) for o in overrides]  # already "key=value"


def load_scenario(path, overrides=None):
    """Loads and validates a scenario file, as `score run` does.

    overrides: {key: value} (or ["key=value", ...]) applied like --set.
    Raises score.ScenarioError (a ValueError) whose message has one line per
    problem, "file:line:column: key: message", exactly as `score run` prints.
    """
    return _score.load_scenario(os.fspath(path), _overrides(overrides))


def _scenario(scenario):
    return scenario if isinstance(scenario, _score.Scenario) else load_scenario(scenario)


def _call(engine, progress, label, *args):
    """Calls the engine with a progress reporter, ending a text line after."""
    report = reporter(progress, label)
    try:
        return engine(*args, report)
    finally:
        if isinstance(report, TextProgress):
            report.finish()


def _current_outputs(outputs):
    """The metrics' current names; an old name still works, with a
    FutureWarning (shown once per calling line, as Python does by default)."""
    current = []
    for name in outputs:
        now = _score.RENAMED_METRICS.get(name)
        if now is not None:
            warnings.warn(f"score.run: output '{name}' is now called '{now}'; the dataset names it '{now}'",
                          FutureWarning, stacklevel=3)  # the caller of score.run
        current.append(name if now is None else now)
    return current


def run(scenario, replications=None, threads=0, seed=None, outputs=None, progress=None):
    """Runs a scenario's replications in memory and returns an xarray.Dataset
    with the variables, dimensions and attributes of the results file
    `score run` writes for the same scenario and seed, and the same numbers.

    scenario: a score.Scenario or a path. replications, seed: as
    --reps/--seed (default: the scenario's). threads: 0 for all cores.
    outputs: metric names to keep as time series (default all); the phase
    summaries are always there. progress: None, True (a line on stderr) or
    callable(months_done, months_total), called from this thread.
    """
    sc = _scenario(scenario)
    outputs = None if outputs is None else _current_outputs(outputs)
    raw = _call(_score.run, progress, f"score run {sc.name}", sc, replications, seed, threads, outputs)
    return build(raw)


def _point_rows(points):
    """Parameter keys and values of points given as dicts (or a DataFrame)."""
    if hasattr(points, "to_dict"):
        points = points.to_dict("records")
    points = list(points)
    if not points:
        raise ValueError("score.sweep: no points to run")
    keys = list(points[0])
    for i, p in enumerate(points):
        if list(p) != keys:
            raise ValueError(f"score.sweep: point {i} sets {sorted(p)}, point 0 sets {sorted(keys)}")
    return keys, [[float(p[k]) for k in keys] for p in points]


def sweep(source, points=None, replications=None, seed=1, threads=0, progress=None):
    """Runs a sweep and returns a tidy pandas.DataFrame: one row per point and
    replication with columns point, replication, seed, one per parameter (the
    scenario key) and one per outcome "PHASE.summary" (all-country phase
    summaries, e.g. "III.firms_trained"; units in df.attrs["units"]).

    score.sweep("my_sweep.toml") runs a sweep file (docs/experiments.md) as
    `score sweep` does, without writing a file. score.sweep(scenario,
    points=[{"phases.III.subsidy_share": 0.3}, ...], replications=2, seed=1)
    runs the given points on a scenario (a score.Scenario, overrides kept, or
    a path); each point's seed is derived from `seed` and its index as in a
    sweep file. Points run side by side, each one's replications in parallel.
    """
    if points is None:
        if replications is not None:
            raise ValueError("score.sweep: a sweep file sets its own replications")
        raw = _call(_score.sweep_file, progress, f"score sweep {os.fspath(source)}", os.fspath(source), threads)
    else:
        sc = _scenario(source)
        keys, values = _point_rows(points)
        raw = _call(_score.sweep_points, progress, f"score sweep {sc.name}", sc, keys, values,
                    1 if replications is None else replications, seed, threads)
    return tidy_table(raw)


def ema_model(scenario, outcomes, replications=1, seed=1, threads=0):
    """A function with the signature the EMA Workbench and SALib loops
    expect: keyword parameters (scenario keys) in, {outcome: value} out, each
    value the mean over `replications` runs. Outcomes are named as the columns
    of score.sweep ("III.firms_trained"). Every call uses the same seed:
    common random numbers, so differences come from the parameters alone.
    """
    sc = _scenario(scenario)
    outcomes = list(outcomes)
    known = outcome_names(sc.phases)
    unknown = [o for o in outcomes if o not in known]
    if unknown:
        raise ValueError(f"score.ema_model: unknown outcome(s) {unknown}; outcomes are PHASE.summary, "
                         f"e.g. {known[0]!r} (score.outcome_names(scenario.phases) lists them)")

    def model(**parameters):
        table = sweep(sc, points=[parameters], replications=replications, seed=seed, threads=threads)
        return {o: _mean(table[o]) for o in outcomes}

    model.__name__ = f"score_{sc.name}"
    return model


def _mean(column):
    values = column.to_numpy(dtype=float)
    finite = values[~np.isnan(values)]
    return float(finite.mean()) if finite.size else math.nan
