// score calibrate FILE --check RESULTS.h5: every target of FILE against the
// replications of a results file, one table per kind, exit 1 on a miss.
#include <iostream>
#include <set>

#include "calibrate/calibration_file.hpp"
#include "calibrate/target_eval.hpp"
#include "calibrate/targets_file.hpp"
#include "cli/calibrate_commands.hpp"
#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "output/results_reader.hpp"

namespace score::cli {
namespace {

using calibrate::Kind;
using calibrate::Target;

calibrate::Frame frame_of(const output::RunInfo& info) {
  calibrate::Frame f{info.start, info.steps, info.country_ids, {}, {}};
  for (const auto& p : info.phases) {
    f.phases.push_back(p.id);
    f.phase_last_steps.push_back(p.last_step);
  }
  return f;
}

// The metrics the targets read: only these are loaded from the file.
std::set<sim::Metric> metrics_needed(const std::vector<Target>& targets) {
  std::set<sim::Metric> out;
  for (const Target& t : targets) {
    if (t.measure == calibrate::Measure::dated_metric) out.insert(t.metric);
    if (t.measure == calibrate::Measure::coverage)
      out.insert({sim::Metric::revenue_usd, sim::Metric::delivery_cost_usd, sim::Metric::module_deliveries});
  }
  return out;
}

sim::Series replication_series(const output::ResultsFile& file, const std::set<sim::Metric>& metrics,
                               int rep) {
  const output::RunInfo& info = file.results().info;
  sim::Series series(info.steps, static_cast<int>(info.country_ids.size()));
  for (const sim::Metric m : metrics) {
    const auto out = series.values(m);
    if (!file.results().find_metric(sim::info(m).name))
      throw std::runtime_error(file.path().string() + ": has no metric '" + sim::info(m).name + "'");
    const std::vector<double> values = file.metric(sim::info(m).name, rep);
    if (values.size() != out.size())
      throw std::runtime_error(file.path().string() + ": metric '" + sim::info(m).name +
                               "' is shaped unlike this engine's");
    std::copy(values.begin(), values.end(), out.begin());
  }
  return series;
}

void print_table(Kind kind, const std::vector<Target>& targets,
                 const std::vector<calibrate::Judgement>& rows) {
  int inside = 0, count = 0;
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (targets[i].kind == kind) inside += rows[i].inside, ++count;
  if (!count) return;
  std::cout << (kind == Kind::identity
                    ? "identity targets: hold by construction (inputs and the payment rules give them back)"
                    : "fit targets: depend on the model's behaviour")
            << ": " << inside << " of " << count << " within\n"
            << "| target | kind | model | reported | within |\n|---|---|---:|---:|:---:|\n";
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (targets[i].kind != kind) continue;
    const auto& r = rows[i];
    std::cout << "| " << targets[i].name << " | " << kind_name(kind)
              << (targets[i].holdout ? " (holdout)" : "") << " | " << calibrate::describe_value(r.model)
              << " | " << calibrate::describe_reported(targets[i].reported, r.goal) << " | "
              << (r.inside ? "yes" : "NO") << " |\n";
  }
  std::cout << "\n";
}

// --phase ID: only the phase summaries of that phase (the reported results
// of one phase, such as Phase I's counts), not dated figures.
std::vector<Target> phase_summaries(const std::vector<Target>& targets, const std::string& phase) {
  std::vector<Target> kept;
  for (const Target& t : targets)
    if (t.measure == calibrate::Measure::phase_summary && t.phase == phase) kept.push_back(t);
  return kept;
}

int check(const CalibrateArgs& args) {
  std::vector<Target> targets = calibrate::targets_of(args.file).targets;
  if (!args.kind.empty()) targets = of_kind(targets, args.kind == "identity" ? Kind::identity : Kind::fit);
  if (!args.phase.empty()) targets = phase_summaries(targets, args.phase);
  const output::ResultsFile file(args.check);
  const calibrate::Frame frame = frame_of(file.results().info);
  calibrate::check_targets(targets, frame, args.file);
  const std::set<sim::Metric> metrics = metrics_needed(targets);
  const int reps = file.results().info.replications;
  std::vector<std::vector<calibrate::Sample>> samples(targets.size());
  for (int rep = 0; rep < reps; ++rep) {
    const sim::Series series = replication_series(file, metrics, rep);
    const sim::PhaseSummary& summary = file.results().phase_summaries.at(static_cast<std::size_t>(rep));
    for (std::size_t i = 0; i < targets.size(); ++i)
      samples[i].push_back(calibrate::evaluate(targets[i], frame, series, summary));
  }
  std::vector<calibrate::Judgement> rows;
  std::string missed;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    rows.push_back(calibrate::judge(targets[i], samples[i]));
    if (!rows.back().inside) missed += (missed.empty() ? "" : "; ") + targets[i].name;
  }
  std::cout << args.check << ": " << reps << " replication(s), targets of " << args.file << "\n\n";
  print_table(Kind::identity, targets, rows);
  print_table(Kind::fit, targets, rows);
  if (missed.empty()) return kOk;
  std::cerr << "missed: " << missed << "\n";
  return kTargetMissed;
}

}  // namespace

int calibrate_check(const CalibrateArgs& args) {
  return guarded([&] { return check(args); }, "score calibrate: ", kBadInput);
}

}  // namespace score::cli
