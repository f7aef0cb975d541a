// score seek: stochastic bisection on one lever for a target met with a
// given probability (experiment/seek.hpp), on a scenario run in memory.
#include "cli/seek_command.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/phase_table.hpp"
#include "cli/run_support.hpp"
#include "experiment/seek.hpp"
#include "sweep/seek_runs.hpp"

namespace score::cli {
namespace {

// Decimals that show the lever's steps: none for money, some for shares.
int decimals_for(const sweep::Lever& lever) {
  if (lever.integer) return 0;
  const double width = lever.hi - lever.lo;
  if (!(width > 0)) return 3;
  return std::clamp(3 - static_cast<int>(std::floor(std::log10(width))), 0, 6);
}

std::string probe_row(const experiment::Probe& p, int decimals) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%18s %6d %6d  %6.3f  [%.3f, %.3f]  %s\n", cell(p.value, decimals).c_str(),
                p.runs, p.met, static_cast<double>(p.met) / p.runs, p.p.lo, p.p.hi,
                experiment::verdict_name(p.verdict));
  return buf;
}

std::string range_text(const sweep::Lever& lever, int decimals) {
  return "[" + cell(lever.lo, decimals) + ", " + cell(lever.hi, decimals) + "]";
}

int no_answer(const SeekArgs& a, const experiment::SeekResult& r, const sweep::Lever& lever, int decimals) {
  const experiment::Probe& end = r.probes.front();
  char p[96];
  std::snprintf(p, sizeof p, "held in %d of %d runs (P in [%.3f, %.3f])", end.met, end.runs, end.p.lo,
                end.p.hi);
  std::cerr << "score seek: no answer: ";
  if (r.status == experiment::SeekStatus::out_of_reach)
    std::cerr << "\"" << a.target << "\" is out of reach within " << range_text(lever, decimals) << ": at "
              << cell(end.value, decimals) << ", the range's most favourable value, it " << p << ", below "
              << a.probability << "\n";
  else
    std::cerr << "cannot show that \"" << a.target << "\" holds with probability " << a.probability
              << " within " << range_text(lever, decimals) << ": at " << cell(end.value, decimals) << " it "
              << p << "; more replications (--reps) or a wider range may decide it\n";
  return kNoAnswer;
}

int run_seek(const SeekArgs& a, const StopSignals& stop) {
  std::vector<std::string> overrides = a.overrides;
  if (a.seed) overrides.push_back("run.seed=" + std::to_string(*a.seed));
  const scenario::Scenario base = scenario::load_scenario(a.scenario, overrides);
  print_warnings(base);
  std::optional<experiment::Interval> range;
  if (!a.range.empty()) range = experiment::Interval{a.range[0], a.range[1]};
  const sweep::Lever lever = sweep::find_lever(base, a.lever, range);
  const sweep::Target target = sweep::parse_target(a.target, base.model);
  const int decimals = decimals_for(lever);
  std::cout << "score seek " << base.model.name << ": the " << (a.largest ? "largest" : "smallest") << " "
            << lever.key << " in " << range_text(lever, decimals)
            << (lever.range_from_scenario ? " (the scenario's range)" : "") << " at which\n  " << target.text
            << " holds with probability >= " << a.probability << "\n  (Wilson " << a.confidence * 100
            << "% intervals; replications 0, 1, ... of seed " << base.model.seed
            << " at every value: common random numbers)\n";
  std::printf("%18s %6s %6s  %6s  %-14s  %s\n", "value", "runs", "met", "P(met)", "interval", "verdict");
  std::fflush(stdout);
  experiment::SeekOptions o;
  o.lo = lever.lo;
  o.hi = lever.hi;
  o.largest = a.largest;
  o.integer = lever.integer;
  o.probability = a.probability;
  o.confidence = a.confidence;
  o.tolerance = a.tolerance.value_or(0.0);
  o.first_reps = std::min(a.batch, a.reps);
  o.step_reps = a.batch;
  o.max_reps = a.reps;
  sweep::SeekRuns runs(a.scenario, overrides, lever, target, a.threads, &stop.flag());
  const experiment::SeekResult r = experiment::seek(o, std::ref(runs), [&](const experiment::Probe& p) {
    std::cout << probe_row(p, decimals) << std::flush;
  });
  if (r.status != experiment::SeekStatus::found) return no_answer(a, r, lever, decimals);
  std::cout << "answer: " << lever.key << " = " << cell(r.answer, decimals) << " (" << a.confidence * 100
            << "% interval [" << cell(r.interval.lo, decimals) << ", " << cell(r.interval.hi, decimals)
            << "])\n"
            << "runs: " << r.runs() << " replications at " << r.probes.size() << " values\n";
  return kOk;
}

}  // namespace

int seek_command(const SeekArgs& args) {
  const StopSignals stop;  // first: a signal at any later moment stops the runs cleanly
  auto body = [&] {
    try {
      return run_seek(args, stop);
    } catch (const sweep::SeekInputError& e) {
      std::cerr << "score seek: " << e.what() << "\n";
      return kBadInput;
    } catch (const sweep::SeekCancelled&) {
      std::cerr << "score seek: interrupted (" << stop.name() << ")\n";
      return stop.exit_code();
    }
  };
  return guarded(body, "score seek: error: ", kInternal);
}

void add_seek_command(CLI::App& app, int& code) {
  static SeekArgs a;
  auto* seek = app.add_subcommand(
      "seek",
      "Find the smallest (or largest) value of one lever that meets a target with a given probability");
  seek->add_option("scenario", a.scenario, "Scenario file (.toml)")->required();
  seek->add_option("--lever", a.lever, "The scenario key to vary, e.g. funders.SECO.budget_usd.V")
      ->required();
  seek->add_option("--range", a.range,
                   "LO,HI to search (default: the range the scenario declares for the key)")
      ->expected(2)
      ->delimiter(',');
  seek->add_option("--target", a.target,
                   "\"METRIC[CID] OP VALUE at YYYY-MM\" or \"... in YYYY\", e.g. \"firms_trained_total >= "
                   "6000 at 2029-12\"")
      ->required();
  seek->add_option("--probability", a.probability, "Required probability of meeting the target (default 0.8)")
      ->check(CLI::Range(0.01, 0.99));
  seek->add_flag("--largest", a.largest, "The largest value that meets the target (default: the smallest)");
  seek->add_option("--confidence", a.confidence, "Confidence of the Wilson intervals (default 0.95)")
      ->check(CLI::Range(0.5, 0.999));
  seek->add_option("--tolerance", a.tolerance,
                   "Stop when the bracket is this narrow (default: 1% of the range)")
      ->check(CLI::PositiveNumber);
  seek->add_option("--reps", a.reps, "At most this many replications per lever value (default 200)")
      ->check(CLI::Range(1, 10000));
  seek->add_option("--batch", a.batch, "Replications added at a time (default 20)")
      ->check(CLI::Range(1, 10000));
  seek->add_option("--seed", a.seed, "Random seed (overrides run.seed)");
  seek->add_option("--threads", a.threads, "Worker threads (default: all cores)")->check(CLI::Range(1, 1024));
  seek->add_option("--set", a.overrides, "Override one scenario value: KEY.PATH=VALUE (repeatable)");
  seek->callback([&] { code = seek_command(a); });
}

}  // namespace score::cli
