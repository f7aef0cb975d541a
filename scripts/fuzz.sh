#!/usr/bin/env bash
# Runs every libFuzzer fuzzer for SECONDS each (default: $FUZZ_SECONDS, else
# 12), from seed corpora made here and the corpus grown by earlier runs, and
# prints executions per fuzzer. Any crash fails the script and leaves its
# input in BUILD/fuzz/artifacts: copy it to fuzz/regressions/NAME/ and fix.
#
#   scripts/fuzz.sh [SECONDS] [BUILD]     (BUILD: the sanitized build, default build-asan)
#
# `make fuzz` builds the fuzzers first; `make fuzz FUZZ_SECONDS=3600` fuzzes
# for an hour per fuzzer. docs/reliability.md records the counts reached.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${FUZZ_SECONDS:-12}}
build=${2:-build-asan}
root=$build/fuzz
score=$build/engine/cli/score
fuzzers=(scenario overrides sweep_file results sweep_results)

for f in "${fuzzers[@]}"; do
  [ -x "$root/fuzz_$f" ] || { echo "fuzz: $root/fuzz_$f missing; build with: make fuzz" >&2; exit 2; }
done

# Seeds, remade on every run: the shipped scenarios and sweep files, the
# bad-input catalogue, overrides one per file, and results files written by
# this build's own score (small, so that mutations reach every structure).
seeds=$root/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{scenario,overrides,sweep_file,results,sweep_results} "$root"/{corpus,artifacts,logs}
cp scenarios/*.toml tests/sweep/data/*.toml "$seeds/scenario/"
cp tests/bad_inputs/*.toml "$seeds/scenario/" 2>/dev/null || true
cp fuzz/seeds/untrusted_names.toml "$seeds/scenario/"
cp scenarios/sweeps/*.toml fuzz/seeds/tiny_sweep.toml "$seeds/sweep_file/"
n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '%s' "$line" >"$seeds/overrides/line$n"
done <fuzz/seeds/overrides.txt
cp fuzz/seeds/overrides.txt "$seeds/overrides/all"
small=tests/sweep/data/small_scenario.toml
"$score" run "$small" --reps 1 -q --threads 1 -o "$seeds/results/one_rep.h5" >/dev/null
"$score" run "$small" --reps 2 -q --threads 1 -o "$seeds/results/two_reps.h5" >/dev/null
"$score" sweep fuzz/seeds/tiny_sweep.toml -q --threads 1 -o "$seeds/sweep_results/tiny.h5" >/dev/null

# Earlier findings first: each must now pass.
status=0
for f in "${fuzzers[@]}"; do
  if compgen -G "fuzz/regressions/$f/*" >/dev/null; then
    if ! "$root/fuzz_$f" -runs=1 fuzz/regressions/$f/* >"$root/logs/$f.regressions" 2>&1; then
      echo "fuzz: $f fails on a regression input (fuzz/regressions/$f); log: $root/logs/$f.regressions" >&2
      status=1
    fi
  fi
done

printf '%-15s %8s %12s %10s %8s\n' fuzzer seconds executions "execs/s" corpus
for f in "${fuzzers[@]}"; do
  dict=()
  case $f in scenario | overrides | sweep_file) dict=(-dict=fuzz/score.dict) ;; esac
  mkdir -p "$root/corpus/$f"
  log=$root/logs/$f.log
  # Leak checks stay on; -rss_limit_mb keeps a runaway allocation a finding.
  rc=0
  "$root/fuzz_$f" "${dict[@]}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
    -print_final_stats=1 -artifact_prefix="$root/artifacts/$f-" "$root/corpus/$f" "$seeds/$f" >"$log" 2>&1 || rc=$?
  # The innermost frame that is HDF5's or ours says whose bug a finding is.
  # Either fails the run: the results readers read every file in a child
  # process first (engine/output/contained_read.hpp), so HDF5's own crashes
  # and hangs on damaged files (docs/reliability.md) must end as errors, and
  # one that reaches the fuzzer means that check missed it.
  culprit=$(grep -E '^ *#[0-9]+ ' "$log" | grep -m1 -oE 'libhdf5|score::' || true)
  if [ $rc -ne 0 ]; then
    echo "fuzz: $f found a problem${culprit:+ (innermost frame: $culprit)}; its input is in $root/artifacts/, the log in $log:" >&2
    grep -E "ERROR|SUMMARY|Test unit written|==[0-9]+==" "$log" | head -20 >&2 || tail -20 "$log" >&2
    status=1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  printf '%-15s %8s %12s %10s %8s\n' "$f" "$seconds" "${execs:-?}" "${rate:-?}" "$(ls "$root/corpus/$f" | wc -l)"
done
exit $status
