#!/usr/bin/env python3
"""A sweep of 200 history runs, by `score sweep` and through the Python
module (score.sweep on the same sweep file), in runs per second.

    PYTHONPATH=build/python python3 bench/python_sweep.py [--score build/engine/cli/score]
        [--points 50] [--replications 4] [--threads 2] [--repeat 3]

The sweep: Latin hypercube over the three Phase III levers of
bench/sweeps/history_1000.toml, 50 points x 4 replications of the full
history scenario. Both sides are timed from outside, wall clock, from the
call to the last outcome: `score sweep` including its results file,
score.sweep including its table. Each side runs --repeat times, alternating,
and the median is reported.
"""
import argparse
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import score

ROOT = pathlib.Path(__file__).resolve().parent.parent

SWEEP = """[sweep]
name = "python_bench"
scenario = "{scenario}"
design = "lhs"
points = {points}
seed = 2024
replications = {replications}

[[parameter]]
key = "phases.III.subsidy_share"
range = [0.1, 0.6]

[[parameter]]
key = "phases.III.buyer_share"
range = "scenario"

[[parameter]]
key = "funders.SECO.budget.III"
range = [7.0e6, 14.0e6]
"""


def time_cli(score_cli, sweep_file, out, threads):
    for stale in (out, out.parent / f".{out.name}.partial", out.parent / f".{out.name}.journal"):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run([score_cli, "sweep", str(sweep_file), "-q", "-o", str(out), "--threads", str(threads)],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def time_python(sweep_file, threads):
    start = time.perf_counter()
    table = score.sweep(sweep_file, threads=threads)
    elapsed = time.perf_counter() - start
    assert table["III.firms_trained"].notna().all()
    return elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--score", default=str(ROOT / "build" / "engine" / "cli" / "score"))
    ap.add_argument("--points", type=int, default=50)
    ap.add_argument("--replications", type=int, default=4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    runs = args.points * args.replications
    with tempfile.TemporaryDirectory() as work:
        work = pathlib.Path(work)
        sweep_file = work / "python_bench.toml"
        sweep_file.write_text(SWEEP.format(scenario=(ROOT / "scenarios" / "history.toml").as_posix(),
                                           points=args.points, replications=args.replications))
        cli, python = [], []
        for _ in range(args.repeat):
            cli.append(time_cli(args.score, sweep_file, work / "bench.h5", args.threads))
            python.append(time_python(sweep_file, args.threads))
    cli_rate, python_rate = runs / statistics.median(cli), runs / statistics.median(python)
    print(f"sweep of {runs} history runs ({args.points} points x {args.replications} replications), "
          f"{args.threads} threads, median of {args.repeat}")
    print(f"score sweep   {cli_rate:7.1f} runs/s  (wall s: {', '.join(f'{t:.2f}' for t in cli)})")
    print(f"score.sweep   {python_rate:7.1f} runs/s  (wall s: {', '.join(f'{t:.2f}' for t in python)})")
    print(f"python / cli  {python_rate / cli_rate:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
