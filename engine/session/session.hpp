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
  std::string label() const;  // the scenario's name, "(edited)" when levers changed

  // --- running ------------------------------------------------------------
  void set_replications(int n);  // 0: the scenario's own
  int replications() const { return replications_; }
  int scenario_replications() const;
  void set_threads(int n) { threads_ = n; }  // 0: all cores
  int threads() const { return threads_; }
  std::string start(bool paused = false);
  void pause();
  void resume();
  void step();
  void reset();  // cancels the run and clears the current results
  RunStatus status() const;
  SnapshotPtr current() const;
  void watch_network(int country);
  void wait();  // until the current run ends (scripts and tests)

  // --- comparing ----------------------------------------------------------
  bool pin();  // the current run (still running or not) becomes the pinned one; false if none
  void unpin();
  SnapshotPtr pinned() const;
  // Pins the current run, opens `file` and runs it: the one-step comparison.
  std::string compare_with(const std::filesystem::path& file);
  std::vector<ComparisonRow> comparison() const;

  // --- files --------------------------------------------------------------
  std::string save_scenario(const std::filesystem::path& target) const;
  std::string save_results(const std::filesystem::path& target) const;  // needs a finished run
  // A run's results become the current run; a sweep's go to sweep().
  std::string open_results(const std::filesystem::path& path);
  std::shared_ptr<const SweepView> sweep() const { return sweep_; }

 private:
  void recheck();
  std::vector<std::string> overrides() const;

  struct Slot {  // a run in the background, or results read from a file
    std::unique_ptr<BackgroundRun> run;
    SnapshotPtr fixed;
    SnapshotPtr snapshot() const { return run ? run->snapshot() : fixed; }
    bool empty() const { return !run && !fixed; }
  };

  std::filesystem::path file_;
  std::vector<Lever> levers_;
  Edits edits_;
  Checked checked_;
  int replications_ = 0, threads_ = 0, network_country_ = -1;
  Slot current_, pinned_;
  std::shared_ptr<const SweepView> sweep_;
};

}  // namespace score::session
