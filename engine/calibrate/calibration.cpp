#include "calibrate/calibration.hpp"

#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

#include "scenario/resolved.hpp"
#include "sweep/point_runner.hpp"

namespace score::calibrate {

namespace fs = std::filesystem;

Calibration load_calibration(const fs::path& file) {
  const fs::path scenario_path = calibration_scenario(file);
  // The particles are built from the bytes the base was read from.
  auto parsed = std::make_shared<sweep::ParsedScenarios>();
  scenario::Scenario base = scenario::load_scenario(parsed->get(scenario_path));
  CalibrationSpec spec = parse_calibration_file(file, &base.document);
  Frame frame = frame_of(base.model);
  check_targets(spec.targets.targets, frame, spec.targets.file.lexically_normal().string());
  sweep::SweepSpec s;
  s.file = file;
  s.text = spec.text;
  s.sha256 = spec.sha256;
  s.name = spec.name;
  s.scenario = scenario_path;
  s.seed = spec.seed;
  s.replications = spec.replications;
  s.parameters = spec.parameters;
  std::string toml = scenario::to_toml(base.document);
  Calibration c{std::move(spec),
                sweep::Sweep{std::move(s), std::move(base), std::move(toml), {}, std::move(parsed)},
                std::move(frame),
                {}};
  const auto& targets = c.spec.targets.targets;
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (targets[i].kind == Kind::fit && !targets[i].holdout) c.in_distance.push_back(i);
  c.steps = steps_read(targets, c.frame);
  if (c.in_distance.empty())
    throw scenario::ScenarioError({{c.spec.targets.file.lexically_normal().string(), 0, 0, "",
                                    "no fit target that is not held out: nothing to calibrate against"}});
  return c;
}

std::vector<PriorRange> priors(const Calibration& c) {
  std::vector<PriorRange> out;
  for (const auto& p : c.spec.parameters)
    out.push_back({p.key, p.factor.lo, p.factor.hi, p.factor.log_scale});
  return out;
}

AbcSettings settings(const Calibration& c) {
  const CalibrationSpec& s = c.spec;
  AbcSettings a{s.population, s.budget / s.replications, s.generations, s.min_acceptance, s.quantile, s.seed,
                s.moves};
  a.unmoved = s.unmoved, a.max_moves = s.max_moves;
  return a;
}

double distance(const std::vector<Judgement>& judged, const std::vector<std::size_t>& in_distance) {
  double sum = 0;
  for (const std::size_t i : in_distance) {
    const double d = judged[i].discrepancy;
    if (std::isnan(d)) return std::numeric_limits<double>::infinity();
    sum += d * d;
  }
  return std::sqrt(sum);
}

namespace {

// The batch as the sweep's design: one point per particle, integer keys rounded.
void set_design(Calibration& c, std::span<const Proposal> batch) {
  sweep::Design& d = c.sweep.design;
  d.values.clear();
  d.seeds.clear();
  for (const Proposal& p : batch) {
    std::vector<double> row = p.theta;
    for (std::size_t j = 0; j < row.size(); ++j)
      if (c.spec.parameters[j].integer) row[j] = std::round(row[j]);
    d.values.push_back(std::move(row));
    d.seeds.push_back(p.seed);
  }
}

std::vector<Outcome> run_batch(Calibration& c, std::span<const Proposal> batch, int threads,
                               const std::atomic<bool>* cancel) {
  set_design(c, batch);
  const auto& targets = c.spec.targets.targets;
  const std::size_t n = targets.size(), reps = static_cast<std::size_t>(c.spec.replications);
  // samples[point][target][replication], each slot written by one replication.
  std::vector<std::vector<Sample>> samples(batch.size(), std::vector<Sample>(n * reps));
  sweep::RunPointsOptions options;
  options.threads = threads;
  options.hooks.cancel = cancel;
  options.hooks.months = c.steps;  // the targets read no later month
  options.hooks.on_replication = [&](int point, int rep, const sim::Series& series,
                                     const sim::PhaseSummary& summary) {
    auto& slot = samples[static_cast<std::size_t>(point)];
    for (std::size_t t = 0; t < n; ++t)
      slot[t * reps + static_cast<std::size_t>(rep)] = evaluate(targets[t], c.frame, series, summary);
  };
  std::vector<int> points(batch.size());
  for (std::size_t i = 0; i < points.size(); ++i) points[i] = static_cast<int>(i);
  sweep::PendingPoints source(points);
  std::vector<Outcome> out(batch.size(), Outcome{std::numeric_limits<double>::quiet_NaN(), {}});
  if (!sweep::run_points(c.sweep, source, options)) return out;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    std::vector<Judgement> judged;
    for (std::size_t t = 0; t < n; ++t)
      judged.push_back(judge(targets[t], std::span(samples[i]).subspan(t * reps, reps)));
    out[i].distance = distance(judged, c.in_distance);
    for (const Judgement& j : judged) out[i].values.push_back(j.model);
    for (const Judgement& j : judged) out[i].values.push_back(j.goal);
  }
  return out;
}

}  // namespace

Simulator simulator(Calibration& c, int threads, const std::atomic<bool>* cancel) {
  return
      [&c, threads, cancel](std::span<const Proposal> batch) { return run_batch(c, batch, threads, cancel); };
}

}  // namespace score::calibrate
