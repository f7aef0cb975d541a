#include "script.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>

#include "action_table.hpp"
#include "session/compare.hpp"
#include "session/readable.hpp"

namespace score::viewer {
namespace {

using Words = std::vector<std::string>;
using Handler = std::function<bool(App&, const Words&)>;

bool running(const session::SnapshotPtr& s) { return s && s->status == session::RunStatus::running; }

bool any_running(const App& app) {
  for (const auto& r : app.session.runs())
    if (running(r.snapshot)) return true;
  return false;
}

bool yes(const std::string& word) { return word == "yes" || word == "on" || word == "true"; }

// The lever's value as the next run would use it: the edit, else the file's.
double lever_value(const App& app, const std::string& path) {
  const session::Lever* lever = session::find_lever(app.session.levers(), path);
  if (!lever) throw std::runtime_error("no lever " + path);
  return app.session.edits().contains(path) ? app.session.edits().value(path) : lever->value;
}

// The chart is drawn this frame (not hidden, and not behind an enlarged one).
bool chart_drawn(const App& app, const std::string& name) { return app.ui.chart_rects.contains(name); }

// What the compare table says of run RUN (1-based as listed) against the
// first, for a phase ("programme" for the totals) and summary.
std::string table_judgement(const App& app, const std::string& phase, const std::string& summary, int run) {
  std::vector<session::ComparedRun> runs;
  for (const auto& r : app.session.runs()) runs.push_back(session::compared_run(*r.snapshot));
  const session::Comparison c = session::compare_runs(runs);
  for (const session::ComparedRow& row : c.rows)
    if (row.phase == phase &&
        summary == sim::summary_catalogue()[static_cast<std::size_t>(row.summary)].name && run >= 1 &&
        run < static_cast<int>(row.differences.size()))
      return session::judgement_name(
          session::judge(row.differences[static_cast<std::size_t>(run)], row.summary));
  return "(no such row)";
}

std::string rest(const Words& w, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < w.size(); ++i) out += (out.empty() ? "" : " ") + w[i];
  return out;
}

int months_done(const App& app) {
  const auto snap = app.session.current();
  return snap ? snap->months_done : 0;
}

// The script's checks of the window's state, by name with their argument
// count; they read and change nothing (commands are actions, action_table.hpp).
const std::map<std::string, std::pair<std::size_t, Handler>>& checks() {
  static const std::map<std::string, std::pair<std::size_t, Handler>> table{
      {"expect-scenario", {1, [](App& a, const Words& w) { return a.session.file().filename() == w[1]; }}},
      {"expect-status",
       {1, [](App& a, const Words& w) { return w[1] == session::status_name(a.session.status()); }}},
      {"expect-stale", {1, [](App& a, const Words& w) { return a.session.current_stale() == yes(w[1]); }}},
      {"expect-runs",
       {1, [](App& a, const Words& w) { return a.session.runs().size() == std::stoul(w[1]); }}},
      {"expect-differing",
       {1, [](App& a, const Words& w) { return a.session.differences().size() == std::stoul(w[1]); }}},
      {"expect-differs",
       {1,
        [](App& a, const Words& w) {
          for (const auto& d : a.session.differences())
            if (d.path == w[1] || d.path.starts_with(w[1] + ".")) return true;
          return false;
        }}},
      // expect-judgement PHASE SUMMARY RUN WORDS: "better", "within noise", "identical", ...
      {"expect-judgement",
       {4,
        [](App& a, const Words& w) {
          const std::string said = table_judgement(a, w[1], w[2], std::stoi(w[3]));
          a.ui.message = "the table says " + said;
          return said == w[4];
        }}},
      {"expect-lever", {2, [](App& a, const Words& w) { return lever_value(a, w[1]) == std::stod(w[2]); }}},
      {"expect-chart-shown", {2, [](App& a, const Words& w) { return chart_drawn(a, w[1]) == yes(w[2]); }}},
      // The top of a chart's value axis is at most MAX (a spike left off).
      {"expect-chart-max-below",
       {2,
        [](App& a, const Words& w) {
          return a.ui.chart_y_max.contains(w[1]) && a.ui.chart_y_max.at(w[1]) < std::stod(w[2]);
        }}},
      {"expect-sweep-phase",
       {1,
        [](App& a, const Words& w) {
          const auto sweep = a.session.sweep();
          return sweep && a.ui.sweep_phase < static_cast<int>(sweep->phases.size()) &&
                 sweep->phases[static_cast<std::size_t>(a.ui.sweep_phase)] == w[1];
        }}},
      // The compare tab shows N columns with nothing cut (it must be drawn: tab compare, frames 2).
      {"expect-compare-fits",
       {1,
        [](App& a, const Words& w) {
          a.ui.message = "compare table: " + std::to_string(a.ui.compare_columns_shown) + " columns shown, " +
                         std::to_string(a.ui.compare_cut) + " cells cut";
          return a.ui.compare_columns_shown == std::stoi(w[1]) && a.ui.compare_cut == 0;
        }}},
      // The Planning tab's seek answer (VALUE as printed, or "none").
      {"expect-seek-answer",
       {1,
        [](App& a, const Words& w) {
          if (!a.ui.seek) return false;
          const SeekText& s = *a.ui.seek;
          a.ui.message = "the seek answer is " + (s.answered ? s.answer : std::string("none"));
          return s.answered ? s.answer == w[1] && !s.interval_lo.empty() && !s.interval_hi.empty()
                            : w[1] == "none";
        }}},
      // The decision table: N options, the robust one (least maximum regret) on the first criterion.
      {"expect-decision",
       {2,
        [](App& a, const Words& w) {
          if (!a.ui.decision || a.ui.decision->criteria.empty()) return false;
          const sweep::DecisionTable& t = *a.ui.decision;
          const int robust = t.criteria.front().least_max_regret;
          a.ui.message = "decision table: " + std::to_string(t.options.size()) + " options, robust " +
                         (robust < 0 ? std::string("none") : t.options[static_cast<std::size_t>(robust)]);
          return t.options.size() == std::stoul(w[1]) && robust >= 0 &&
                 t.options[static_cast<std::size_t>(robust)] == w[2];
        }}},
      {"expect-months", {1, [](App& a, const Words& w) { return months_done(a) == std::stoi(w[1]); }}},
      // A finished side-by-side comparison: both runs complete, each with at
      // least the given number of replications (bands need two or more).
      {"expect-comparison",
       {1,
        [](App& a, const Words& w) {
          const auto complete = [&](const session::SnapshotPtr& s) {
            return s && s->status == session::RunStatus::finished && s->months_done == s->steps &&
                   s->replications >= std::stoi(w[1]);
          };
          return complete(a.session.current()) && complete(a.session.pinned());
        }}},
      // Every run of the library finished with its months, N runs in all.
      {"expect-all-finished",
       {1,
        [](App& a, const Words& w) {
          const auto runs = a.session.runs();
          return runs.size() == std::stoul(w[1]) &&
                 std::all_of(runs.begin(), runs.end(), [](const session::Session::RunView& r) {
                   return r.snapshot->status == session::RunStatus::finished &&
                          r.snapshot->months_done == r.snapshot->steps;
                 });
        }}},
      // The file exists and holds TEXT (a report names each run).
      {"expect-file-holds",
       {2,
        [](App& a, const Words& w) {
          std::ifstream in(w[1]);
          const bool opened = in.is_open();
          for (std::string line; std::getline(in, line);)
            if (line.find(w[2]) != std::string::npos) return true;
          a.ui.message = w[1] + (opened ? " does not hold '" + w[2] + "'" : std::string(": cannot read"));
          return false;
        }}},
  };
  return table;
}

}  // namespace

ScriptRunner::ScriptRunner(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot read the script");
  std::string text;
  for (int line = 1; std::getline(in, text); ++line) {
    if (const auto hash = text.find('#'); hash != std::string::npos) text.erase(hash);
    std::istringstream words(text);
    Command command{line, {}};
    for (std::string w; words >> w;) command.words.push_back(w);
    if (!command.words.empty()) commands_.push_back(std::move(command));
  }
}

double ScriptRunner::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

bool ScriptRunner::waiting(const App& app) {
  if (frames_to_wait_ > 0) return --frames_to_wait_, true;
  if (waiting_for_runs_) waiting_for_runs_ = any_running(app);
  if (months_to_wait_ > 0 && (months_done(app) >= months_to_wait_ || !running(app.session.current())))
    months_to_wait_ = 0;
  return waiting_for_runs_ || months_to_wait_ > 0;
}

bool ScriptRunner::advance(App& app) {
  if (waiting(app)) return true;
  if (!app.ui.capture_error.empty()) {  // an export the frame could not write: the command failed
    app.ui.capture_error.clear();
    last_ok_ = false;
    const bool expected = next_ < commands_.size() && commands_[next_].words[0] == "expect-error";
    if (!expected) {
      std::fprintf(stderr, "script line %d: the export failed: %s\n",
                   next_ > 0 ? commands_[next_ - 1].line : 0, app.ui.message.c_str());
      failed_ = true;
      return false;
    }
  }
  if (failed_ || next_ >= commands_.size()) return false;
  const Command& command = commands_[next_++];
  std::printf("[%7.2f s] %s\n", elapsed(), command.words.front().c_str());
  std::fflush(stdout);
  bool ok = false;
  try {
    ok = execute(app, command);
  } catch (const std::exception& e) {  // std::stod and std::stoi on a bad number
    app.ui.message = std::string("bad argument: ") + e.what();
  }
  if (!ok) {
    std::fprintf(stderr, "script line %d: %s failed: %s\n", command.line, command.words.front().c_str(),
                 app.ui.message.c_str());
    failed_ = true;
    return false;
  }
  frames_to_wait_ =
      std::max(frames_to_wait_, 2);  // let the UI draw what the command changed (tabs take a frame)
  return true;
}

bool ScriptRunner::execute(App& app, const Command& command) {
  const Words& w = command.words;
  if (w[0] == "wait") return waiting_for_runs_ = true;
  if (w[0] == "frames") return frames_to_wait_ = std::stoi(w.at(1)), true;
  if (w[0] == "wait-months") return months_to_wait_ = std::stoi(w.at(1)), true;
  if (w[0] == "time")
    return std::printf("time %s: %.2f s\n", w.size() > 1 ? w[1].c_str() : "", elapsed()), true;
  if (w[0] == "expect-error")
    return !last_ok_ && (w.size() < 2 || app.ui.message.find(rest(w, 1)) != std::string::npos);
  if (w[0] == "expect-ok") return last_ok_;
  if (w[0] == "expect-message") return app.ui.message.find(rest(w, 1)) != std::string::npos;
  if (w[0] == "expect-message-not") return app.ui.message.find(rest(w, 1)) == std::string::npos;
  if (const auto it = checks().find(w[0]); it != checks().end()) {
    if (w.size() != it->second.first + 1) {
      app.ui.message = w[0] + " takes " + std::to_string(it->second.first) + " argument(s)";
      return false;
    }
    last_ok_ = it->second.second(app, w);
  } else {
    last_ok_ = act(app, w[0], Words(w.begin() + 1, w.end()));  // exactly what a click runs
  }
  // A failure is fine when the next command expects it.
  const bool expected = next_ < commands_.size() && commands_[next_].words[0] == "expect-error";
  return last_ok_ || expected;
}

}  // namespace score::viewer
