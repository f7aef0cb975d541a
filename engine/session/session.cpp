#include "session/session.hpp"

#include "output/results_writer.hpp"
#include "session/run_info.hpp"

namespace score::session {
namespace {

std::string first_message(const std::vector<scenario::Diagnostic>& diagnostics) {
  return diagnostics.empty() ? "" : diagnostics.front().format();
}

}  // namespace

std::string Session::open(const std::filesystem::path& file) {
  std::vector<Lever> levers;
  try {
    levers = levers_of(scenario::load_document(file));
  } catch (const scenario::ScenarioError& e) {
    return first_message(e.diagnostics());
  }
  file_ = file;
  levers_ = std::move(levers);
  edits_.clear();
  recheck();
  return "";
}

void Session::set_lever(const std::string& path, double value) {
  const Lever* lever = find_lever(levers_, path);
  if (!lever || !lever->numeric) return;
  edits_.set(*lever, value);
  recheck();
}

void Session::reset_lever(const std::string& path) {
  edits_.erase(path);
  recheck();
}

void Session::reset_edits() {
  edits_.clear();
  recheck();
}

std::string Session::problem_at(const std::string& path) const {
  for (const scenario::Diagnostic& d : checked_.diagnostics)
    if (d.key_path == path || d.key_path.starts_with(path + ".")) return d.message;
  return "";
}

std::string Session::label() const {
  if (!checked_.scenario) return file_.stem().string();
  return checked_.scenario->model.name + (edits_.empty() ? "" : " (edited)");
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

std::string Session::start(bool paused) {
  if (!has_scenario()) return "open a scenario first";
  recheck();
  if (!checked_.scenario) return "the scenario has problems: " + first_message(checked_.diagnostics);
  current_ = {};
  current_.run = std::make_unique<BackgroundRun>(checked_.scenario, label(), threads_, paused);
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

void Session::watch_network(int country) {
  network_country_ = country;
  if (current_.run) current_.run->watch_network(country);
}

bool Session::pin() {
  if (current_.empty()) return false;
  pinned_ = std::move(current_);
  current_ = {};
  return true;
}

void Session::unpin() { pinned_ = {}; }

SnapshotPtr Session::pinned() const { return pinned_.snapshot(); }

std::string Session::compare_with(const std::filesystem::path& file) {
  if (std::string error = open(file); !error.empty()) return error;
  pin();
  return start();
}

std::vector<ComparisonRow> Session::comparison() const {
  const SnapshotPtr a = pinned(), b = current();
  return compare(a.get(), b.get());
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
    output::ResultsWriter writer(target, run_info(current_.run->scenario()));
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
      current_ = {};
      current_.fixed = *run;
    } else {
      sweep_ = std::get<std::shared_ptr<const SweepView>>(loaded);
    }
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace score::session
