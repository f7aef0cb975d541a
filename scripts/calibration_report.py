#!/usr/bin/env python3
"""The validation report of a calibration, from its ensemble file.

  calibration_report.py ENSEMBLE.h5 [--doc docs/calibration.md] [--images docs/images]

Rewrites the part of DOC between `<!-- calibration report NAME: ... -->` and
`<!-- end calibration report NAME -->` (NAME: the calibration's; appended when absent): every target with
its reported figure and the prior and posterior predictive median and 90%
band, inside or not, fit targets, identities and held-out targets (the
out-of-sample check) apart; the posterior of each free parameter; the
per-generation diagnostics. Writes the posterior marginals and pairwise
plots as PNG into IMAGES. `score calibrate --report DOC` runs it.
Needs h5py and matplotlib (Debian: python3-h5py, python3-matplotlib).
"""
import argparse
import math
import os
import pathlib
import re
import sys

import h5py
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def text(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in values]


def wquantile(x, w, q):
    order = np.argsort(x, kind="stable")
    cum = np.cumsum(w[order])
    return float(x[order][np.searchsorted(cum, q * cum[-1])])


def band(x, w):
    return tuple(wquantile(x, w, q) for q in (0.05, 0.5, 0.95))


def fmt(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"


def read(path):
    with h5py.File(path, "r") as f:
        e = {k: f[k][()] for k in f.keys()}
        e["attrs"] = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in f.attrs.items()}
    for k in ("parameter", "target", "target_kind", "target_reported", "target_source"):
        e[k] = text(e[k])
    return e


def target_rows(e, which):
    """Markdown rows for the targets `which` selects (index -> bool)."""
    g = int(e["attrs"]["posterior_generation"])
    w0, w = e["weight"][0], e["weight"][g]
    rows = ["| target | source | reported | prior median (90%) | posterior median (90%) | inside |",
            "|---|---|---:|---:|---:|:---:|"]
    for i, name in enumerate(e["target"]):
        if not which(i):
            continue
        prior, post = band(e["simulated"][0][:, i], w0), band(e["simulated"][g][:, i], w)
        lo, hi = wquantile(e["band_lo"][g][:, i], w, 0.5), wquantile(e["band_hi"][g][:, i], w, 0.5)
        inside = lo <= post[1] <= hi
        rows.append(f"| {name} | {e['target_source'][i] or 'n/a'} | {e['target_reported'][i]} | "
                    f"{fmt(prior[1])} ({fmt(prior[0])} to {fmt(prior[2])}) | "
                    f"{fmt(post[1])} ({fmt(post[0])} to {fmt(post[2])}) | {'yes' if inside else 'NO'} |")
    return rows


def parameter_rows(e):
    g = int(e["attrs"]["posterior_generation"])
    w = e["weight"][g]
    rows = ["| parameter | prior | posterior median | 90% interval |", "|---|---|---:|---:|"]
    for j, name in enumerate(e["parameter"]):
        lo, med, hi = band(e["theta"][g][:, j], w)
        scale = "log-uniform" if e["prior_log"][j] else "uniform"
        rows.append(f"| `{name}` | {scale} {fmt(e['prior_lo'][j])} to {fmt(e['prior_hi'][j])} | {fmt(med)} | "
                    f"{fmt(lo)} to {fmt(hi)} |")
    return rows


def generation_rows(e):
    rows = ["| generation | tolerance | moves per particle | acceptance | effective sample size | runs |",
            "|---:|---:|---:|---:|---:|---:|"]
    population = int(e["attrs"]["population"])
    for g in range(len(e["tolerance"])):
        tol = "prior" if math.isinf(e["tolerance"][g]) else f"{e['tolerance'][g]:.3g}"
        moves = "n/a" if g == 0 else f"{int(e['attempts'][g]) // population}"
        rows.append(f"| {g} | {tol} | {moves} | {e['acceptance_rate'][g]:.1%} | "
                    f"{e['effective_sample_size'][g]:.0f} | {int(e['runs'][g]):,} |")
    return rows


def plots(e, images, stem):
    """Posterior marginals (prior range as the axis) and pairwise scatter, weights as alpha."""
    images.mkdir(parents=True, exist_ok=True)
    g = int(e["attrs"]["posterior_generation"])
    theta, w, names = e["theta"][g], e["weight"][g], e["parameter"]
    k = len(names)
    fig, axes = plt.subplots(k, k, figsize=(2.4 * k, 2.4 * k), squeeze=False)
    for a in range(k):
        for b in range(k):
            ax = axes[a][b]
            if a == b:
                ax.hist(theta[:, a], bins=20, weights=w, range=(e["prior_lo"][a], e["prior_hi"][a]), color="#4472c4")
            elif a > b:
                ax.scatter(theta[:, b], theta[:, a], s=6, alpha=0.6, c=w, cmap="viridis")
                ax.set_xlim(e["prior_lo"][b], e["prior_hi"][b])
                ax.set_ylim(e["prior_lo"][a], e["prior_hi"][a])
            else:
                ax.axis("off")
            if a == k - 1:
                ax.set_xlabel(names[b].split(".")[-1], fontsize=8)
            if b == 0 and a > 0:
                ax.set_ylabel(names[a].split(".")[-1], fontsize=8)
            ax.tick_params(labelsize=6)
    fig.suptitle("Posterior: marginals (diagonal, over the prior range) and pairs", fontsize=10)
    fig.tight_layout()
    pairs = images / f"{stem}_posterior.png"
    fig.savefig(pairs, dpi=90)
    plt.close(fig)
    return [pairs]


def report(e, doc, images, ensemble_name):
    stem = re.sub(r"[^\w-]", "_", e["attrs"]["calibration_name"])
    pngs = plots(e, images, stem)
    kinds, holdout = e["target_kind"], e["target_holdout"]
    a = e["attrs"]
    runs = int(np.sum(e["runs"]))
    name = a["calibration_name"]
    lines = [f"<!-- calibration report {name}: generated by `score calibrate ... --report` "
             f"(scripts/calibration_report.py {ensemble_name}) -->",
             f"Calibration `{a['calibration_name']}`: {len(e['tolerance']) - 1} generation(s) after the prior sample "
             f"of {a['population']} particles x {a['replications']} replication(s), {runs:,} runs, seed {a['seed']}; "
             f"stopped because {a['stop_reason']}. Medians and 90% bands are weighted quantiles of the particles' "
             "mean over their runs: the prior predictive (generation 0) and the posterior predictive (the last).",
             "", "**Fit targets** (they make the distance):", ""]
    lines += target_rows(e, lambda i: kinds[i] == "fit" and not holdout[i])
    lines += ["", "**Out of sample** (held out of the fit, predicted by the posterior):", ""]
    held = target_rows(e, lambda i: bool(holdout[i]))
    lines += held if len(held) > 2 else ["No target is held out."]
    lines += ["", "**Identities** (hold by construction; checked, never evidence of fit):", ""]
    lines += target_rows(e, lambda i: kinds[i] == "identity" and not holdout[i])
    lines += ["", "**Posterior of the free parameters:**", ""] + parameter_rows(e)
    for png in pngs:
        rel = os.path.relpath(png, doc.parent)
        lines += ["", f"![posterior marginals and pairs]({rel})"]
    lines += ["", "**Generations:**", ""] + generation_rows(e) + [f"<!-- end calibration report {name} -->"]
    block = "\n".join(lines)
    body = doc.read_text() if doc.exists() else ""
    # One generated block per calibration name, so a document can hold the
    # full fit and its out-of-sample check side by side.
    pattern = re.compile(rf"<!-- calibration report {re.escape(name)}:.*?<!-- end calibration report {re.escape(name)} -->", re.S)
    body = pattern.sub(lambda _: block, body) if pattern.search(body) else body.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ensemble")
    ap.add_argument("--doc", default="docs/calibration.md")
    ap.add_argument("--images", help="folder of the PNG figures (default: images/ next to the document)")
    args = ap.parse_args()
    doc = pathlib.Path(args.doc)
    images = pathlib.Path(args.images) if args.images else doc.parent / "images"
    try:
        e = read(args.ensemble)
    except (OSError, KeyError) as error:
        print(f"calibration_report.py: {args.ensemble}: not an ensemble file of score calibrate ({error})",
              file=sys.stderr)
        return 2
    report(e, doc, images, pathlib.Path(args.ensemble).name)
    print(f"rewrote the calibration report in {doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
