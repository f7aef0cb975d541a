#!/usr/bin/env python3
"""A calibration of the history scenario, loaded and plotted, and the
projection it allows.

`score calibrate` (docs/calibration.md) writes an ensemble file: every
generation of ABC-SMC, the last one the posterior, weighted parameter sets.
`score run --ensemble` runs the history with sets drawn from it
(docs/user-guide.md). This script draws each free parameter's prior and
posterior, and the enterprises trained over time: the band of a plain run
(the model's randomness alone) against the band of the ensemble run
(parameter uncertainty too).

    PYTHONPATH=build/python python3 examples/calibration_plot.py calibration.png
    PYTHONPATH=build/python python3 examples/calibration_plot.py calibration.png \\
        --ensemble results/history_calibration.h5     # a calibration you ran

Without --ensemble it first runs a quick calibration of two parameters
(SCORE_EXAMPLE_POPULATION particles, 16 by default) in --work, so that it
runs in CI in a minute; the figure then shows the method, not the fit.
"""
import argparse
import os
import pathlib
import subprocess
import sys

import h5py
import matplotlib

matplotlib.use("Agg")  # draw into a file
import matplotlib.pyplot as plt
import numpy as np

import score

ROOT = pathlib.Path(__file__).resolve().parent.parent
METRIC = "firms_trained_total"  # enterprises that completed at least one module, cumulative


def quick_calibration(score_exe, work, population):
    """Writes and runs a small calibration of the history; returns its ensemble file."""
    work.mkdir(parents=True, exist_ok=True)
    toml = work / "quick_calibration.toml"
    toml.write_text(f"""[calibration]
name = "quick"
scenario = "{ROOT / 'scenarios' / 'history.toml'}"
targets = "{ROOT / 'scenarios' / 'calibration' / 'targets.toml'}"
seed = 7
population = {population}
replications = 1
budget = {3 * population}
generations = 1

[[parameter]]
key = "behaviour.enrol_rate"
range = "scenario"
log = true

[[parameter]]
key = "behaviour.continuation"
range = "scenario"
""")
    out = work / "quick_calibration.h5"
    subprocess.run([score_exe, "calibrate", str(toml), "-q", "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def load_ensemble(path):
    """Parameter names, prior ranges, and the prior sample's and posterior's values and weights."""
    with h5py.File(path, "r") as f:
        g = int(f.attrs["posterior_generation"])
        names = [p.decode() if isinstance(p, bytes) else p for p in f["parameter"][:]]
        return {"name": f.attrs["calibration_name"], "generation": g, "parameters": names,
                "lo": f["prior_lo"][:], "hi": f["prior_hi"][:], "log": f["prior_log"][:],
                "prior": (f["theta"][0], f["weight"][0]), "posterior": (f["theta"][g], f["weight"][g])}


def band(values):
    """Median and 90% band across replications, per month: values is (replication, time)."""
    return np.percentile(values, [5, 50, 95], axis=0)


def all_countries(metric):
    """A (replication, time, country) array summed over countries."""
    return np.asarray(metric).sum(axis=2)


def plot(ensemble, plain, projected, out):
    k = len(ensemble["parameters"])
    fig, axes = plt.subplots(2, max(k, 2), figsize=(4 * max(k, 2), 7), squeeze=False)
    for j, name in enumerate(ensemble["parameters"]):
        ax = axes[0][j]
        lo, hi, log = ensemble["lo"][j], ensemble["hi"][j], ensemble["log"][j]
        bins = np.geomspace(lo, hi, 16) if log else np.linspace(lo, hi, 16)
        for label, (theta, weight), colour in (("prior sample", ensemble["prior"], "tab:grey"),
                                               ("posterior", ensemble["posterior"], "tab:blue")):
            ax.hist(theta[:, j], bins=bins, weights=weight, alpha=0.5, color=colour, label=label, density=True)
        if log:
            ax.set_xscale("log")
        ax.set_title(name, fontsize=9)
        ax.set_yticks([])
    axes[0][0].legend(fontsize=8)
    for ax in axes[0][k:]:
        ax.axis("off")
    ax = fig.add_subplot(2, 1, 2)
    for ax_unused in axes[1]:
        ax_unused.remove()
    for label, (time, values), colour in (("plain run (randomness)", plain, "tab:grey"),
                                          ("ensemble run (parameters and randomness)", projected, "tab:blue")):
        p05, p50, p95 = band(values)
        ax.fill_between(time, p05, p95, color=colour, alpha=0.3, label=f"{label}: 90% band")
        ax.plot(time, p50, color=colour)
    ax.set_ylabel("enterprises trained, all countries")
    ax.legend(fontsize=8, loc="upper left")
    fig.suptitle(f"calibration {ensemble['name']}: generation {ensemble['generation']} of ABC-SMC, "
                 "and the history projected with it", fontsize=10)
    fig.savefig(out, dpi=110, bbox_inches="tight")


def end_of_2017(time, values):
    """The 90% band's width and median at the last month of 2017."""
    i = int(np.searchsorted(time, np.datetime64("2017-12-01")))
    p05, p50, p95 = band(values)
    return p50[i], p95[i] - p05[i]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="calibration.png")
    parser.add_argument("--ensemble", help="an ensemble file of score calibrate (default: run a quick one)")
    parser.add_argument("--score", default=str(ROOT / "build" / "engine" / "cli" / "score"), help="the score command")
    parser.add_argument("--work", default="results/calibration_example", help="where the quick calibration and the runs go")
    parser.add_argument("--draws", type=int, default=int(os.environ.get("SCORE_EXAMPLE_DRAWS", "16")))
    args = parser.parse_args()
    work = pathlib.Path(args.work)
    population = int(os.environ.get("SCORE_EXAMPLE_POPULATION", "16"))
    path = pathlib.Path(args.ensemble) if args.ensemble else quick_calibration(args.score, work, population)
    ensemble = load_ensemble(path)

    projection = work / "history_ensemble.h5"
    subprocess.run([args.score, "run", str(ROOT / "scenarios" / "history.toml"), "--ensemble", str(path),
                    "--draws", str(args.draws), "-q", "-o", str(projection)], check=True, stdout=subprocess.DEVNULL)
    with h5py.File(projection, "r") as f:
        runs = int(f.attrs["replications"])
        start = np.datetime64(f.attrs["start"] + "-01")
        time = start + f["time"][:].astype("timedelta64[D]")
        projected = (time, all_countries(f[METRIC][:]))
    # The plain run with as many replications, in memory through the module.
    ds = score.run(ROOT / "scenarios" / "history.toml", replications=runs, outputs=[METRIC],
                   threads=int(os.environ.get("SCORE_THREADS", "0")))
    plain = (ds["time"].values, ds[METRIC].sum("country").values)
    plot(ensemble, plain, projected, args.out)
    for label, (t, values) in (("plain", plain), ("ensemble", projected)):
        median, width = end_of_2017(t, values)
        print(f"{label:8s} {runs} runs: enterprises trained by 2017-12 median {median:,.0f}, 90% band {width:,.0f} wide")
    print(f"figure: {args.out}")


if __name__ == "__main__":
    sys.exit(main())
