#!/usr/bin/env python3
"""Plots of a `score discover ... --csv DIR` result, written into DIR:

  trajectory.png  the peeling trajectory: density against coverage, one dot
                  per box, coloured by the number of restricted parameters,
                  the chosen box circled (the trade-off of Bryant and Lempert
                  2010, figure 3);
  box.png         the points over the two parameters the chosen box
                  restricts most significantly (lowest quasi-p-value; the two
                  of highest KS distance when it restricts fewer), cases in
                  colour, the box drawn over them.

Needs matplotlib only (python3-matplotlib, installed by scripts/setup.sh).

Usage: python3 scripts/plot_discover.py DIR
"""
import csv
import math
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def read(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def number(text):
    return float(text) if text != "" else math.nan


def plot_trajectory(rows, path):
    coverage = [number(r["coverage"]) for r in rows]
    density = [number(r["density"]) for r in rows]
    restricted = [int(r["restricted"]) for r in rows]
    fig, ax = plt.subplots(figsize=(6, 5))
    dots = ax.scatter(coverage, density, c=restricted, cmap="viridis", s=18)
    fig.colorbar(dots, ax=ax, label="parameters restricted")
    for r in rows:
        if r["chosen"] == "1":
            ax.scatter([number(r["coverage"])], [number(r["density"])], s=160, facecolors="none",
                       edgecolors="red", linewidths=1.5, label=f"chosen: box {r['box']}")
    ax.set_xlabel("coverage (share of all cases inside the box)")
    ax.set_ylabel("density (share of the box's points that are cases)")
    ax.set_title("PRIM peeling trajectory")
    ax.legend(loc="lower left")
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)


def two_parameters(box):
    """The two parameters to draw: restricted ones by quasi-p, then by KS."""
    def key(r):
        p = number(r["quasi_p"])
        return (0 if r["restricted"] == "1" else 1, p if not math.isnan(p) else 1.0, -number(r["ks"] or "0"))
    # The policy option of a policy sweep is a set of options, not a range to draw.
    ranked = sorted((r for r in box if r["parameter"] != "policy"), key=key)
    return ranked[: min(2, len(ranked))]


def plot_box(box, points, path):
    chosen = two_parameters(box)
    names = [r["parameter"] for r in chosen]
    fig, ax = plt.subplots(figsize=(6, 5))
    x = [number(p[names[0]]) for p in points]
    y = [number(p[names[1]]) for p in points] if len(names) > 1 else [0.0] * len(points)
    case = [p["is_case"] == "1" for p in points]
    ax.scatter([a for a, c in zip(x, case) if not c], [b for b, c in zip(y, case) if not c], s=10, c="0.7",
               label="other points")
    ax.scatter([a for a, c in zip(x, case) if c], [b for b, c in zip(y, case) if c], s=14, c="tab:red",
               label="cases of interest")
    lo = [number(r["box_lo"]) for r in chosen]
    hi = [number(r["box_hi"]) for r in chosen]
    if len(names) > 1:
        ax.add_patch(plt.Rectangle((lo[0], lo[1]), hi[0] - lo[0], hi[1] - lo[1], fill=False, edgecolor="black",
                                   linewidth=1.5, label="chosen box"))
        ax.set_ylabel(names[1])
    else:
        ax.axvspan(lo[0], hi[0], color="black", alpha=0.1, label="chosen box")
    ax.set_xlabel(names[0])
    ax.set_title("Cases and the chosen box")
    ax.legend(loc="best")
    fig.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(fig)


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    folder = sys.argv[1].rstrip("/")
    plot_trajectory(read(f"{folder}/trajectory.csv"), f"{folder}/trajectory.png")
    plot_box(read(f"{folder}/box.csv"), read(f"{folder}/points.csv"), f"{folder}/box.png")
    print(f"wrote {folder}/trajectory.png and {folder}/box.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
