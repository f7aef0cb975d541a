// The decision table `score sweep` prints after a policies x uncertainties
// sweep (docs/experiments.md, section 8): per [[decision]] outcome, each
// option's spread over the uncertain points, its regret against the best
// option at the same point and the share of points meeting the threshold;
// then which option is robust.
#include <cmath>
#include <cstdio>

#include "cli/sweep_commands.hpp"
#include "sweep/decision_table.hpp"
#include "sweep_output/sweep_reader.hpp"

namespace score::cli {
namespace {

std::string cell(double v, int width) {
  char buffer[64];
  if (std::isnan(v))
    std::snprintf(buffer, sizeof buffer, "%*s", width, "-");
  else
    std::snprintf(buffer, sizeof buffer, "%*.4g", width, v);
  return buffer;
}

std::string share(double v, int width) {
  char buffer[64];
  if (std::isnan(v))
    std::snprintf(buffer, sizeof buffer, "%*s", width, "-");
  else
    std::snprintf(buffer, sizeof buffer, "%*.0f%%", width - 1, v * 100);
  return buffer;
}

int name_width(const sweep::DecisionTable& t) {
  std::size_t width = 6;
  for (const auto& o : t.options) width = std::max(width, o.size());
  return static_cast<int>(width);
}

void print_criterion(const sweep::DecisionTable& t, const sweep::CriterionScores& c) {
  const sweep::Criterion& k = c.criterion;
  std::printf("\n%s, phase %s (%s is better", k.summary.c_str(), k.phase.c_str(),
              k.maximise ? "more" : "less");
  if (k.threshold) std::printf("; threshold %s %.6g", k.maximise ? ">=" : "<=", *k.threshold);
  std::printf(")\n");
  const int w = name_width(t);
  std::printf("  %-*s %11s %11s %11s %11s %12s %11s %9s\n", w, "option", "mean", "p05", "p50", "p95",
              "mean regret", "max regret", "meets");
  for (std::size_t o = 0; o < t.options.size(); ++o) {
    const sweep::OptionScore& s = c.options[o];
    std::printf("%c %-*s %s %s %s %s %s %s %s\n", static_cast<int>(o) == c.least_max_regret ? '*' : ' ', w,
                t.options[o].c_str(), cell(s.mean, 11).c_str(), cell(s.p05, 11).c_str(),
                cell(s.p50, 11).c_str(), cell(s.p95, 11).c_str(), cell(s.mean_regret, 12).c_str(),
                cell(s.max_regret, 11).c_str(), share(s.satisficing, 9).c_str());
  }
  if (c.least_max_regret >= 0)
    std::printf("  robust on %s: %s (* least maximum regret, %.4g)\n", k.summary.c_str(),
                t.options[static_cast<std::size_t>(c.least_max_regret)].c_str(),
                c.options[static_cast<std::size_t>(c.least_max_regret)].max_regret);
}

void print_verdict(const sweep::DecisionTable& t) {
  if (t.most_satisficing < 0) return;
  std::printf("\nShare of the points where an option meets every threshold:");
  for (std::size_t o = 0; o < t.options.size(); ++o)
    std::printf(" %s %.0f%%%s", t.options[o].c_str(), t.all_met[o] * 100,
                o + 1 < t.options.size() ? "," : "\n");
  const double best = t.all_met[static_cast<std::size_t>(t.most_satisficing)];
  if (best == 0) {
    std::printf("No option meets every threshold at any point: relax a threshold or add an option.\n");
    return;
  }
  std::string robust;
  for (std::size_t o = 0; o < t.options.size(); ++o)
    if (t.all_met[o] == best) robust += (robust.empty() ? "" : ", ") + t.options[o];
  std::printf("Robust option: %s (meets every threshold at the most points, %.0f%%)\n", robust.c_str(),
              best * 100);
}

}  // namespace

void print_decision_table(const std::string& results, const sweep::SweepSpec& spec) {
  const output::SweepFile file(results);
  const sweep::OutcomeTable means = file.statistic(sweep::Statistic::mean);
  const sweep::DecisionTable t =
      sweep::decision_table(means, spec.policies, spec.criteria, file.info().phases);
  std::printf(
      "\nDecision table: %zu policy options x %d uncertain points (each the mean of its %d replication(s); "
      "regret: shortfall against the best option at the same point, same seeds)\n",
      t.options.size(), t.points, file.info().replications);
  for (const auto& c : t.criteria) print_criterion(t, c);
  print_verdict(t);
}

}  // namespace score::cli
