#!/usr/bin/env python3
"""Calibration of the history scenario against the programme's reported figures.

  calibrate.py check  runs the history scenario and checks it with
                      `score calibrate TARGETS --check RESULTS` (model vs
                      target, exit 1 if any target is missed); --kind identity
                      or fit checks one kind only, --results FILE reads an
                      existing run instead of running
  calibrate.py run    runs the history scenario into --results FILE
  calibrate.py table  runs the history scenario as it is and, with --write,
                      regenerates the table in docs/calibration.md (the
                      history is the joint calibration's central set)
  calibrate.py fit    moves the parameters listed in the targets file, one at
                      a time, to the value that hits the target it drives
                      (bisection, common random numbers), for a few rounds,
                      and prints the values and the table; it writes nothing:
                      the history holds the joint calibration's central set,
                      written by `score calibrate
                      scenarios/calibration/history.toml --write-scenario`
                      (so `fit --write` is refused)

Targets and free parameters: scenarios/calibration/targets.toml. Targets of a
form this script does not check (dated metrics `at`, lower bounds `at_least`,
upper tails `up_to`) are skipped and listed with the model's value.
Needs h5py and numpy (Debian: python3-h5py).
"""
import argparse
import math
import pathlib
import re
import subprocess
import sys
import tempfile
import tomllib

import h5py
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGETS = ROOT / "scenarios" / "calibration" / "targets.toml"
DOC = ROOT / "docs" / "calibration.md"


def month_index(start, ym):
    y0, m0 = (int(x) for x in start.split("-"))
    y, m = (int(x) for x in ym.split("-"))
    return (y - y0) * 12 + (m - m0)


def run(score, scenario, reps, sets, out):
    cmd = [score, "run", str(scenario), "-q", "--reps", str(reps), "-o", str(out)]
    for key, value in sets.items():
        cmd += ["--set", f"{key}={value!r}"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def phase_value(f, target):
    phases = [p.decode() if isinstance(p, bytes) else p for p in f["phase"][:]]
    p = phases.index(target["phase"])
    values = f["phase_" + target["summary"] + "_all"][:, p]
    return float(np.nanmean(values))


def window_coverage(f, target):
    """Non-ILO, non-donor share of delivery cost in a country over a window,
    and the target mixed by the model's deliveries when it differs by module."""
    countries = [c.decode() if isinstance(c, bytes) else c for c in f["country"][:]]
    c = countries.index(target["country"])
    start = f.attrs["start"]
    start = start.decode() if isinstance(start, bytes) else start
    a, b = (month_index(start, ym) for ym in target["window"])
    sources = [s.decode() if isinstance(s, bytes) else s for s in f["source"][:]]
    others = [sources.index(s) for s in ("government", "buyer", "csr", "enterprise")]
    revenue = f["revenue_usd"][:, a:b + 1, c, :][:, :, others].sum()
    cost = f["delivery_cost_usd"][:, a:b + 1, c].sum()
    model = float(revenue / cost) if cost > 0 else math.nan
    if "value_by_module" in target:
        deliveries = f["module_deliveries"][:, a:b + 1, c, :].sum(axis=(0, 1))
        weights = deliveries / max(deliveries.sum(), 1)
        return model, float(np.dot(weights, target["value_by_module"]))
    return model, target["value"]


def evaluate(path, targets):
    """[(target, model value, target value, ok)] for one results file."""
    with h5py.File(path, "r") as f:
        return evaluate_results(f, targets)


def evaluate_results(f, targets):
    """evaluate() on results already open: anything indexed like an h5py
    file (f[name][...], f.attrs), such as the arrays of a score.run dataset
    (examples/calibration_plot.py)."""
    rows = []
    for t in targets:
        if "window" in t:
            model, goal = window_coverage(f, t)
        else:
            model, goal = phase_value(f, t), t.get("value")
        if "min" in t:
            ok = t["min"] <= model <= t["max"]
        elif "relative_tolerance" in t:
            ok = abs(model - goal) <= t["relative_tolerance"] * abs(goal)
        else:
            ok = abs(model - goal) <= t["absolute_tolerance"]
        rows.append((t, model, goal, ok))
    return rows


def describe_goal(t, goal):
    if "min" in t:
        return f"{t['min']:g} to {t['max']:g}"
    if "relative_tolerance" in t:
        return f"{goal:,.0f} ± {t['relative_tolerance']:.0%}"
    return f"{goal:.1%} ± {t['absolute_tolerance'] * 100:.0f} pp"


def describe_model(t, model):
    if "window" in t or "min" in t:
        return f"{model:.1%}" if "window" in t or t.get("max", 2) <= 1 else f"{model:.3g}"
    return f"{model:,.0f}" if abs(model) >= 100 else f"{model:.2f}"


def table(rows):
    lines = ["| target | kind | model | reported | within |", "|---|---|---:|---:|:---:|"]
    for t, model, goal, ok in rows:
        kind = t["kind"] + (" (fitted)" if t.get("fitted_by") else "")
        lines.append(f"| {t['name']} | {kind} | {describe_model(t, model)} | {describe_goal(t, goal)} | "
                     f"{'yes' if ok else 'NO'} |")
    return "\n".join(lines)


KINDS = {
    "identity": "identity targets: hold by construction (inputs and the payment rules give them back)",
    "fit": "fit targets: depend on the model's behaviour",
}


def known_form(t):
    """A phase summary or a window's cost coverage, reported as a point or a
    range: the forms this script evaluates. Dated metrics (`at`), lower
    bounds (`at_least`) and upper tails (`up_to`) are for `score calibrate`."""
    what = ("phase" in t and "summary" in t) or "window" in t
    how = "min" in t or "value" in t or "value_by_module" in t
    return what and how and not any(k in t for k in ("at", "at_least", "up_to"))


def drop_unknown_forms(config):
    """Leaves out the targets whose form this script does not know; returns them."""
    skipped = [t for t in config["target"] if not known_form(t)]
    config["target"] = [t for t in config["target"] if known_form(t)]
    return skipped


def dated_value(f, t):
    """A dated metric's mean over replications: a stock's level at the end of
    month `at`, a flow's sum from `from` (or the start) to `at`; one country
    or all."""
    start = f.attrs["start"]
    start = start.decode() if isinstance(start, bytes) else start
    data = f[t["metric"]]
    kind = data.attrs["kind"]
    kind = kind.decode() if isinstance(kind, bytes) else kind
    b = month_index(start, t["at"])
    a = month_index(start, t["from"]) if "from" in t else 0
    values = data[:, b:b + 1] if kind == "stock" else data[:, a:b + 1]
    if "country" in t:
        countries = [c.decode() if isinstance(c, bytes) else c for c in f["country"][:]]
        values = values[:, :, countries.index(t["country"])]
    return float(values.reshape(values.shape[0], -1).sum(axis=1).mean())


def show_skipped(path, skipped):
    """Names the skipped targets, with the model's value where this script can
    read it, as information: they are not checked here."""
    if not skipped:
        return
    print(f"skipped {len(skipped)} target(s) of a form this script does not check "
          "(dated metrics, lower bounds, upper tails); model values for information:")
    with h5py.File(path, "r") as f:
        for t in skipped:
            model = dated_value(f, t) if "at" in t else phase_value(f, t)
            goal = next(f"{k} {t[k]:,}" for k in ("value", "at_least", "up_to", "min") if k in t)
            print(f"  {t['name']} ({t['kind']}): model {model:,.4g}; reported {goal}")
    print()


def check_kinds(config):
    """Every target declares a kind the checker knows; a fit target a
    parameter drives is marked, since hitting it shows the fit converged
    rather than that the model explains it."""
    bad = [t["name"] for t in config["target"] if t.get("kind") not in KINDS]
    if bad:
        raise SystemExit(f"{TARGETS}: target(s) without kind = \"identity\" or \"fit\": {'; '.join(bad)}")
    for p in config["parameter"]:
        for t in config["target"]:
            if t["name"] == p["drives"]:
                t["fitted_by"] = p["key"]


def simulate(score, config, sets, reps, workdir):
    out = pathlib.Path(workdir) / "calibration.h5"
    run(score, TARGETS.parent / config["scenario"], reps, sets, out)
    return evaluate(out, config["target"])


def fit_one(score, config, sets, param, reps, workdir, steps):
    """Bisection on one parameter for the target it drives."""
    target = next(t for t in config["target"] if t["name"] == param["drives"])
    lo, hi = param["min"], param["max"]
    sign = -1 if param.get("decreasing") else 1
    for _ in range(steps):
        mid = (lo + hi) / 2
        sets[param["key"]] = round(mid, 6)
        rows = simulate(score, config, sets, reps, workdir)
        model = next(m for t, m, _, _ in rows if t is not None and t["name"] == target["name"])
        if sign * (model - target["value"]) < 0:
            lo = mid
        else:
            hi = mid
        print(f"  {param['key']} = {mid:.6g}: {target['name']} {model:,.1f} (target {target['value']:,})", flush=True)
    sets[param["key"]] = round((lo + hi) / 2, 6)


def write_doc(rows, sets, command):
    doc = DOC.read_text()
    params = "\n".join(f"| `{k}` | {v:g} |" for k, v in sets.items())
    block = (f"<!-- calibration table: generated by `{command}` -->\n{table(rows)}\n\n"
             f"| fitted parameter | value |\n|---|---:|\n{params}\n<!-- end calibration table -->")
    doc = re.sub(r"<!-- calibration table.*?<!-- end calibration table -->", lambda _: block, doc, flags=re.S)
    DOC.write_text(doc)


def current_values(config):
    scenario = tomllib.loads((TARGETS.parent / config["scenario"]).read_text())
    values = {}
    for p in config["parameter"]:
        node = scenario
        for part in p["key"].split("."):
            node = node[part]
        values[p["key"]] = node["value"] if isinstance(node, dict) else node
    return values


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["check", "fit", "run", "table"])
    ap.add_argument("--kind", choices=sorted(KINDS), help="check: only the targets of this kind")
    ap.add_argument("--results", help="run: where to write the history run; check: read it instead of running")
    ap.add_argument("--score", default=str(ROOT / "build" / "engine" / "cli" / "score"))
    ap.add_argument("--reps", type=int, help="replications of each fit evaluation (default: the targets file's)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--steps", type=int, default=8, help="bisection steps per parameter and round")
    ap.add_argument("--write", action="store_true", help="table: regenerate the docs table")
    args = ap.parse_args()
    if args.write and args.mode == "fit":
        ap.error("fit --write is retired: the history holds the joint calibration's central set, and a "
                 "bisection would overwrite three of its values; write a fit with `score calibrate "
                 "scenarios/calibration/history.toml --write-scenario` (docs/calibration.md)")
    if args.write and args.mode != "table":
        ap.error("--write is for table only (the table in docs/calibration.md)")
    config = tomllib.loads(TARGETS.read_text())
    check_kinds(config)
    skipped = drop_unknown_forms(config) if args.mode != "run" else []
    if args.mode == "run":
        if not args.results:
            ap.error("run needs --results FILE")
        run(args.score, TARGETS.parent / config["scenario"], config["replications"], {}, args.results)
        return 0
    if args.kind and args.mode != "check":
        ap.error("--kind is for check only: the fit needs every target")
    if args.kind:
        config["target"] = [t for t in config["target"] if t["kind"] == args.kind]
    if args.mode == "check":
        return check(args, config)
    reps = args.reps or config["replications"]
    with tempfile.TemporaryDirectory() as work:
        sets = current_values(config)
        if args.mode == "fit":
            for r in range(args.rounds):
                print(f"round {r + 1}", flush=True)
                for p in config["parameter"]:
                    fit_one(args.score, config, sets, p, reps, work, args.steps)
        # The table always comes from the targets file's replications, even
        # when the fit itself ran with fewer.
        rows = simulate(args.score, config, sets if args.mode == "fit" else {}, config["replications"], work)
        show_skipped(pathlib.Path(work) / "calibration.h5", skipped)
    if args.mode == "fit":
        print("fitted: " + ", ".join(f"{k} = {v:g}" for k, v in sets.items()) + "\n")
    elif args.mode == "table" and args.write:
        write_doc(rows, sets, "python3 scripts/calibrate.py table --write")
    return report(rows)


def check(args, config):
    """The check is the engine's own (`score calibrate TARGETS --check RESULTS`):
    run the history unless given --results, then let it judge every target."""
    with tempfile.TemporaryDirectory() as work:
        results = args.results
        if not results:
            results = pathlib.Path(work) / "history.h5"
            run(args.score, TARGETS.parent / config["scenario"], config["replications"], {}, results)
        cmd = [args.score, "calibrate", str(TARGETS), "--check", str(results)]
        return subprocess.run(cmd + (["--kind", args.kind] if args.kind else [])).returncode


def report(rows):
    """The table, one kind after the other, so a pass says what it proves; 1 if any target is missed."""
    for kind, heading in KINDS.items():
        mine = [r for r in rows if r[0]["kind"] == kind]
        if mine:
            print(f"{heading}: {sum(ok for *_, ok in mine)} of {len(mine)} within\n{table(mine)}\n")
    missed = [t["name"] for t, _, _, ok in rows if not ok]
    if missed:
        print("missed: " + "; ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
