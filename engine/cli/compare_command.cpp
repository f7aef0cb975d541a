// score compare A.h5 B.h5: the phase summaries of two runs side by side, with
// absolute and relative differences and, when both have replications,
// whether a difference stands out from the replications' spread.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/phase_table.hpp"
#include "cli/run_support.hpp"
#include "core/statistics.hpp"
#include "output/results_reader.hpp"

namespace score::cli {
namespace {

using sim::Summary;

constexpr Summary kCompared[] = {
    Summary::firms_trained,     Summary::workers_reached,       Summary::classroom_participants,
    Summary::module_deliveries, Summary::trainers_certified,    Summary::providers_active,
    Summary::providers_independent, Summary::delivery_cost_usd, Summary::cost_recovery,
    Summary::donor_spend_usd,   Summary::donor_cost_per_firm_usd, Summary::mean_fee_usd,
    Summary::mean_subsidy_usd,  Summary::firms_priced_out,      Summary::unpaid_cost_usd,
    Summary::funds_lapsed_usd,
};

std::vector<double> across(const output::Results& r, int phase, Summary s) {
  std::vector<double> xs;
  for (const auto& rep : r.phase_summaries) xs.push_back(rep.total(phase, s));
  return xs;
}

int phase_index(const output::Results& r, const std::string& id) {
  for (int p = 0; p < static_cast<int>(r.info.phases.size()); ++p)
    if (r.info.phases[static_cast<std::size_t>(p)].id == id) return p;
  return -1;
}

// "yes" when the difference of means exceeds twice its standard error
// (Welch), "no" when it does not, "-" when either run has one replication.
std::string stands_out(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() < 2 || b.size() < 2) return "-";
  const double sa = standard_deviation(a), sb = standard_deviation(b);
  const double se = std::sqrt(sa * sa / static_cast<double>(a.size()) + sb * sb / static_cast<double>(b.size()));
  const double diff = std::fabs(mean(a) - mean(b));
  if (std::isnan(diff)) return "-";
  return diff > 2 * se ? "yes" : "no";
}

void print_phase(const output::Results& a, const output::Results& b, int pa, int pb) {
  char line[256];
  for (Summary s : kCompared) {
    const auto xa = across(a, pa, s), xb = across(b, pb, s);
    const double ma = mean(xa), mb = mean(xb);
    const double rel = ma != 0 ? (mb - ma) / std::fabs(ma) * 100 : NAN;
    const int decimals = s == Summary::cost_recovery ? 3 : 0;
    std::string relative = std::isnan(rel) ? "-" : cell(rel, 1);
    if (!std::isnan(rel)) relative.push_back('%');
    std::snprintf(line, sizeof line, "  %-26s %16s %16s %16s %9s %8s\n", sim::summary_catalogue()[static_cast<int>(s)].name,
                  cell(ma, decimals).c_str(), cell(mb, decimals).c_str(), cell(mb - ma, decimals).c_str(),
                  relative.c_str(), stands_out(xa, xb).c_str());
    std::cout << line;
  }
}

}  // namespace

int compare_command(const std::string& file_a, const std::string& file_b) {
  return guarded([&] {
    const output::Results a = output::read_results(file_a), b = output::read_results(file_b);
    std::cout << "A: " << file_a << " (" << a.info.scenario_name << ", " << a.phase_summaries.size() << " replications)\n"
              << "B: " << file_b << " (" << b.info.scenario_name << ", " << b.phase_summaries.size() << " replications)\n"
              << "means over replications, all countries; 'stands out': |B - A| > 2 standard errors\n";
    char head[256];
    for (int pa = 0; pa < static_cast<int>(a.info.phases.size()); ++pa) {
      const auto& phase = a.info.phases[static_cast<std::size_t>(pa)];
      const int pb = phase_index(b, phase.id);
      std::cout << "\nphase " << phase.id << ": " << phase.name << "\n";
      if (pb < 0) {
        std::cout << "  (not in B)\n";
        continue;
      }
      std::snprintf(head, sizeof head, "  %-26s %16s %16s %16s %9s %8s\n", "", "A", "B", "B - A", "B / A - 1", "stands out");
      std::cout << head;
      print_phase(a, b, pa, pb);
    }
    return kOk;
  }, "score: ", kBadInput);
}

}  // namespace score::cli
