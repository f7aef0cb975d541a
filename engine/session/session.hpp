#pragma once
// Everything the viewer shows and every command it sends, without a window:
// the scenario being edited, the run in the background, the pinned run to
// compare against, results files opened from disk. The viewer reads
// snapshots and calls these methods; it holds no model logic of its own.
//
// Commands that can fail return an error message ("" on success) and leave
// the session as it was: a bad file never costs the user what they had.
// Not thread-safe: one thread (the UI) drives a session.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "session/background_run.hpp"
#include "session/compare.hpp"
#include "session/edits.hpp"
#include "session/levers.hpp"
#include "session/results.hpp"
#include "session/run_record.hpp"

namespace score::session {

class Session {
 public:
  // --- the scenario and its levers ----------------------------------------
  // Opens a scenario with no edits; a file that cannot be read keeps the one
  // open. Runs, the pinned run and the replication setting stay, so a second
  // scenario runs as the first did.
  std::string open(const std::filesystem::path& file);
  bool has_scenario() const { return !file_.empty(); }
  const std::filesystem::path& file() const { return file_; }
  const std::vector<Lever>& levers() const { return levers_; }
  const Edits& edits() const { return edits_; }
  // Edits revalidate at once: diagnostics() always describes the edited scenario.
  void set_lever(const std::string& path, double value);
  void reset_lever(const std::string& path);
  void reset_edits();
  const std::vector<scenario::Diagnostic>& diagnostics() const { return checked_.diagnostics; }
  // The first problem reported at `path` (or inside it), or "".
  std::string problem_at(const std::string& path) const;
  bool valid() const { return checked_.scenario != nullptr; }
  std::string label() const;  // the scenario's name and its edits (run_label)
  // Undoes the last lever change (a set, a reset or "reset all"); false if none.
  bool undo();
  bool can_undo() const { return !undo_.empty(); }
  std::string description() const;  // scenario.description of the open scenario
  std::string question() const;     // the "Question..." comment of its file

  // --- running ------------------------------------------------------------
  void set_replications(int n);  // 0: the scenario's own
  int replications() const { return replications_; }
  int scenario_replications() const;
  void set_threads(int n) { threads_ = n; }  // 0: all cores
  int threads() const { return threads_; }
  // Refuses a run the machine cannot hold (memory_estimate against
  // memory_available). A finished current run is kept in the library first,
  // never thrown away.
  std::string start(bool paused = false);
  // Bytes the run of the open scenario would take with the current settings.
  double memory_estimate() const;
  void pause();
  void resume();
  void step();
  void reset();  // cancels the run and clears the current results
  RunStatus status() const;
  SnapshotPtr current() const;
  const RunRecord* current_record() const;
  // The current run no longer matches the levers (or the scenario) as edited.
  bool current_stale() const;
  // Replications built so far while a run sets up (== replications after).
  int setup_done() const;
  void watch_network(int country);
  void wait();  // until the current run ends (scripts and tests)

  // --- the run library and comparing ---------------------------------------
  // The current run (still running or not) joins the kept runs; false if none.
  bool pin();
  void unpin();                // drops the most recently kept run
  bool remove_run(int id);     // drops a kept run by id
  SnapshotPtr pinned() const;  // the most recently kept run
  // Keeps the current run, opens `file` and runs it: the one-step comparison.
  std::string compare_with(const std::filesystem::path& file);
  // Pinned against current (the most recent two).
  std::vector<ComparisonRow> comparison() const;
  struct RunView {
    const RunRecord* record;
    SnapshotPtr snapshot;
    bool current;
    // The scenario it ran, resolved with its edits (for a report's text);
    // null for results read from a file, which record.file names.
    const scenario::Scenario* scenario = nullptr;
  };
  // The kept runs in the order they were kept, then the current run.
  std::vector<RunView> runs() const;
  // Levers whose values differ between the runs of runs(), in that order.
  std::vector<LeverDifference> differences() const;

  // --- files --------------------------------------------------------------
  std::string save_scenario(const std::filesystem::path& target) const;
  std::string save_results(const std::filesystem::path& target) const;  // needs a finished run
  // A run's results become the current run; a sweep's go to sweep().
  std::string open_results(const std::filesystem::path& path);
  std::shared_ptr<const SweepView> sweep() const { return sweep_; }

 private:
  void recheck();
  std::vector<std::string> overrides() const;
  void remember_edits();
  RunRecord record_of_open_scenario();
  void retire_current();  // keeps a finished current run, drops any other

  struct Slot {  // a run in the background, or results read from a file
    std::unique_ptr<BackgroundRun> run;
    SnapshotPtr fixed;
    RunRecord record;
    SnapshotPtr snapshot() const { return run ? run->snapshot() : fixed; }
    bool empty() const { return !run && !fixed; }
  };

  std::filesystem::path file_;
  std::vector<Lever> levers_;
  Edits edits_;
  Checked checked_;
  int replications_ = 0, threads_ = 0, network_country_ = -1;
  Slot current_;
  std::vector<Slot> kept_;
  std::vector<Edits> undo_;
  int next_run_id_ = 1;
  std::shared_ptr<const SweepView> sweep_;
};

}  // namespace score::session
