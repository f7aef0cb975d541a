#!/usr/bin/env bash
# Runs the whole ctest suite ROUNDS times in a row while a real build loads
# the machine, and stops at the first failing round: the check that the
# suite passes on a busy machine, not only on an idle one.
#
#   scripts/repeat_tests.sh [ROUNDS] [BUILD]   (defaults: 20, build)
#
# BUILD must be built (`make build`). The load is a from-scratch build of
# `score`, file by file and without ccache, in BUILD-load (configured on
# first use, kept for the next time), cleaned and started again whenever it
# ends, with LOAD_JOBS compile jobs (default: the number of cores); the
# suite runs with JOBS (default: the number of cores). Each round prints its
# result and wall time; a failing round prints ctest's output of the
# failures and the script exits 1. The load build is stopped on exit.
# REPEAT_TESTS=REGEX repeats only the tests it matches (ctest -R).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
build=${2:-build}
jobs=${JOBS:-$(nproc)}
load_jobs=${LOAD_JOBS:-$(nproc)}
load_dir=$build-load
[ -f "$build/CTestTestfile.cmake" ] || { echo "repeat: $build is not a configured build; run: make build" >&2; exit 2; }

if [ ! -f "$load_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$load_dir" -DCMAKE_BUILD_TYPE=Release -DSCORE_UNITY_BUILD=OFF -DSCORE_BUILD_BENCH=OFF \
    -DSCORE_BUILD_VIEWER=OFF -DSCORE_BUILD_PYTHON=OFF >/dev/null
fi
# The load: its own process group, so that stopping it stops its compilers.
set -m
(
  while :; do
    cmake --build "$load_dir" --target clean >/dev/null 2>&1 || true
    CCACHE_DISABLE=1 nice -n 5 cmake --build "$load_dir" -j "$load_jobs" --target score >/dev/null 2>&1 || sleep 1
  done
) &
load=$!
set +m
stop_load() { kill -- -"$load" 2>/dev/null || true; }
trap stop_load EXIT

log=$(mktemp)
start=$SECONDS
for round in $(seq "$rounds"); do
  began=$SECONDS
  if ! ctest --test-dir "$build" -j "$jobs" --output-on-failure ${REPEAT_TESTS:+-R "$REPEAT_TESTS"} >"$log" 2>&1; then
    echo "repeat: round $round of $rounds FAILED after $((SECONDS - began)) s:" >&2
    sed -n '/tests failed out of/,$p' "$log" >&2
    grep -B2 -A40 -E '\*\*\*(Failed|Timeout|Exception)' "$log" | head -200 >&2 || true
    rm -f "$log"
    exit 1
  fi
  echo "repeat: round $round of $rounds passed in $((SECONDS - began)) s ($(grep -Eo 'out of [0-9]+' "$log" | tail -1 | cut -d' ' -f3) tests, load $(cut -d' ' -f1 /proc/loadavg))"
done
rm -f "$log"
echo "repeat: $rounds rounds of the whole suite passed under a build's load in $((SECONDS - start)) s"
