"""The throughput targets (many short runs, both cores, no output tax), each
measured for this engine and for a baseline engine in the same run, the two
interleaved so that a burst of someone else's load falls on both alike.

Used by bench/run.py --targets. An engine is its two executables, score and
score-bench, and the source tree whose scenario, sweep and calibration files
it runs; baseline_engine() builds one from a git revision, whose own files
(from git archive) it then runs: the engine before a change often cannot
load the files of the revision after it.
"""
import collections
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SWEEP_FIRMS, SWEEP_MONTHS = 80500, 192


def log(text):
    print(text, file=sys.stderr, flush=True)


# score and score-bench, and the tree whose files they run (`files_from`);
# `scratch`: the tree is a git archive of ours to add files to.
Engine = collections.namedtuple("Engine", "score bench files_from scratch", defaults=(ROOT, False))


def engine_file(engine, path, notes):
    """`path` (relative to the source tree) as `engine` runs it: its own
    tree's file, or, where its revision has none, this tree's file copied
    into its tree (so that relative scenario paths resolve to its own
    scenarios); the copy is noted."""
    own = os.path.join(engine.files_from, path)
    if os.path.exists(own):
        return own
    mine = os.path.join(ROOT, path)
    if not engine.scratch:
        notes.add(f"{path}: not in {engine.files_from}; the baseline ran this tree's file")
        return mine
    os.makedirs(os.path.dirname(own), exist_ok=True)
    shutil.copyfile(mine, own)
    notes.add(f"{path}: not in the baseline's revision; this revision's file, copied into its tree, "
              "runs over the baseline's own scenarios")
    return own


def baseline_engine(rev, build_dir):
    """Builds score and score-bench of git revision `rev` (its own sources,
    exported with git archive) in build_dir; returns its Engine, which runs
    the revision's own scenario, sweep and calibration files."""
    src = os.path.join(build_dir, "src")
    score = os.path.join(build_dir, "build", "engine", "cli", "score")
    bench = os.path.join(build_dir, "build", "bench", "score-bench")
    stamp = os.path.join(build_dir, "revision")
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", rev], check=True, capture_output=True,
                            text=True).stdout.strip()
    engine = Engine(score, bench, src, True)
    if os.path.exists(stamp) and open(stamp).read().strip() == commit and os.path.exists(bench):
        return engine
    shutil.rmtree(src, ignore_errors=True)
    os.makedirs(src)
    log(f"building the baseline engine {rev} ({commit[:10]}) in {build_dir}")
    archive = subprocess.run(["git", "-C", ROOT, "archive", commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
    launcher = ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", "-DCMAKE_C_COMPILER_LAUNCHER=ccache"] if shutil.which("ccache") else []
    build = os.path.join(build_dir, "build")
    subprocess.run(["cmake", "-S", src, "-B", build, "-DCMAKE_BUILD_TYPE=Release"] + launcher, check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build, "-j2", "--target", "score", "score-bench"], check=True,
                   stdout=subprocess.DEVNULL)
    with open(stamp, "w") as f:
        f.write(commit + "\n")
    return engine


def timed(cmd, env=None):
    """Runs cmd; returns (wall seconds, CPU seconds of the child, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, out


def bench_line(out):
    return dict(item.split("=", 1) for item in out.strip().splitlines()[-1].split("\t")[-1].split())


def sweep_runs(sweep_file):
    """Runs of a sweep file: points x replications, read from its [sweep] table."""
    import tomllib
    with open(sweep_file, "rb") as f:
        spec = tomllib.load(f)["sweep"]
    return int(spec["points"]) * int(spec.get("replications", 1))


def measure_sweep(score, sweep_file, threads, ranks=0):
    """runs/s and CPU ms per run of `score sweep`; ranks > 0: under mpirun."""
    tmp = tempfile.mkdtemp(prefix="score-targets-")
    try:
        cmd = [score, "sweep", sweep_file, "-o", os.path.join(tmp, "sweep.h5"), "--threads", str(threads), "-q"]
        env = None
        if ranks:
            cmd = ["mpirun", "-np", str(ranks), "--oversubscribe"] + cmd
            env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
        wall, cpu, _ = timed(cmd, env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    runs = sweep_runs(sweep_file)
    return {"runs_per_s": runs / wall, "cpu_ms_per_run": 1000 * cpu / runs}


def measure_calibrate(score, calibration_file, threads):
    """runs/s and CPU ms per run of `score calibrate`, every generation
    included; the runs are those it reports ("... N runs in ..." or, since
    December 2026, "... N runs of a budget of B in ...")."""
    tmp = tempfile.mkdtemp(prefix="score-targets-")
    try:
        wall, cpu, out = timed([score, "calibrate", calibration_file, "-o", os.path.join(tmp, "ensemble.h5"),
                                "--threads", str(threads), "-q"])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    runs = int(re.search(r"(\d+) runs (?:of a budget of \d+ )?in", out).group(1))
    return {"runs_per_s": runs / wall, "cpu_ms_per_run": 1000 * cpu / runs}


# The seek timed: the smallest Phase III budget of the main donor at which
# 2,200 enterprises are trained by the end of 2020 with probability 0.8. A
# target the range's cheapest end already meets ends after two values; this
# one bisects (12 values, 380 replications with the shipped history), so
# the figure is the bisection's, not the start-up's.
SEEK_ARGS = ["--lever", "funders.SECO.budget.III", "--range", "7e6", "14e6", "--target",
             "firms_trained_total >= 2200 at 2020-12", "--reps", "40", "--batch", "20"]


def measure_seek(score, history, threads):
    """runs/s and CPU ms per run of `score seek` on the history; the runs are
    the sum of its table's runs column (an undecided answer, exit 3, counts)."""
    cmd = [score, "seek", history] + SEEK_ARGS + ["--threads", str(threads)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 3):
        raise subprocess.CalledProcessError(proc.returncode, cmd, proc.stdout, proc.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rows = re.findall(r"^\s+[\d,.]+\s+(\d+)\s+\d+\s+[\d.]+\s+\[", proc.stdout, re.M)
    runs = sum(int(r) for r in rows)
    return {"runs_per_s": runs / wall, "cpu_ms_per_run": 1000 * cpu / runs}


def measure_one_replication(score, history, threads):
    """A whole `score run --reps 1` process of the history scenario."""
    tmp = tempfile.mkdtemp(prefix="score-targets-")
    try:
        cmd = [score, "run", history, "--reps", "1", "-q",
               "--threads", str(threads), "-o", os.path.join(tmp, "one.h5")]
        wall, cpu, _ = timed(cmd)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"wall_s": wall, "cpu_s": cpu}


def measure_bench(bench, args, keys):
    _, _, out = timed([bench] + args)
    line = bench_line(out)
    # A key an older engine does not report is n/a in the table.
    return {k: float(line[k]) if k in line else math.nan for k in keys}


# What an engine could not run, and why (its first line of error), for the
# table's header.
FAILED = set()


def attempt(label, name, measure, engine):
    """measure(engine), or None (logged, and added to FAILED) if the
    engine's process failed."""
    try:
        return measure(engine)
    except subprocess.CalledProcessError as e:
        err = [l for l in (e.stderr or e.stdout or "").strip().splitlines() if l.strip("- ")]
        why = err[0] if err else ""
        log(f"  {label}: {name} failed (exit {e.returncode}): {why}")
        FAILED.add(f"{label}: {name} failed (exit {e.returncode}): {why[:300]}")
        return None


def interleaved(label, engines, measure, samples):
    """measure(engine) for each engine in turn, `samples` rounds, the order of
    the engines alternating; per key the median of each engine and the median
    of the per-round ratios new/base."""
    rounds = []
    for i in range(samples):
        # Alternate which engine goes first: a process after another one
        # finds the caches and the page cache in a different state.
        order = engines if i % 2 == 0 else engines[::-1]
        got = {name: attempt(label, name, measure, engine) for name, engine in order}
        known = next((d for d in got.values() if d is not None), None)
        if known is None:
            raise RuntimeError(f"{label}: no engine could run it")
        # An engine that could not run it (a baseline that cannot load the
        # file, or lacks the command) gets no figure: n/a in the table.
        got = {name: got[name] if got[name] is not None else {k: math.nan for k in known} for name, _ in engines}
        log(f"  {label} [{i + 1}/{samples}] " + "; ".join(
            f"{n}: " + " ".join(f"{k}={v:.4g}" for k, v in d.items()) for n, d in got.items()))
        rounds.append(got)
    names = [n for n, _ in engines]
    out = {}
    def median(values):
        # NaN (a round an engine could not run, a key it does not report)
        # is left out; all NaN stays NaN.
        known = [v for v in values if not math.isnan(v)]
        return statistics.median(known) if known else math.nan

    for key in rounds[0][names[0]]:
        out[key] = {n: median([r[n][key] for r in rounds]) for n in names}
        if len(names) == 2:
            # A share measured as 0 (the batch without a file was no faster)
            # has no ratio: such rounds are left out of it.
            ratios = [r[names[0]][key] / r[names[1]][key] for r in rounds
                      if r[names[1]][key] != 0 and not math.isnan(r[names[1]][key])
                      and not math.isnan(r[names[0]][key])]
            out[key]["ratio"] = statistics.median(ratios) if ratios else float("nan")
    return out


TARGETS = ("sweep", "calibrate", "seek", "history20", "large", "one", "mpi")


def measure_all(engines, threads, sweep_file, samples, mpi_sweep_file, calibration_file, only=TARGETS, notes=None):
    """The targets named in `only` (TARGETS: all of them); engines:
    [(name, Engine)], this engine first. The files are relative to the
    source tree; each engine runs its own tree's copy (engine_file), and
    what was copied is added to `notes`."""
    res = {}
    notes = set() if notes is None else notes

    def own(e, path):
        return engine_file(e, path, notes)

    history = "scenarios/history.toml"
    if "sweep" in only:
        log(f"$ score sweep {sweep_file} --threads {threads}")
        res["sweep"] = interleaved("sweep", engines, lambda e: measure_sweep(e.score, own(e, sweep_file), threads), samples)
    if "calibrate" in only:
        log(f"$ score calibrate {calibration_file} --threads {threads}")
        res["calibrate"] = interleaved("calibrate", engines,
                                       lambda e: measure_calibrate(e.score, own(e, calibration_file), threads), samples)
    if "seek" in only:
        log(f"$ score seek scenarios/history.toml {' '.join(SEEK_ARGS)} --threads {threads}")
        res["seek"] = interleaved("seek", engines, lambda e: measure_seek(e.score, own(e, history), threads), samples)
    if "history20" in only:
        log("$ score-bench --history --runs 20")
        res["history20"] = interleaved(
            "history 20", engines,
            lambda e: measure_bench(e.bench, ["--history", "--runs", "20", "--repeat", "1", "--threads", str(threads)],
                                    ["runs_per_s", "output_share", "output_s", "output_floor_share", "output_floor_s",
                                     "speedup_batch", "wall_s"]), samples)
    if "large" in only:
        log("$ score-bench --config large --reps 2")
        res["large"] = interleaved(
            "large", engines,
            lambda e: measure_bench(e.bench, ["--config", "large", "--reps", "2", "--repeat", "1", "--threads",
                                           str(threads)],
                                    ["wall_s", "speedup_run", "speedup_batch", "enterprise_months_per_s",
                                     "bandwidth_share"]), samples)
    if "one" in only:
        log("$ score run scenarios/history.toml --reps 1")
        res["one"] = interleaved("one replication", engines, lambda e: measure_one_replication(e.score, own(e, history), threads),
                                 max(3, samples))
    if "mpi" in only and shutil.which("mpirun"):
        for ranks in (1, 2, 4):
            launcher = f"mpirun -np {ranks} --oversubscribe " if ranks > 1 else ""
            log(f"$ {launcher}score sweep {mpi_sweep_file} --threads 1")
            # A sweep with one rank is `score sweep` itself, on one thread.
            res[f"mpi{ranks}"] = interleaved(
                f"mpi {ranks}", engines,
                lambda e, r=ranks: measure_sweep(e.score, own(e, mpi_sweep_file), 1, 0 if r == 1 else r), samples)
    return res


def rel(path):
    return os.path.relpath(path, ROOT) if os.path.isabs(path) else path


def table(res, threads, names, files):
    """The issue's target table, markdown: each target, its limit, the figure
    of each engine, the command that measured it and the ratio of this engine
    to the baseline. files: the sweep, MPI sweep and calibration files."""
    base = len(names) == 2
    head = "| target | limit | " + " | ".join(names) + (f" | {names[0]} / {names[1]}" if base else "") + " | command |"
    lines = [head, "|---|---|" + "---|" * (len(names) + (1 if base else 0)) + "---|"]
    t = f"--threads {threads}"

    def row(target, limit, entry, fmt, command, higher_better=True):
        cells = ["n/a" if math.isnan(entry[n]) else fmt.format(entry[n]) for n in names]
        if base:
            # new / base: above 1 is better for a rate, below 1 for a time or share.
            ratio = "n/a" if math.isnan(entry["ratio"]) else f"{entry['ratio']:.2f}"
            cells.append(f"{ratio} ({'higher' if higher_better else 'lower'} is better)")
        lines.append(f"| {target} | {limit} | " + " | ".join(cells) + f" | `{command}` |")

    if "sweep" in res:
        sweep = f"score sweep {rel(files['sweep'])} {t}"
        sw = res["sweep"]
        row(f"sweep of history runs, {threads} threads (runs/s)", "≥ 150", sw["runs_per_s"], "{:.1f}", sweep)
        row("sweep, CPU per run (ms)", "", sw["cpu_ms_per_run"], "{:.1f}", sweep, higher_better=False)
    if "calibrate" in res:
        cal = f"score calibrate {rel(files['calibration'])} {t}"
        row(f"`score calibrate` end to end, {threads} threads (runs/s)", "≥ 150", res["calibrate"]["runs_per_s"],
            "{:.1f}", cal)
        row("calibrate, CPU per run (ms)", "", res["calibrate"]["cpu_ms_per_run"], "{:.1f}", cal,
            higher_better=False)
    if "seek" in res:
        seek = "score seek scenarios/history.toml " + " ".join(
            f'"{a}"' if " " in a else a for a in SEEK_ARGS) + f" {t}"
        row(f"`score seek` end to end, {threads} threads (runs/s)", "≥ 150", res["seek"]["runs_per_s"], "{:.1f}",
            seek)
        row("seek, CPU per run (ms)", "", res["seek"]["cpu_ms_per_run"], "{:.1f}", seek, higher_better=False)
    if "history20" in res:
        h = res["history20"]
        hist = f"score-bench --history --runs 20 {t}"
        row("output share, history, 20 replications", "≤ 5 %", h["output_share"], "{:.1%}", hist,
            higher_better=False)
        if "output_s" in h:
            # The share's numerator in seconds: a faster simulation raises the
            # share of an output that did not change.
            row("output, history, 20 replications, writer time (s)", "", h["output_s"], "{:.3f}", hist,
                higher_better=False)
        if "output_floor_share" in h:
            # The same bytes written with plain write(2), fsync'd and removed:
            # the share no writer of this many bytes can go below.
            row("output floor: the file's bytes written plainly, share", "", h["output_floor_share"], "{:.1%}",
                hist, higher_better=False)
            row("output floor: the file's bytes written plainly (s)", "", h["output_floor_s"], "{:.3f}", hist,
                higher_better=False)
        row(f"history batch of 20, runs/s ({threads} threads)", "", h["runs_per_s"], "{:.1f}", hist)
        row(f"1 → {threads} threads, batch of history runs", "≥ 1.9", h["speedup_batch"], "{:.2f}", hist)
    if "large" in res:
        lg = res["large"]
        large = f"score-bench --config large --reps 2 {t}"
        row(f"1 → {threads} threads, one run of 1 M firms", "≥ 1.7", lg["speedup_run"], "{:.2f}", large)
        row(f"1 → {threads} threads, batch of 2 runs of 1 M firms", "≥ 1.9", lg["speedup_batch"], "{:.2f}", large)
        row("1 M firms, one run, wall (s)", "≤ 1", lg["wall_s"], "{:.3f}", large, higher_better=False)
        row("1 M firms, enterprise-months/s", "", lg["enterprise_months_per_s"], "{:.3g}", large)
        if "bandwidth_share" in lg:
            row("1 M firms, share of STREAM bandwidth", "", lg["bandwidth_share"], "{:.2%}", large)
    if "one" in res:
        one = f"score run scenarios/history.toml --reps 1 {t}"
        row("one history replication end to end (s)", "≤ 0.05", res["one"]["wall_s"], "{:.3f}", one,
            higher_better=False)
        # Its CPU time (user + system, every thread): on a loaded machine the wall
        # time is mostly waiting for a core, the CPU time is what the engine spends.
        row("one history replication end to end, CPU (s)", "", res["one"]["cpu_s"], "{:.3f}", one,
            higher_better=False)
    for ranks in (1, 2, 4):
        if f"mpi{ranks}" in res:
            launcher = f"mpirun -np {ranks} --oversubscribe " if ranks > 1 else ""
            row(f"sweep with {ranks} MPI rank{'s' if ranks > 1 else ''} (runs/s, 1 thread each)"
                + (", no mpirun" if ranks == 1 else ", oversubscribed" if ranks > 2 else ""), "",
                res[f"mpi{ranks}"]["runs_per_s"], "{:.1f}", f"{launcher}score sweep {rel(files['mpi'])} --threads 1")
    return "\n".join(lines)
