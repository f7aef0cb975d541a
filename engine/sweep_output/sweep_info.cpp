#include "sweep_output/sweep_info.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "output/contained_read.hpp"
#include "output/hdf5_io.hpp"
#include "sim/summary.hpp"
#include "sweep_output/sweep_format.hpp"

namespace score::output {

namespace {

// "%g" of a value, for parameter values and outcomes.
std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

std::string describe_design(const SweepFile& file) {
  const SweepFileInfo& info = file.info();
  std::string out = "score sweep results " + info.name + "\n";
  out += "  scenario      " + info.scenario_name + "\n";
  out += "  sweep sha256  " + info.sweep_sha256 + "\n";
  out += "  engine        " + info.engine_version + "\n";
  out += std::string("  design        ") + sweep::method_name(info.method) + "\n";
  out += "  seed          " + std::to_string(info.seed) + "\n";
  out += "  points        " + std::to_string(info.points) + "\n";
  out += "  replications  " + std::to_string(info.replications) + " per point\n";
  const std::vector<double> design = file.design();
  const std::size_t k = info.parameters.size();
  out += "  parameters    " + std::to_string(k) + " (lowest and highest value over the points)\n";
  for (std::size_t j = 0; j < k; ++j) {
    double lo = INFINITY, hi = -INFINITY;
    for (int p = 0; p < info.points; ++p) {
      lo = std::min(lo, design[static_cast<std::size_t>(p) * k + j]);
      hi = std::max(hi, design[static_cast<std::size_t>(p) * k + j]);
    }
    out += "    " + info.parameters[j] + "  " + number(lo) + " to " + number(hi) + "\n";
  }
  return out;
}

std::string describe_outcomes(const SweepFile& file) {
  const SweepFileInfo& info = file.info();
  std::string out = "outcomes: " + std::to_string(sim::kSummaries) + " phase summaries (all countries) x " +
                    std::to_string(info.phases.size()) + " phases:";
  for (std::size_t p = 0; p < info.phases.size(); ++p) out += (p ? ", " : " ") + info.phases[p];
  out += "\n  per replication (outcome) and across a point's replications (outcome_stats: ";
  for (int s = 0; s < sweep::kStatistics; ++s)
    out += (s ? ", " : "") + std::string(sweep::statistic_name(static_cast<sweep::Statistic>(s)));
  out += ")\nsensitivity indices stored:";
  bool any = false;
  for (const char* index : {"first", "total", "mu", "mu_star", "sigma"})
    if (!file.sensitivity(index).empty()) {
      out += std::string(any ? ", " : " ") + index;
      any = true;
    }
  return out + (any ? "\n" : " none (`score sensitivity` adds them to saltelli and morris sweeps)\n");
}

// Per phase, the lowest, median and highest over the points of the mean firms trained.
std::string describe_spread(const SweepFile& file) {
  const SweepFileInfo& info = file.info();
  const sweep::OutcomeTable mean = file.statistic(sweep::Statistic::mean);
  std::string out = "firms trained per phase, mean of each point's replications, over the points:\n";
  char line[160];
  std::snprintf(line, sizeof line, "    %-10s %12s %12s %12s\n", "phase", "lowest", "median", "highest");
  out += line;
  for (int p = 0; p < mean.phases; ++p) {
    std::vector<double> values;
    for (int point = 0; point < mean.points; ++point) {
      const double v = mean.at(point, p, static_cast<int>(sim::Summary::firms_trained));
      if (!std::isnan(v)) values.push_back(v);
    }
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    const auto shown = [&](double v) { return n == 0 ? std::string("n/a") : number(v); };
    const double median = n == 0 ? NAN : (values[(n - 1) / 2] + values[n / 2]) / 2;
    std::snprintf(line, sizeof line, "    %-10s %12s %12s %12s\n",
                  info.phases[static_cast<std::size_t>(p)].c_str(), shown(n ? values.front() : NAN).c_str(),
                  shown(median).c_str(), shown(n ? values.back() : NAN).c_str());
    out += line;
  }
  return out;
}

}  // namespace

namespace {
bool has_sweep_mark(const std::filesystem::path& path) {
  h5::Lock lock;
  const h5::Id file = h5::open_read_only(path);
  return h5::has_attribute(file.get(), sweep_format::kVersionAttribute);
}
}  // namespace

bool is_sweep_results(const std::filesystem::path& path) {
  try {
    // This is the first look at a file nobody has checked yet: opening it
    // and reading a root attribute is already enough for HDF5 to crash or
    // hang on some damaged files, so the look happens in a child first.
    read_contained("results file", path, [&] { has_sweep_mark(path); });
    return has_sweep_mark(path);
  } catch (const std::exception&) {
    return false;
  }
}

std::string describe(const SweepFile& file) {
  const SweepFileInfo& info = file.info();
  std::string policies;
  if (!info.policies.empty()) {
    policies = "policy options: " + std::to_string(info.policies.size()) + ", each at " +
               std::to_string(info.points / static_cast<int>(info.policies.size())) + " points:";
    for (const auto& name : info.policies) policies.append(" ").append(name);
    policies += "\n";
  }
  return describe_design(file) + policies + describe_outcomes(file) + describe_spread(file);
}

}  // namespace score::output
