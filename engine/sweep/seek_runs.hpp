#pragma once
// The runs behind `score seek`: one scenario key (the lever) set to a value
// in memory, replications run in parallel, the target judged in each.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "experiment/seek.hpp"
#include "scenario/build.hpp"
#include "sim/setup.hpp"
#include "sweep/seek_target.hpp"

namespace score::sweep {

struct Lever {
  std::string key;
  double lo = 0, hi = 0;             // the range searched
  bool integer = false;              // the key takes whole numbers
  bool range_from_scenario = false;  // the range the scenario declares (else given)
};

// The lever `key` of `sc`: a number or integer key of the schema, searched
// over `range` when given, else over the range its provenance table declares
// in the scenario; the range must lie within the key's bounds. Throws
// SeekInputError naming the problem.
Lever find_lever(const scenario::Scenario& sc, const std::string& key,
                 std::optional<experiment::Interval> range);

// "key=value" for a lever value (whole numbers for integer keys).
std::string lever_override(const Lever& lever, double value);

// The outcome function of experiment::seek for a scenario file with its
// overrides: at each lever value the scenario is loaded with `key=value`
// added (once per value), and replications first .. first + count - 1 run
// on `threads` workers up to the target's last month. Results depend on the
// value and the replication only, never on the thread count. Every value
// runs replications 0, 1, ... of one seed (common random numbers), so a
// lever that set-up does not read (a budget, a share) leaves each
// replication's set-up the same at every value: it is drawn once and shared
// (sim::SetupCache, keyed by what set-up reads; the same bits either way).
// A lever that set-up reads (a population key) turns the sharing off.
class SeekRuns {
 public:
  SeekRuns(std::filesystem::path file, std::vector<std::string> overrides, Lever lever, Target target,
           int threads, const std::atomic<bool>* cancel = nullptr);
  std::vector<bool> operator()(double value, int first, int count);

 private:
  const model::Description& model_at(double value);
  std::filesystem::path file_;
  std::vector<std::string> overrides_;
  Lever lever_;
  Target target_;
  int threads_;
  const std::atomic<bool>* cancel_;
  std::map<double, std::unique_ptr<scenario::Scenario>> scenarios_;
  sim::SetupCache* setups_for(const model::Description& model);
  std::optional<sim::SetupCache> setups_;  // made with the first model, sized to its population
  std::vector<std::uint64_t> first_key_;   // what set-up read at the first value (replication 0)
  bool sharing_ = true;                    // false once a value's set-up differed
};

// Thrown by SeekRuns when `cancel` was set.
class SeekCancelled : public std::runtime_error {
 public:
  SeekCancelled() : std::runtime_error("cancelled") {}
};

}  // namespace score::sweep
