# Entry points. `make run` and `make test` set everything up first.
BUILD ?= build
JOBS  ?= $(shell nproc)
SCENARIO ?= scenarios/history.toml

.PHONY: all setup configure build build-score run test repeat clean asan-build asan tsan fuzz stress format format-check

all: build

setup:
	@bash scripts/setup.sh

# UNITY=ON compiles the engine in batches (cmake/unity.cmake): the first
# build of `score` takes about a third of the CPU time. UNITY=OFF builds
# file by file.
UNITY ?= ON

configure: setup
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DSCORE_UNITY_BUILD=$(UNITY)

build: configure
	cmake --build $(BUILD) -j $(JOBS)

# Only what `make run` runs: the score command, not the tests, benchmarks
# or viewer, so that a fresh clone's first result does not wait for them.
build-score: configure
	cmake --build $(BUILD) -j $(JOBS) --target score

run: build-score
	$(BUILD)/engine/cli/score run $(SCENARIO)

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The whole suite ROUNDS times in a row while a from-scratch build of score
# loads the machine, stopping at the first failure (scripts/repeat_tests.sh).
ROUNDS ?= 20
repeat: build
	bash scripts/repeat_tests.sh $(ROUNDS) $(BUILD)

# The tests that signal, stop or kill score part-way, STRESS_REPEATS times
# (seeds 1..N) with a CPU burner per core (scripts/stress_interrupts.sh).
STRESS_REPEATS ?= 50
stress: configure
	cmake --build $(BUILD) -j $(JOBS) --target score test_cli test_sweep test_calibrate
	bash scripts/stress_interrupts.sh $(STRESS_REPEATS) $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD)

# --- hardening (docs/reliability.md) ---------------------------------------
# clang at -O1 -g1 (assertions on), no benchmarks, no viewer, no Python module.
#   make asan    the whole suite under AddressSanitizer + UndefinedBehaviorSanitizer;
#                the same build holds the fuzzers (libFuzzer instrumentation)
#   make tsan    the parallel parts under ThreadSanitizer, on std::threads (see below)
#   make fuzz    every fuzzer for FUZZ_SECONDS each (scripts/fuzz.sh)
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_SECONDS ?= 60
SANITIZED = -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DSCORE_BUILD_BENCH=OFF -DSCORE_BUILD_VIEWER=OFF -DSCORE_BUILD_PYTHON=OFF
# Skipped sanitized, as the same code many times over and too slow there:
# the calibration check (20 replications of the whole history), the shipped
# Saltelli example (1,280 history runs) and the documents' command blocks
# (whole runs of the CLI, covered unsanitized by `make test`).
ASAN_SKIP ?= ^(calibration_|sweep_shipped_saltelli$$|docs_run_)
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:check_initialization_order=1:detect_stack_use_after_return=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/cmake/lsan.supp:print_suppressions=0
# ThreadSanitizer sees races only between code it instrumented, and Debian's
# oneTBB is not (docs/reliability.md, "Sanitizers"). So the TSan build runs
# every parallel loop on std::threads (SCORE_STD_THREADS: core/threads.hpp),
# whose fork and join TSan sees: the thread primitives, the step, replications, sweeps, the
# viewer's session and the results writer, unsuppressed.
TSAN_ENV = TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
TSAN_TESTS = tests/core/test_core tests/sim/test_sim tests/experiment/test_experiment tests/sweep/test_sweep \
  tests/session/test_session tests/output/test_output

asan-build: setup
	cmake -S . -B $(ASAN_BUILD) $(SANITIZED) -DSCORE_SANITIZE=address -DSCORE_FUZZ_INSTRUMENT=ON -DSCORE_BUILD_FUZZERS=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)

asan: asan-build
	$(ASAN_ENV) ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -E '$(ASAN_SKIP)'

tsan: setup
	cmake -S . -B $(TSAN_BUILD) $(SANITIZED) -DSCORE_SANITIZE=thread -DSCORE_STD_THREADS=ON -DSCORE_WITH_MPI=OFF
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target $(notdir $(TSAN_TESTS))
	@set -e; for t in $(TSAN_TESTS); do echo "tsan: $$t"; $(TSAN_ENV) $(TSAN_BUILD)/$$t --gtest_brief=1; done

fuzz: asan-build
	$(ASAN_ENV) bash scripts/fuzz.sh $(FUZZ_SECONDS) $(ASAN_BUILD)

# --- formatting (.clang-format) ----------------------------------------------
# Every C++ file the repository tracks; `format-check` fails on the first file
# clang-format would change and names it, so CI keeps the tree formatted.
FORMAT_FILES = $(shell git ls-files '*.cpp' '*.hpp' '*.h' 2>/dev/null || find engine viewer bench tests python fuzz -name '*.[ch]pp')

format: setup
	clang-format -i $(FORMAT_FILES)

format-check: setup
	clang-format --dry-run --Werror $(FORMAT_FILES)
