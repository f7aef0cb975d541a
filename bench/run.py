#!/usr/bin/env python3
"""Runs the benchmark configurations, one score-bench process each (a clean
peak memory per configuration), and writes the tables of docs/performance.md.

    python3 bench/run.py --bench build-bench/bench/score-bench [--threads 2]
                         [--score build-bench/engine/cli/score]
                         [--only small,large,huge,history,sweep] [--processes N]
                         [--repeat-scale 1] [--out FILE.md] [--raw FILE.txt]

The raw key=value lines are appended to --raw so a table can be rebuilt or
compared later; --from-raw FILE rebuilds the tables without running.

    python3 bench/run.py --targets --bench build-bench/bench/score-bench
                         --score build-bench/engine/cli/score [--baseline-rev REV]
                         [--baseline-score S --baseline-bench B [--baseline-src DIR]]
                         [--samples 3] [--sweep FILE] [--calibration FILE] [--out FILE.md]

--targets prints the throughput targets instead (sweep, calibrate and seek
runs/s, output share, 1 -> 2 thread speed-ups, one replication end to end,
MPI with 1, 2 and 4 ranks), each with the command that measured it and
measured for this engine and, with --baseline-rev, for the
engine of that git revision (built once in --baseline-dir), interleaved in
the same run, with the ratio this / baseline.
"""
import argparse
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time

# name -> (processes, score-bench arguments besides --threads). Each
# configuration runs in `processes` separate score-bench processes (a clean
# peak memory each) and every figure is the median over them, so that a burst
# of load from someone else's build moves one sample, not the table. Fixed
# seeds live in bench/synthetic.cpp (named_size) and scenarios/history.toml.
CONFIGS = {
    "small": (3, ["--config", "small", "--reps", "4", "--repeat", "3", "--profile"]),
    "large": (3, ["--config", "large", "--reps", "2", "--repeat", "1", "--profile"]),
    "huge": (1, ["--config", "huge", "--reps", "0", "--repeat", "1", "--profile"]),
    "history": (3, ["--history", "--runs", "40", "--repeat", "1"]),
    # Not score-bench: `score sweep` on a 1,000-run sweep of the history
    # scenario, timed from outside, as a researcher would launch it.
    "sweep": (3, ["bench/sweeps/history_1000.toml"]),
}
SWEEP_RUNS = 1000
SWEEP_FIRMS, SWEEP_COUNTRIES, SWEEP_MONTHS = 80500, 12, 192

PROCESSES = ["setup", "begin_month", "run_programme", "train_trainers", "spread_awareness",
             "decide_enrolment", "allocate_seats", "progress_training", "settle_providers",
             "record_metrics"]


def parse(line):
    return dict(item.split("=", 1) for item in line.split())


def num(d, key):
    return float(d[key]) if key in d else None


def fmt(x, spec="{:.3g}", none="n/a"):
    return none if x is None else spec.format(x)


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "")
        with open("/proc/meminfo") as f:
            mem = int(f.readline().split()[1]) / 2**20
    except OSError:
        mem = 0
    return f"{os.cpu_count()} cores ({model}), {mem:.1f} GiB, {platform.system()} {platform.release()}"


def median_line(lines):
    """Per-key median over several parsed lines; identical only if all say yes."""
    out = dict(lines[0])
    for key in out:
        values = [l.get(key) for l in lines]
        try:
            xs = sorted(float(v) for v in values)
        except (TypeError, ValueError):
            continue
        k = len(xs) // 2
        m = xs[k] if len(xs) % 2 else 0.5 * (xs[k - 1] + xs[k])
        out[key] = repr(int(m)) if m.is_integer() and "." not in values[0] and "e" not in values[0] else repr(m)
    if "identical" in out:
        out["identical"] = "yes" if all(l.get("identical") == "yes" for l in lines) else "no"
    out["processes"] = str(len(lines))
    return out


def run(bench, name, threads, repeat_scale):
    args = list(CONFIGS[name][1])
    if repeat_scale != 1 and "--repeat" in args:
        i = args.index("--repeat") + 1
        args[i] = str(max(1, round(int(args[i]) * repeat_scale)))
    cmd = [bench] + args + ["--threads", str(threads)]
    print("$ " + " ".join(shlex.quote(c) for c in cmd), file=sys.stderr, flush=True)
    t0 = time.time()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    print(f"  ({time.time() - t0:.0f} s) {out}", file=sys.stderr, flush=True)
    return " ".join(cmd[1:]), out


def run_sweep(score, threads):
    """Times `score sweep` on the 1,000-run history sweep; one key=value line."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(tempfile.mkdtemp(prefix="score-bench-sweep-"), "sweep.h5")
    cmd = [score, "sweep", os.path.join(root, CONFIGS["sweep"][1][0]), "-o", out, "--threads", str(threads)]
    print("$ " + " ".join(shlex.quote(c) for c in cmd), file=sys.stderr, flush=True)
    t0 = time.time()
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall = time.time() - t0
    os.remove(out)
    os.rmdir(os.path.dirname(out))
    line = (f"config=sweep firms={SWEEP_FIRMS} countries={SWEEP_COUNTRIES} months={SWEEP_MONTHS} threads={threads} "
            f"runs={SWEEP_RUNS} wall_s={wall:.4g} runs_per_s={SWEEP_RUNS / wall:.4g} "
            f"enterprise_months_per_s={SWEEP_FIRMS * SWEEP_MONTHS * SWEEP_RUNS / wall:.4g}")
    print(f"  ({wall:.0f} s) {line}", file=sys.stderr, flush=True)
    # The command as the raw file records it: relative paths, no temporary name.
    return f"sweep {CONFIGS['sweep'][1][0]} -o sweep.h5 --threads {threads}", line


def tables(results, threads):
    """results: list of (name, command, parsed)."""
    by = {name: d for name, _, d in results}
    lines = []
    lines.append("| configuration | firms | countries | months | wall (s) | enterprise-months/s | peak RSS (MiB) "
                 "| bytes/firm | speed-up run 1→%d | speed-up batch 1→%d | runs/s | output share | model GB/s "
                 "| STREAM GB/s | share of STREAM | identical |" % (threads, threads))
    lines.append("|" + "---|" * 16)
    for name, _, d in results:
        runs = num(d, "runs_per_s") if "runs_per_s" in d else num(d, "batch_runs_per_s")
        share = num(d, "output_share")
        lines.append("| " + " | ".join([
            name, f"{int(d['firms']):,}", d["countries"], d["months"],
            fmt(num(d, "wall_s")), fmt(num(d, "enterprise_months_per_s"), "{:.3g}"),
            fmt(num(d, "peak_rss_bytes") / 2**20 if "peak_rss_bytes" in d else None, "{:.0f}"),
            fmt(num(d, "bytes_per_firm"), "{:.0f}") if name not in ("history", "sweep") else "",
            fmt(num(d, "speedup_run"), "{:.2f}") if name not in ("history", "sweep") else "",
            fmt(num(d, "speedup_batch"), "{:.2f}"),
            fmt(runs, "{:.3g}"),
            fmt(100 * share, "{:.1f} %") if share is not None else "n/a",
            fmt(num(d, "model_bytes_per_s") / 1e9 if "model_bytes_per_s" in d else None, "{:.2f}"),
            fmt(num(d, "stream_triad_bytes_per_s") / 1e9 if "stream_triad_bytes_per_s" in d else None, "{:.1f}"),
            fmt(100 * num(d, "bandwidth_share") if "bandwidth_share" in d else None, "{:.1f} %"),
            d.get("identical", "n/a"),
        ]) + " |")

    # Targets.
    def row(target, limit, measured, ok):
        verdict = "n/a" if ok is None else ("met" if ok else "**missed**")
        lines.append(f"| {target} | {limit} | {measured} | {verdict} |")

    lines.append("")
    lines.append("| target | limit | measured | verdict |")
    lines.append("|---|---|---|---|")
    large, huge, small, hist, sweep = (by.get(k) for k in ("large", "huge", "small", "history", "sweep"))
    if large:
        w = num(large, "wall_s")
        row(f"large (1 M firms, 264 months), one run, {threads} threads", "≤ 1 s", f"{w:.2f} s", w <= 1.0)
    if huge:
        w = num(huge, "wall_s")
        row(f"huge (10 M firms), one run, {threads} threads", "≤ 10 s", f"{w:.1f} s", w <= 10.0)
        b = num(huge, "bytes_per_firm")
        row("huge, peak memory per firm", "≤ 128 B", f"{b:.0f} B", b <= 128)
    if large and huge:
        g = (num(huge, "wall_s") / int(huge["firms"])) / (num(large, "wall_s") / int(large["firms"]))
        row("cost per firm, huge / large", "≤ 1 (no faster than the population)", f"{g:.2f}", g <= 1.05)
    if small and "speedup_batch" in small:
        s = num(small, "speedup_batch")
        row(f"speed-up 1→{threads} threads, batch of {small.get('reps')} replications (small)", "≥ 1.8", f"{s:.2f}", s >= 1.8)
    if hist and "speedup_batch" in hist:
        s = num(hist, "speedup_batch")
        row(f"speed-up 1→{threads} threads, batch of {hist.get('runs')} history runs", "≥ 1.8", f"{s:.2f}", s >= 1.8)
    if large and "speedup_run" in large:
        s = num(large, "speedup_run")
        row(f"speed-up 1→{threads} threads, one run of large", "≥ 1.5", f"{s:.2f}", s >= 1.5)
    if sweep:
        r = num(sweep, "runs_per_s")
        row(f"sweep of {sweep.get('runs')} history runs (`score sweep`, full population)", "≥ 20 runs/s",
            f"{r:.1f} runs/s", r >= 20)
    if hist:
        r = num(hist, "runs_per_s")
        row(f"{hist.get('runs')} history replications with full results (`score run`'s writer)", "≥ 20 runs/s",
            f"{r:.1f} runs/s", r >= 20)
        if "output_share" in hist:
            o = num(hist, "output_share")
            row("output writing, history replications", "≤ 5 %", f"{100 * o:.1f} %", o <= 0.05)
    for name in ("small", "large", "huge"):
        d = by.get(name)
        if d and "output_share" in d:
            o = num(d, "output_share")
            row(f"output writing, one run of {name}", "≤ 5 %", f"{100 * o:.2f} %", o <= 0.05)
        if d and "batch_output_share" in d:
            o = num(d, "batch_output_share")
            row(f"output writing, batch of {d.get('reps')} replications of {name}", "≤ 5 %", f"{100 * o:.1f} %",
                o <= 0.05)
    checked = [(n, d) for n, _, d in results if "identical" in d]
    row(f"bit-identical results, 1 and {threads} threads", "yes", ", ".join(f"{n}: {d['identical']}" for n, d in checked),
        all(d["identical"] == "yes" for _, d in checked))

    # Per-process shares.
    profiled = [(n, d) for n, _, d in results if "share_setup" in d]
    if profiled:
        lines.append("")
        lines.append("| process | " + " | ".join(f"{n} ({fmt(num(d, 'profile_s'))} s)" for n, d in profiled) + " |")
        lines.append("|---|" + "---|" * len(profiled))
        for p in PROCESSES:
            lines.append(f"| {p} | " + " | ".join(fmt(100 * num(d, 'share_' + p), "{:.1f} %") for _, d in profiled) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default="build-bench/bench/score-bench")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--score", default="build-bench/engine/cli/score", help="the score tool, for the sweep")
    ap.add_argument("--only", default="small,large,huge,history,sweep")
    ap.add_argument("--repeat-scale", type=float, default=1.0, help="multiply every --repeat")
    ap.add_argument("--processes", type=int, help="score-bench processes per configuration (default: per configuration)")
    ap.add_argument("--out", help="markdown tables (default: stdout)")
    ap.add_argument("--raw", help="append the raw key=value lines here")
    ap.add_argument("--from-raw", help="rebuild the tables from a raw file, run nothing")
    ap.add_argument("--targets", action="store_true", help="the throughput targets' table (bench/targets.py)")
    ap.add_argument("--baseline-rev", help="with --targets: also measure the engine of this git revision")
    ap.add_argument("--baseline-dir", default="build-bench-baseline", help="where the baseline engine is built")
    ap.add_argument("--baseline-score", help="with --targets: a baseline engine already built (its score) ...")
    ap.add_argument("--baseline-bench", help="... and its score-bench (instead of --baseline-rev)")
    ap.add_argument("--baseline-src", help="... and the source tree whose scenario and sweep files it runs "
                    "(default: this tree's)")
    ap.add_argument("--samples", type=int, default=3, help="with --targets: rounds per target (medians)")
    ap.add_argument("--sweep", default="bench/sweeps/history_200.toml", help="with --targets: the sweep timed")
    ap.add_argument("--mpi-sweep", default="bench/sweeps/history_40.toml", help="with --targets: the MPI sweep")
    ap.add_argument("--target-set", default=",".join(targets_names()),
                    help="with --targets: which targets, comma-separated (default: all)")
    ap.add_argument("--calibration", default="bench/calibration/history_120.toml",
                    help="with --targets: the calibration timed end to end")
    a = ap.parse_args()
    if a.targets:
        return run_targets(a)

    results = []
    if a.from_raw:
        grouped = {}
        with open(a.from_raw) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                name, _, rest = line.partition("\t")
                grouped.setdefault(name, []).append(parse(rest))
        results = [(name, "", median_line(lines)) for name, lines in grouped.items()]
    else:
        load = os.getloadavg()[0]
        names = [n.strip() for n in a.only.split(",") if n.strip()]
        for name in names:
            lines = []
            for _ in range(a.processes or CONFIGS[name][0]):
                if name == "sweep":
                    command, line = run_sweep(a.score, a.threads)
                else:
                    command, line = run(a.bench, name, a.threads, a.repeat_scale)
                lines.append(parse(line))
                if a.raw:
                    with open(a.raw, "a") as f:
                        tool = "score" if name == "sweep" else "score-bench"
                        f.write(f"# {tool} {command}\n{name}\t{line}\n")
            results.append((name, command, median_line(lines)))
        header = (f"Machine: {machine()}; load average {load:.2f} before, {os.getloadavg()[0]:.2f} after; "
                  f"{time.strftime('%Y-%m-%d %H:%M')}.\n\n")
    text = (header if not a.from_raw else "") + tables(results, a.threads) + "\n"
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    sys.stdout.write(text)


def targets_names():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import targets
    return targets.TARGETS


def rel_or_abs(path, root):
    if os.path.abspath(path) == os.path.abspath(root):
        return "this tree"
    inside = os.path.abspath(path).startswith(os.path.abspath(root) + os.sep)
    return os.path.relpath(path, root) if inside else path


def run_targets(a):
    import targets
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    engines = [("this", targets.Engine(a.score, a.bench))]
    if a.baseline_rev:
        engines.append((a.baseline_rev, targets.baseline_engine(a.baseline_rev, os.path.abspath(a.baseline_dir))))
    elif a.baseline_score and a.baseline_bench:
        engines.append(("baseline", targets.Engine(a.baseline_score, a.baseline_bench,
                                                   os.path.abspath(a.baseline_src or root))))
    load = os.getloadavg()[0]
    # Relative to a source tree: each engine runs its own tree's copy.
    files = {"sweep": os.path.relpath(os.path.join(root, a.sweep), root),
             "mpi": os.path.relpath(os.path.join(root, a.mpi_sweep), root),
             "calibration": os.path.relpath(os.path.join(root, a.calibration), root)}
    only = [n.strip() for n in a.target_set.split(",") if n.strip()]
    notes = set()
    res = targets.measure_all(engines, a.threads, files["sweep"], a.samples, files["mpi"], files["calibration"], only,
                              notes)
    own = ""
    if len(engines) == 2:
        own = (f"Each engine ran its own tree's scenario, sweep and calibration files (the baseline's: "
               f"{rel_or_abs(engines[1][1].files_from, root)}).\n"
               + "".join(f"- {n}\n" for n in sorted(notes | targets.FAILED)) + "\n")
    text = (f"Machine: {machine()}; load average {load:.2f} before, {os.getloadavg()[0]:.2f} after; "
            f"{time.strftime('%Y-%m-%d %H:%M')}; medians of {a.samples} interleaved rounds.\n\n" + own
            + targets.table(res, a.threads, [n for n, _ in engines], files) + "\n")
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
