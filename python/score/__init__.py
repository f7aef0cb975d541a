"""score: run SCORE programme scenarios and sweeps from Python.

    import score
    sc = score.load_scenario("scenarios/history.toml", overrides={"phases.III.subsidy_share": 0.3})
    ds = score.run(sc, replications=4, seed=7)          # xarray.Dataset, as a results file
    table = score.sweep("scenarios/sweeps/lhs.toml")    # pandas.DataFrame, one row per point and replication
    model = score.ema_model(sc, outcomes=["III.firms_trained"])   # keyword parameters in, dict out

The engine runs in this process (the extension module score._score) with
the GIL released; Ctrl-C stops it. See docs/python.md.
"""
from ._score import Scenario, ScenarioError, saltelli, sobol_indices
from ._api import ema_model, load_scenario, outcome_names, run, sweep

__all__ = ["Scenario", "ScenarioError", "load_scenario", "run", "sweep", "ema_model", "outcome_names",
           "saltelli", "sobol_indices"]
