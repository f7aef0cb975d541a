#!/usr/bin/env bash
# Runs the tests that signal, stop or kill `score` part-way (interrupts of
# run and seek, the output lock, random kills, killed sweeps and
# calibrations and their resumes) REPEATS times while a CPU burner per core keeps
# the machine loaded, each round with its own seed for the random kill times
# (SCORE_TEST_SEED=1..REPEATS). These tests wait on the command's readiness
# announcements, never on fixed delays, so load must not make them fail.
#
#   scripts/stress_interrupts.sh [REPEATS] [BUILD]   (defaults: 50, build)
#
# `make stress` builds what it needs first; CI runs it (.ci/run). A failing
# round prints its seed, program and log; replay it with
#   SCORE_TEST_SEED=N BUILD/tests/DIR/PROGRAM --gtest_filter='<its filter below>'
#
# The list: every test that sends score a signal (grep the tests for
# SIGINT, SIGTERM, SIGKILL and SignalledRun when adding one), by program.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-50}
build=${2:-build}
programs=(cli/test_cli sweep/test_sweep calibrate/test_calibrate)
filters=(
  'Cli.*Interrupt*:Cli.*Terminated*:Cli.*Signal*:Cli.*Sigint*:Cli.*Killed*:Cli.*Second*:Faults.*Killed*:Faults.*Resume*:Faults.*Interrupted*'
  'sweep_cli.AKilled*'
  'calibrate_cli.AKilled*'
)
for program in "${programs[@]}"; do
  [ -x "$build/tests/$program" ] || { echo "stress: $build/tests/$program missing; build with: make stress" >&2; exit 2; }
done

burners=()
stop_burners() { [ ${#burners[@]} -eq 0 ] || kill "${burners[@]}" 2>/dev/null || true; }
trap stop_burners EXIT
for _ in $(seq "$(nproc)"); do
  (while :; do :; done) &
  burners+=($!)
done

log=$(mktemp)
start=$SECONDS
for seed in $(seq "$repeats"); do
  for i in "${!programs[@]}"; do
    test=$build/tests/${programs[$i]}
    if ! SCORE_TEST_SEED=$seed "$test" --gtest_filter="${filters[$i]}" --gtest_brief=1 >"$log" 2>&1; then
      echo "stress: round $seed of $repeats failed in ${programs[$i]} (SCORE_TEST_SEED=$seed):" >&2
      cat "$log" >&2
      rm -f "$log"
      exit 1
    fi
  done
  echo "stress: round $seed of $repeats passed ($((SECONDS - start)) s so far)"
done
rm -f "$log"
echo "stress: $repeats rounds of the interrupt, lock, kill and resume tests (${programs[*]}) under load passed in $((SECONDS - start)) s"
