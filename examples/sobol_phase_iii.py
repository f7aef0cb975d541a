#!/usr/bin/env python3
"""Sobol' sensitivity of Phase III reach to three Phase III levers.

Which explains most of the variation in the enterprises trained in Phase III
and the workers they employ: the delivery subsidy, the buyers' share of the
fee, or the firms' keenness to enrol? A Saltelli design over the three
(score.saltelli), each point run through score.sweep on the history
scenario, first-order and total Sobol' indices with bootstrap intervals
(score.sobol_indices), drawn as bars.

    PYTHONPATH=build/python python3 examples/sobol_phase_iii.py sobol_phase_iii.png

Kept small enough for CI: 8 base rows, 40 points of 2 replications (80
runs, a few seconds on two cores), whose indices are noise around the
truth. SCORE_EXAMPLE_SCALE=16 multiplies the base rows by 16 (128 rows,
1,280 runs, under a minute), enough for indices worth quoting.
"""
import os
import pathlib
import sys

import matplotlib

matplotlib.use("Agg")  # draw into a file
import matplotlib.pyplot as plt
import numpy as np

import score

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCALE = int(os.environ.get("SCORE_EXAMPLE_SCALE", "1"))
N = 8 * SCALE  # base rows; a power of two keeps the Sobol' balance
REPLICATIONS = 2
PARAMETERS = {  # scenario key: range
    "phases.III.subsidy_share": (0.2, 0.6),
    "phases.III.buyer_share": (0.2, 0.5),
    "behaviour.enrol_rate": (0.008, 0.016),
}
OUTCOMES = {"III.firms_trained": "enterprises trained in Phase III",
            "III.workers_reached": "workers reached by the end of Phase III"}


def main(out):
    keys = list(PARAMETERS)
    lo, hi = np.array([PARAMETERS[k] for k in keys]).T
    unit = np.asarray(score.saltelli(N, len(keys)))  # rows [A, B, AB_0, AB_1, AB_2]
    points = [dict(zip(keys, row)) for row in lo + unit * (hi - lo)]
    table = score.sweep(ROOT / "scenarios" / "history.toml", points=points, replications=REPLICATIONS, seed=2020,
                        threads=int(os.environ.get("SCORE_THREADS", "0")), progress=True)
    means = table.groupby("point")[list(OUTCOMES)].mean()  # the model output of each design row

    fig, axes = plt.subplots(1, len(OUTCOMES), figsize=(11, 4), sharey=True)
    x = np.arange(len(keys))
    for ax, (outcome, label) in zip(axes, OUTCOMES.items()):
        s = score.sobol_indices(means[outcome].tolist(), N, len(keys), bootstrap=500)
        for shift, kind, colour in ((-0.2, "first", "tab:blue"), (0.2, "total", "tab:orange")):
            value = np.array(s[kind])
            error = np.abs(np.array([s[f"{kind}_lo"], s[f"{kind}_hi"]]) - value)
            ax.bar(x + shift, value, 0.4, yerr=error, capsize=3, color=colour, label=f"{kind}-order"
                   if kind == "first" else "total")
            print(f"{outcome:22s} {kind:5s} " + "  ".join(f"{k}={v:6.3f}" for k, v in zip(keys, value)))
        ax.set_xticks(x, [k.split(".")[-1] for k in keys], rotation=15)
        ax.set_title(label, fontsize=10)
        ax.axhline(0, color="grey", linewidth=0.5)
    axes[0].set_ylabel("Sobol' index")
    axes[0].legend()
    fig.suptitle(f"Phase III reach: Saltelli design, n = {N} ({len(points)} points x {REPLICATIONS} replication(s))")
    fig.savefig(out, dpi=120, bbox_inches="tight")
    print(f"figure: {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sobol_phase_iii.png")
