#include "sweep/seek_runs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/threads.hpp"
#include "scenario/access.hpp"
#include "scenario/diagnostic.hpp"
#include "scenario/validate.hpp"
#include "sim/executor.hpp"

namespace score::sweep {

Lever find_lever(const scenario::Scenario& sc, const std::string& key,
                 std::optional<experiment::Interval> range) {
  const scenario::KeySpec* spec = scenario::find_spec(key);
  if (!spec) throw SeekInputError("lever '" + key + "' is not a scenario key (score schema lists them)");
  if (spec->type != scenario::Type::number && spec->type != scenario::Type::integer)
    throw SeekInputError("lever '" + key + "' is not a number");
  Lever lever{key, 0, 0, spec->type == scenario::Type::integer, !range};
  if (!range) {
    const auto provenance = scenario::Reader(sc.document).provenance(key);
    if (!provenance || !provenance->range)
      throw SeekInputError("lever '" + key + "' declares no range in " + sc.document.file.string() +
                           "; give --range LO,HI or write it there as { value = ..., range = [lo, hi] }");
    range = experiment::Interval{provenance->range->first, provenance->range->second};
  }
  lever.lo = range->lo;
  lever.hi = range->hi;
  if (!(lever.lo <= lever.hi)) throw SeekInputError("the range of '" + key + "' is empty (LO > HI)");
  if (lever.lo < spec->min || lever.hi > spec->max)
    throw SeekInputError("the range [" + scenario::format_number(lever.lo) + ", " +
                         scenario::format_number(lever.hi) + "] of '" + key + "' leaves the key's bounds [" +
                         scenario::format_number(spec->min) + ", " + scenario::format_number(spec->max) +
                         "]");
  return lever;
}

std::string lever_override(const Lever& lever, double value) {
  char buf[64];
  if (lever.integer)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(value)));
  else
    std::snprintf(buf, sizeof buf, "%.17g", value);
  return lever.key + "=" + buf;
}

SeekRuns::SeekRuns(std::filesystem::path file, std::vector<std::string> overrides, Lever lever, Target target,
                   int threads, const std::atomic<bool>* cancel)
    : file_(std::move(file)),
      overrides_(std::move(overrides)),
      lever_(std::move(lever)),
      target_(std::move(target)),
      threads_(threads),
      cancel_(cancel) {}

const model::Description& SeekRuns::model_at(double value) {
  auto& slot = scenarios_[value];
  if (!slot) {
    std::vector<std::string> overrides = overrides_;
    overrides.push_back(lever_override(lever_, value));
    slot = std::make_unique<scenario::Scenario>(scenario::load_scenario(file_, overrides));
  }
  return slot->model;
}

// Set-ups kept for the next lever values: at most this many replications,
// fewer where they would not fit (sim::setup_capacity).
constexpr std::size_t kMaxSetups = 256;

// The shared set-ups while every value's set-up reads what the first one's
// did; null from the first value whose set-up differs (nothing to share).
sim::SetupCache* SeekRuns::setups_for(const model::Description& model) {
  if (!sharing_) return nullptr;
  std::vector<std::uint64_t> key = sim::setup_key(model, 0);
  if (!setups_) {
    setups_.emplace(sim::setup_capacity(model, kMaxSetups));
    first_key_ = std::move(key);
  } else if (key != first_key_) {
    sharing_ = false;
    setups_.reset();
    return nullptr;
  }
  return &*setups_;
}

std::vector<bool> SeekRuns::operator()(double value, int first, int count) {
  const model::Description& model = model_at(value);
  std::vector<char> met(static_cast<std::size_t>(count), 0);  // not vector<bool>: one byte per thread's slot
  sim::ExecutorHooks hooks;
  if (cancel_) hooks.stop = [cancel = cancel_] { return cancel->load(); };
  hooks.months = target_.last_step + 1;  // the target reads no later month
  hooks.setups = setups_for(model);
  hooks.on_finished = [&](int rep, const sim::Simulation& sim) {
    met[static_cast<std::size_t>(rep - first)] = target_met(target_, sim.series()) ? 1 : 0;
  };
  bool finished = false;
  threads::in_arena(threads_,
                    [&] { finished = sim::Executor(model, std::move(hooks)).run_to_end(count, first); });
  if (!finished) throw SeekCancelled();
  return {met.begin(), met.end()};
}

}  // namespace score::sweep
