#pragma once
// Helpers shared by the commands that run scenarios or read their results.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "cli/phase_table.hpp"
#include "output/run_info.hpp"
#include "scenario/build.hpp"

namespace score::cli {

// Row labels ("I", "2009-01 to 2013-09") for the phase table.
std::vector<PhaseLabel> phase_labels(const std::vector<output::PhaseInfo>& phases, YearMonth start);

// Runs a command body and turns what it throws into a message and an exit
// code (cli/commands.hpp): a ScenarioError prints its diagnostics and gives
// kBadInput, and so does an OutputBusy (another process writes the target);
// any other exception prints `prefix` and its message and gives `otherwise`
// (kInternal for commands that run something, kBadInput for those that only
// read the files they are given).
int guarded(const std::function<int()>& body, const std::string& prefix, int otherwise);

// SIGINT and SIGTERM, from construction to destruction, become a request to
// stop: a flag every long step polls (the scenario and sweep loaders in
// between, the runners between months), so that the command returns, its
// writer removes its temporary and the exit code says which signal came.
// Installed first thing, before any output exists. A SIGINT the process was
// started with ignored (a background job of a shell script) stays ignored,
// as every shell tool does; SIGTERM always stops. A second signal of either
// kind stops at once, by the signal's default action (the temporary is then
// left, hidden, and removed by the next run to the same target).
class StopSignals {
 public:
  StopSignals();
  ~StopSignals();  // restores the handlers found at construction
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  const std::atomic<bool>& flag() const;
  bool stopped() const { return flag().load(); }
  // 128 + the signal's number, as a shell reports a process the signal
  // ended: 130 for SIGINT, 143 for SIGTERM.
  int exit_code() const;
  // "SIGINT" or "SIGTERM"; empty before any signal.
  std::string name() const;
};

// Tells a test (or a script) that waits on the command how far it got:
// writes `stage` and a newline to the file descriptor named by the
// environment variable SCORE_TEST_READY_FD, when set. The stages:
// "signals" (stop signals installed) first, then "output" (the temporary
// results file exists) and "running" (the first month of the first
// replication done) in either order, since `score run` creates its file on a
// thread of its own beside the first replication. Each stage is announced
// once per process; failures are ignored.
void announce(const char* stage);
// Prints the scenario's plausibility warnings (scenario/plausible.hpp) on
// stderr, one per line; returns how many there were.
std::size_t print_warnings(const scenario::Scenario& sc);

}  // namespace score::cli
