#include "session/session.hpp"

#include "output/results_writer.hpp"
#include "provenance/run_info.hpp"
#include "session/memory.hpp"
#include "session/words.hpp"

namespace score::session {
namespace {

std::string first_message(const std::vector<scenario::Diagnostic>& diagnostics,
                          const std::vector<Lever>& levers = {}) {
  return diagnostics.empty() ? "" : person_message(diagnostics.front(), levers);
}

}  // namespace

std::string Session::open(const std::filesystem::path& file) {
  if (is_hdf5(file))
    return file.string() + " is a results file (HDF5), not a scenario: open it under Results files";
  std::vector<Lever> levers;
  try {
    levers = levers_of(scenario::load_document(file));
  } catch (const scenario::ScenarioError& e) {
    return first_message(e.diagnostics());
  }
  file_ = file;
  levers_ = std::move(levers);
  edits_.clear();
  undo_.clear();
  recheck();
  return "";
}

void Session::remember_edits() {
  undo_.push_back(edits_);
  if (undo_.size() > 200) undo_.erase(undo_.begin());
}

void Session::set_lever(const std::string& path, double value) {
  const Lever* lever = find_lever(levers_, path);
  if (!lever || !lever->numeric) return;
  remember_edits();
  edits_.set(*lever, value);
  recheck();
}

void Session::reset_lever(const std::string& path) {
  if (!edits_.contains(path)) return;
  remember_edits();
  edits_.erase(path);
  recheck();
}

void Session::reset_edits() {
  if (edits_.empty()) return;
  remember_edits();
  edits_.clear();
  recheck();
}

bool Session::undo() {
  if (undo_.empty()) return false;
  edits_ = std::move(undo_.back());
  undo_.pop_back();
  recheck();
  return true;
}

std::string Session::description() const {
  const Lever* lever = find_lever(levers_, "scenario.description");
  return lever ? lever->text : "";
}

std::string Session::question() const { return has_scenario() ? question_of(file_) : ""; }

std::string Session::problem_at(const std::string& path) const {
  for (const scenario::Diagnostic& d : checked_.diagnostics)
    if (d.key_path == path || d.key_path.starts_with(path + ".")) return d.message;
  return "";
}

std::string Session::label() const {
  return run_label(checked_.scenario ? checked_.scenario->model.name : file_.stem().string(), levers_,
                   edits_);
}

// Edits first, then the replications, as `score run --set ... --reps N` orders them.
std::vector<std::string> Session::overrides() const {
  std::vector<std::string> out = edits_.overrides();
  if (replications_ > 0) out.push_back("run.replications=" + std::to_string(replications_));
  return out;
}

void Session::recheck() { checked_ = check(file_, overrides()); }

void Session::set_replications(int n) {
  replications_ = n;
  if (has_scenario()) recheck();
}

int Session::scenario_replications() const {
  if (checked_.scenario) return checked_.scenario->model.replications;
  const Lever* file_value = find_lever(levers_, "run.replications");  // while the edits are invalid
  return file_value ? static_cast<int>(file_value->value) : 1;
}

RunRecord Session::record_of_open_scenario() {
  RunRecord r;
  r.id = next_run_id_++;
  r.colour = r.id - 1;
  r.label = label();
  r.file = file_;
  r.overrides = overrides();
  r.levers = lever_values(levers_, edits_);
  if (replications_ > 0) r.levers["run.replications"] = std::to_string(replications_);
  r.description = description();
  r.question = question();
  return r;
}

void Session::retire_current() {
  if (status() == RunStatus::finished) kept_.push_back(std::move(current_));
  current_ = {};
}

double Session::memory_estimate() const {
  if (!checked_.scenario) return 0;
  const model::Description& m = checked_.scenario->model;
  return m.replications * memory_per_replication(m);
}

std::string Session::start(bool paused) {
  if (!has_scenario()) return "open a scenario first";
  recheck();
  if (!checked_.scenario) return "the scenario has problems: " + first_message(checked_.diagnostics, levers_);
  if (std::string refusal =
          memory_refusal(memory_estimate(), memory_available(), checked_.scenario->model.replications);
      !refusal.empty())
    return refusal;
  retire_current();
  current_.record = record_of_open_scenario();
  current_.run = std::make_unique<BackgroundRun>(checked_.scenario, current_.record.label, threads_, paused);
  current_.run->watch_network(network_country_);
  return "";
}

void Session::pause() {
  if (current_.run) current_.run->pause();
}
void Session::resume() {
  if (current_.run) current_.run->resume();
}
void Session::step() {
  if (current_.run) current_.run->step();
}
void Session::reset() { current_ = {}; }
void Session::wait() {
  if (current_.run) current_.run->wait();
}

RunStatus Session::status() const {
  if (current_.run) return current_.run->status();
  return current_.fixed ? RunStatus::finished : RunStatus::idle;
}

SnapshotPtr Session::current() const { return current_.snapshot(); }

const RunRecord* Session::current_record() const { return current_.empty() ? nullptr : &current_.record; }

bool Session::current_stale() const {
  if (current_.empty() || !has_scenario()) return false;
  if (current_.fixed) return false;  // a results file is what it is
  return current_.record.file != file_ || current_.record.overrides != overrides();
}

int Session::setup_done() const { return current_.run ? current_.run->setup_done() : 0; }

void Session::watch_network(int country) {
  network_country_ = country;
  if (current_.run) current_.run->watch_network(country);
}

bool Session::pin() {
  if (current_.empty()) return false;
  kept_.push_back(std::move(current_));
  current_ = {};
  return true;
}

void Session::unpin() {
  if (!kept_.empty()) kept_.pop_back();
}

bool Session::remove_run(int id) {
  for (auto it = kept_.begin(); it != kept_.end(); ++it)
    if (it->record.id == id) {
      kept_.erase(it);
      return true;
    }
  return false;
}

SnapshotPtr Session::pinned() const { return kept_.empty() ? nullptr : kept_.back().snapshot(); }

std::string Session::compare_with(const std::filesystem::path& file) {
  if (std::string error = open(file); !error.empty()) return error;
  pin();
  return start();
}

std::vector<ComparisonRow> Session::comparison() const {
  const SnapshotPtr a = pinned(), b = current();
  return compare(a.get(), b.get());
}

std::vector<Session::RunView> Session::runs() const {
  std::vector<RunView> out;
  const auto scenario_of = [](const Slot& s) { return s.run ? &s.run->scenario() : nullptr; };
  for (const Slot& s : kept_) out.push_back({&s.record, s.snapshot(), false, scenario_of(s)});
  if (!current_.empty()) out.push_back({&current_.record, current_.snapshot(), true, scenario_of(current_)});
  return out;
}

std::vector<LeverDifference> Session::differences() const {
  std::vector<const RunRecord*> records;
  for (const RunView& r : runs()) records.push_back(r.record);
  return differing_levers(records);
}

std::string Session::save_scenario(const std::filesystem::path& target) const {
  if (!has_scenario()) return "open a scenario first";
  std::error_code ec;
  if (std::filesystem::equivalent(target, file_, ec))
    return target.string() + " is the scenario being edited; an extends of itself would lose it";
  try {
    save_extends(file_, target, edits_);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

std::string Session::save_results(const std::filesystem::path& target) const {
  if (!current_.run || current_.run->status() != RunStatus::finished) return "no finished run to save";
  const SnapshotPtr snap = current_.run->snapshot();
  const std::vector<sim::Series>& series = current_.run->series();
  try {
    output::ResultsWriter writer(target, provenance::run_info(current_.run->scenario()));
    for (std::size_t r = 0; r < series.size(); ++r)
      writer.write(static_cast<int>(r), series[r], snap->summaries[r]);
    writer.finish();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

std::string Session::open_results(const std::filesystem::path& path) {
  try {
    LoadedResults loaded = load_results(path);
    if (auto* run = std::get_if<SnapshotPtr>(&loaded)) {
      retire_current();
      current_.fixed = *run;
      current_.record.id = next_run_id_++;
      current_.record.colour = current_.record.id - 1;
      current_.record.label = (*run)->label;
      current_.record.file = path;
    } else {
      sweep_ = std::get<std::shared_ptr<const SweepView>>(loaded);
    }
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace score::session
