#!/usr/bin/env bash
# Runs the tests that signal, stop or kill `score` part-way (interrupts, the
# output lock, random kills) REPEATS times while a CPU burner per core keeps
# the machine loaded, each round with its own seed for the random kill times
# (SCORE_TEST_SEED=1..REPEATS). These tests wait on the command's readiness
# announcements, never on fixed delays, so load must not make them fail.
#
#   scripts/stress_interrupts.sh [REPEATS] [BUILD]   (defaults: 50, build)
#
# `make stress` builds what it needs first; CI runs it (.ci/run). A failing
# round prints its seed and log; replay it with
#   SCORE_TEST_SEED=N BUILD/tests/cli/test_cli --gtest_filter='<the filter below>'
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-50}
build=${2:-build}
test=$build/tests/cli/test_cli
filter='Cli.*Interrupt*:Cli.*Terminated*:Cli.*Signal*:Cli.*Sigint*:Cli.*Killed*:Cli.*Second*'
filter+=':Faults.*Killed*:Faults.*Resume*:Faults.*Interrupted*'
[ -x "$test" ] || { echo "stress: $test missing; build with: make stress" >&2; exit 2; }

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
  if ! SCORE_TEST_SEED=$seed "$test" --gtest_filter="$filter" --gtest_brief=1 >"$log" 2>&1; then
    echo "stress: round $seed of $repeats failed (SCORE_TEST_SEED=$seed):" >&2
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
done
rm -f "$log"
echo "stress: $repeats rounds of the interrupt, lock and kill tests under load passed in $((SECONDS - start)) s"
