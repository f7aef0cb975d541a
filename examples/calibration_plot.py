#!/usr/bin/env python3
"""The calibration of the history scenario, loaded and plotted.

The calibration result is what `scripts/calibrate.py fit --write` stored:
the fitted parameter values in scenarios/history.toml, checked against the
programme's reported figures listed in scenarios/calibration/targets.toml
(docs/calibration.md). This runs the calibrated scenario through score.run,
evaluates the targets calibrate.py checks with its own code, prints the table and
draws each target: the model's value against the reported figure and its
tolerance.

    PYTHONPATH=build/python python3 examples/calibration_plot.py calibration.png

It runs the targets file's replications (20, as the check in
docs/calibration.md does); SCORE_EXAMPLE_REPLICATIONS changes that.
"""
import importlib.util
import os
import pathlib
import sys
import tomllib

import matplotlib

matplotlib.use("Agg")  # draw into a file
import matplotlib.pyplot as plt
import numpy as np

import score

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load_calibrate():
    spec = importlib.util.spec_from_file_location("calibrate", ROOT / "scripts" / "calibrate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Arrays:
    """A score.run dataset indexed like the h5py file calibrate.py reads."""

    def __init__(self, ds):
        self.ds, self.attrs = ds, ds.attrs

    def __getitem__(self, name):
        return self.ds[name].values


def reported_band(t, goal):
    """The reported figure's accepted interval."""
    if "min" in t:
        return t["min"], t["max"]
    if "relative_tolerance" in t:
        return goal * (1 - t["relative_tolerance"]), goal * (1 + t["relative_tolerance"])
    return goal - t["absolute_tolerance"], goal + t["absolute_tolerance"]


def main(out):
    calibrate = load_calibrate()
    config = tomllib.loads(calibrate.TARGETS.read_text())
    calibrate.drop_unknown_forms(config)  # the targets of a form calibrate.py evaluates
    replications = int(os.environ.get("SCORE_EXAMPLE_REPLICATIONS", config["replications"]))
    ds = score.run(calibrate.TARGETS.parent / config["scenario"], replications=replications, progress=True,
                   threads=int(os.environ.get("SCORE_THREADS", "0")),
                   outputs=["revenue_usd", "delivery_cost_usd", "module_deliveries"])
    rows = calibrate.evaluate_results(Arrays(ds), config["target"])
    print(calibrate.table(rows))
    fitted = calibrate.current_values(config)

    fig, ax = plt.subplots(figsize=(9, 0.45 * len(rows) + 1.5))
    for i, (t, model, goal, ok) in enumerate(rows):
        lo, hi = reported_band(t, goal)
        centre = (lo + hi) / 2
        # Everything relative to the middle of the reported interval, so
        # counts, dollars and shares share one axis.
        ax.plot([lo / centre, hi / centre], [i, i], color="tab:grey", linewidth=6, alpha=0.4,
                solid_capstyle="butt", label="reported (accepted interval)" if i == 0 else None)
        ax.plot(model / centre, i, "o", color="tab:green" if ok else "tab:red",
                label="model" if i == 0 else None)
    ax.set_yticks(np.arange(len(rows)), [t["name"] for t, *_ in rows], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(1, color="grey", linewidth=0.5)
    ax.set_xlabel("value / middle of the reported interval")
    ax.set_title(f"{ds.attrs['scenario_name']}: calibration targets ({replications} replications)\nfitted: " +
                 ", ".join(f"{k.split('.')[-1]} = {v:g}" for k, v in fitted.items()), fontsize=9)
    ax.legend(loc="lower right", fontsize=8)
    fig.savefig(out, dpi=120, bbox_inches="tight")
    missed = sum(not ok for *_, ok in rows)
    print(f"{len(rows) - missed} of {len(rows)} targets met; figure: {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "calibration.png")
