// score discover: PRIM scenario discovery on a sweep's results. Which ranges
// of the swept parameters hold most of the points where an outcome is bad
// (or good)? Prints the peeling trajectory, the chosen box with its
// restricted parameters and a feature-scoring table; --csv writes them as
// tables that scripts/plot_discover.py draws (docs/experiments.md).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "cli/commands.hpp"
#include "cli/run_support.hpp"
#include "cli/sweep_commands.hpp"
#include "experiment/feature_scores.hpp"
#include "experiment/prim.hpp"
#include "output/csv_export.hpp"
#include "output/temporary_path.hpp"
#include "scenario/validate.hpp"
#include "sweep/case_rule.hpp"
#include "sweep_output/sweep_reader.hpp"

namespace score::cli {
namespace {

namespace fs = std::filesystem;
using experiment::PrimBox;
using output::csv_number;
using output::csv_text;

// The points discovery looks at: their parameter values, outcome and case flag.
struct Sample {
  std::vector<int> points;  // indices in the file
  // The inputs of the box: the swept parameters and, on a policy sweep
  // looked at whole, the policy option (categorical, last).
  std::vector<std::string> inputs;
  std::vector<bool> categorical;
  experiment::Points x;
  std::vector<double> y;
  std::vector<bool> is_case;
  double threshold = 0;
  std::size_t undefined = 0;  // points left out: the outcome is NaN there
};

[[noreturn]] void refuse(const std::string& what) { throw std::invalid_argument(what); }

int summary_index(const std::string& name) {
  std::vector<std::string_view> names;
  for (const auto& s : sim::summary_catalogue()) names.emplace_back(s.name);
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<int>(i);
  std::string message = "unknown outcome '" + name + "'";
  const std::string_view near = scenario::closest_match(name, names);
  if (!near.empty()) message += "; did you mean '" + std::string(near) + "'?";
  refuse(message + " (the summaries are listed in docs/output-format.md)");
}

int phase_index(const output::SweepFileInfo& info, const std::string& phase) {
  for (std::size_t p = 0; p < info.phases.size(); ++p)
    if (info.phases[p] == phase) return static_cast<int>(p);
  std::string known;
  for (const auto& p : info.phases) known += (known.empty() ? "" : ", ") + p;
  refuse("the sweep has no phase '" + phase + "' (its phases: " + known + ")");
}

// -1 for every point; else the index of the named policy option.
int policy_index(const output::SweepFileInfo& info, const std::string& policy) {
  std::string known;
  for (const auto& p : info.policies) known += (known.empty() ? "" : ", ") + p;
  if (policy.empty()) return -1;
  for (std::size_t p = 0; p < info.policies.size(); ++p)
    if (info.policies[p] == policy) return static_cast<int>(p);
  refuse("the sweep has no policy option '" + policy + "'" +
         (known.empty() ? std::string(" (it has none)") : " (its options: " + known + ")"));
}

Sample gather(const output::SweepFile& file, const DiscoverArgs& args, const sweep::CaseRule& rule) {
  const output::SweepFileInfo& info = file.info();
  const int s = summary_index(args.outcome), phase = phase_index(info, args.phase);
  const int policy = policy_index(info, args.policy);
  const sweep::OutcomeTable means = file.statistic(sweep::Statistic::mean);
  const std::vector<double> design = file.design();
  const std::size_t k = info.parameters.size();
  Sample out;
  out.inputs = info.parameters;
  out.categorical.assign(k, false);
  // Every option's points together: which option a point runs is an input.
  const bool by_policy = policy < 0 && info.policies.size() > 1;
  if (by_policy) {
    out.inputs.emplace_back("policy");
    out.categorical.push_back(true);
  }
  for (int p = 0; p < info.points; ++p) {
    if (policy >= 0 && info.point_policy[static_cast<std::size_t>(p)] != policy) continue;
    const double y = means.at(p, phase, s);
    if (std::isnan(y)) {
      ++out.undefined;
      continue;
    }
    out.points.push_back(p);
    out.y.push_back(y);
    const auto row = design.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(p) * k);
    out.x.emplace_back(row, row + static_cast<std::ptrdiff_t>(k));
    if (by_policy) out.x.back().push_back(info.point_policy[static_cast<std::size_t>(p)]);
  }
  if (out.y.size() < 3)
    refuse("fewer than 3 points with a defined " + args.outcome + " in phase " + args.phase);
  out.threshold = sweep::rule_threshold(rule, out.y);
  for (const double y : out.y) out.is_case.push_back(sweep::is_case(rule, out.threshold, y));
  const auto cases = std::count(out.is_case.begin(), out.is_case.end(), true);
  if (cases == 0 || cases == static_cast<long>(out.y.size()))
    refuse(std::string(cases == 0 ? "no" : "every") + " point has " + args.outcome + " " +
           sweep::describe_rule(rule, out.threshold) + " (over the points it ranges from " +
           scenario::format_number(*std::min_element(out.y.begin(), out.y.end())) + " to " +
           scenario::format_number(*std::max_element(out.y.begin(), out.y.end())) +
           "): nothing to tell apart");
  return out;
}

std::string fixed(double v, int width, int decimals = 3) {
  char buffer[64];
  if (std::isnan(v))
    std::snprintf(buffer, sizeof buffer, "%*s", width, "-");
  else
    std::snprintf(buffer, sizeof buffer, "%*.*f", width, decimals, v);
  return buffer;
}

std::string general(double v, int width) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%*.6g", width, v);
  return buffer;
}

void print_trajectory(const experiment::PrimResult& r, std::size_t chosen) {
  std::printf("\nPeeling trajectory (box 0 holds every point; p: reached by pasting)\n");
  std::printf("  box   points  cases    mass  coverage  density  restricted\n");
  for (std::size_t b = 0; b < r.trajectory.size(); ++b) {
    const PrimBox& box = r.trajectory[b];
    std::printf("%c%4zu%c %7zu %6zu %s %s %s %11d\n", b == chosen ? '*' : ' ', b, box.pasted ? 'p' : ' ',
                box.points, box.cases, fixed(box.mass, 7).c_str(), fixed(box.coverage, 9).c_str(),
                fixed(box.density, 8).c_str(), box.restricted);
  }
}

// "a, b" for the policy options of a categorical bound.
std::string options_in(const output::SweepFileInfo& info, std::uint64_t categories) {
  std::string out;
  for (std::size_t c = 0; c < info.policies.size() && c < 64; ++c)
    if (categories & (std::uint64_t{1} << c)) out += (out.empty() ? "" : ", ") + info.policies[c];
  return out;
}

void print_box(const output::SweepFileInfo& info, const Sample& sample, const experiment::PrimResult& r,
               std::size_t chosen, const std::vector<double>& p_values) {
  const PrimBox& box = r.trajectory[chosen];
  std::printf(
      "\nBox %zu: coverage %.3f (%zu of the %zu cases), density %.3f (%zu of its %zu points), mass %.3f\n",
      chosen, box.coverage, box.cases, r.cases, box.density, box.cases, box.points, box.mass);
  std::size_t width = 9;
  for (const auto& p : sample.inputs) width = std::max(width, p.size());
  std::printf("%-*s %12s %12s   %12s %12s  %s\n", static_cast<int>(width), "parameter", "box lo", "box hi",
              "swept lo", "swept hi", "quasi-p");
  for (std::size_t j = 0; j < sample.inputs.size(); ++j) {
    if (std::isnan(p_values[j])) continue;
    if (sample.categorical[j]) {
      std::printf("%-*s options %s (of %s)  %.2g\n", static_cast<int>(width), sample.inputs[j].c_str(),
                  options_in(info, box.categories[j]).c_str(), options_in(info, r.data_categories[j]).c_str(),
                  p_values[j]);
      continue;
    }
    const bool lo = box.lo[j] > r.data_lo[j], hi = box.hi[j] < r.data_hi[j];
    std::printf("%-*s %12s %12s   %s %s  %.2g\n", static_cast<int>(width), sample.inputs[j].c_str(),
                lo ? general(box.lo[j], 12).c_str() : "           -",
                hi ? general(box.hi[j], 12).c_str() : "           -", general(r.data_lo[j], 12).c_str(),
                general(r.data_hi[j], 12).c_str(), p_values[j]);
  }
  if (box.restricted == 0) std::printf("(no parameter is restricted: the box is every point)\n");
}

// Rows in descending KS distance: the inputs that best tell cases from the rest first.
std::vector<std::size_t> feature_order(const experiment::FeatureScores& s) {
  std::vector<std::size_t> order(s.ks.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto key = [&](std::size_t j) { return std::isnan(s.ks[j]) ? -1.0 : s.ks[j]; };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) > key(b); });
  return order;
}

void print_features(const std::vector<std::string>& inputs, const experiment::FeatureScores& s,
                    const std::string& outcome) {
  std::size_t width = 9;
  for (const auto& p : inputs) width = std::max(width, p.size());
  std::printf(
      "\nWhich parameters drive %s (ks: cases against the other points; srrc: rank regression, r2 = %.3f)\n",
      outcome.c_str(), s.r2);
  std::printf("%-*s %8s %8s\n", static_cast<int>(width), "parameter", "ks", "srrc");
  for (const std::size_t j : feature_order(s))
    std::printf("%-*s %s %s\n", static_cast<int>(width), inputs[j].c_str(), fixed(s.ks[j], 8).c_str(),
                fixed(s.srrc[j], 8).c_str());
}

// Writes one CSV table whole or not at all (a temporary renamed over it).
void write_table(const fs::path& target, const std::function<void(std::ostream&)>& body) {
  const fs::path temporary = output::temporary_path(target);
  std::error_code error;
  try {
    std::ofstream out(temporary, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write '" + target.string() + "': " + std::strerror(errno));
    body(out);
    out.close();
    if (!out) throw std::runtime_error("cannot write '" + target.string() + "': " + std::strerror(errno));
    fs::rename(temporary, target, error);
    if (error) throw std::runtime_error("cannot write '" + target.string() + "': " + error.message());
  } catch (...) {
    fs::remove(temporary, error);
    throw;
  }
}

// KS and SRRC of the numeric inputs; none (NaN) for the policy option,
// whose index has no order for a rank regression or a distribution to
// take a distance between.
experiment::FeatureScores feature_scores(const Sample& sample) {
  const std::size_t k = sample.inputs.size();
  std::vector<std::size_t> numeric;
  for (std::size_t j = 0; j < k; ++j)
    if (!sample.categorical[j]) numeric.push_back(j);
  experiment::Points x;
  for (const auto& row : sample.x) {
    x.emplace_back();
    for (const std::size_t j : numeric) x.back().push_back(row[j]);
  }
  const experiment::FeatureScores some = experiment::feature_scores(x, sample.y, sample.is_case);
  experiment::FeatureScores all = some;
  all.ks.assign(k, std::nan(""));
  all.srrc.assign(k, std::nan(""));
  for (std::size_t i = 0; i < numeric.size(); ++i) {
    all.ks[numeric[i]] = some.ks[i];
    all.srrc[numeric[i]] = some.srrc[i];
  }
  return all;
}

struct Found {
  Sample sample;
  experiment::PrimResult prim;
  std::size_t chosen = 0;
  std::vector<double> p_values;
  experiment::FeatureScores scores;
};

void write_trajectory(std::ostream& out, const Found& f) {
  out << "box,pasted,chosen,points,cases,mass,coverage,density,restricted\n";
  for (std::size_t b = 0; b < f.prim.trajectory.size(); ++b) {
    const PrimBox& box = f.prim.trajectory[b];
    out << b << ',' << box.pasted << ',' << (b == f.chosen) << ',' << box.points << ',' << box.cases << ','
        << csv_number(box.mass) << ',' << csv_number(box.coverage) << ',' << csv_number(box.density) << ','
        << box.restricted << '\n';
  }
}

void write_box(std::ostream& out, const Found& f) {
  const PrimBox& box = f.prim.trajectory[f.chosen];
  out << "parameter,box_lo,box_hi,swept_lo,swept_hi,restricted,quasi_p,ks,srrc\n";
  for (std::size_t j = 0; j < f.sample.inputs.size(); ++j)
    out << csv_text(f.sample.inputs[j]) << ',' << csv_number(box.lo[j]) << ',' << csv_number(box.hi[j]) << ','
        << csv_number(f.prim.data_lo[j]) << ',' << csv_number(f.prim.data_hi[j]) << ','
        << !std::isnan(f.p_values[j]) << ',' << csv_number(f.p_values[j]) << ',' << csv_number(f.scores.ks[j])
        << ',' << csv_number(f.scores.srrc[j]) << '\n';
}

void write_points(std::ostream& out, const Found& f, const std::string& outcome) {
  out << "point";
  for (const auto& p : f.sample.inputs) out << ',' << csv_text(p);
  out << ',' << csv_text(outcome) << ",is_case,in_box\n";
  const PrimBox& box = f.prim.trajectory[f.chosen];
  for (std::size_t i = 0; i < f.sample.points.size(); ++i) {
    out << f.sample.points[i];
    for (const double v : f.sample.x[i]) out << ',' << csv_number(v);
    out << ',' << csv_number(f.sample.y[i]) << ',' << f.sample.is_case[i] << ','
        << experiment::inside(box, f.sample.x[i]) << '\n';
  }
}

void write_csv(const fs::path& dir, const Found& f, const std::string& outcome) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) throw std::runtime_error("cannot create '" + dir.string() + "': " + error.message());
  write_table(dir / "trajectory.csv", [&](std::ostream& out) { write_trajectory(out, f); });
  write_table(dir / "box.csv", [&](std::ostream& out) { write_box(out, f); });
  write_table(dir / "points.csv", [&](std::ostream& out) { write_points(out, f, outcome); });
}

int discover(const DiscoverArgs& args) {
  const sweep::CaseRule rule = sweep::parse_case_rule(args.where);
  const output::SweepFile file(args.file);
  const output::SweepFileInfo& info = file.info();
  Found f;
  f.sample = gather(file, args, rule);
  const experiment::PrimOptions options{args.alpha, args.paste_alpha, args.min_mass};
  f.prim = experiment::prim(f.sample.x, f.sample.is_case, options, f.sample.categorical);
  f.chosen =
      args.box ? static_cast<std::size_t>(*args.box) : experiment::choose_box(f.prim, args.min_coverage);
  if (f.chosen >= f.prim.trajectory.size())
    refuse("--box " + std::to_string(f.chosen) + ": the trajectory has boxes 0 to " +
           std::to_string(f.prim.trajectory.size() - 1));
  f.p_values = experiment::quasi_p_values(f.prim, f.prim.trajectory[f.chosen], f.sample.x, f.sample.is_case);
  f.scores = feature_scores(f.sample);
  std::printf("%s: %s in phase %s %s%s: %zu of %zu points are cases", info.name.c_str(), args.outcome.c_str(),
              args.phase.c_str(), sweep::describe_rule(rule, f.sample.threshold).c_str(),
              args.policy.empty() ? "" : (" under policy " + args.policy).c_str(), f.prim.cases,
              f.prim.points);
  if (f.sample.undefined > 0)
    std::printf(" (%zu points without a defined value left out)", f.sample.undefined);
  std::printf("\nPRIM: alpha %.3g, pasting alpha %.3g, boxes down to a mass of %.3g; %s\n", args.alpha,
              args.paste_alpha, args.min_mass,
              args.box ? "box chosen with --box"
                       : ("chosen: the densest box covering at least " + fixed(args.min_coverage, 0, 2) +
                          " of the cases")
                             .c_str());
  print_trajectory(f.prim, f.chosen);
  print_box(info, f.sample, f.prim, f.chosen, f.p_values);
  print_features(f.sample.inputs, f.scores, args.outcome);
  if (!args.csv.empty()) {
    write_csv(args.csv, f, args.outcome);
    std::printf("\ntables: %s/{trajectory,box,points}.csv (plots: python3 scripts/plot_discover.py %s)\n",
                args.csv.c_str(), args.csv.c_str());
  }
  return kOk;
}

}  // namespace

int discover_command(const DiscoverArgs& args) {
  return guarded(
      [&] {
        try {
          return discover(args);
        } catch (const std::invalid_argument& e) {
          std::cerr << "score discover: " << e.what() << "\n";
          return kBadInput;
        }
      },
      "score discover: error: ", kBadInput);
}

void add_discover_command(CLI::App& app, int& code) {
  static DiscoverArgs args;
  auto* cmd = app.add_subcommand("discover",
                                 "Scenario discovery (PRIM) on a sweep's results: which parameter "
                                 "ranges hold the points where an outcome meets a rule");
  cmd->add_option("results", args.file, "Sweep results file (.h5)")->required();
  cmd->add_option("--outcome", args.outcome, "Summary to look at, e.g. cost_recovery")->required();
  cmd->add_option("--phase", args.phase, "Phase of the summary, e.g. IV")->required();
  cmd->add_option("--where", args.where,
                  "Cases of interest: \"< 0.5\", \">= 6000\", \"<= p25\" (a percentile)")
      ->required();
  cmd->add_option("--policy", args.policy, "Policy option to look at (policy sweeps)");
  cmd->add_option("--alpha", args.alpha, "Share peeled per step (default 0.05)")
      ->check(CLI::Range(0.001, 0.49));
  cmd->add_option("--paste-alpha", args.paste_alpha, "Share pasted per step (default 0.05)")
      ->check(CLI::Range(0.001, 1.0));
  cmd->add_option("--min-mass", args.min_mass, "Smallest box, as a share of the points (default 0.05)")
      ->check(CLI::Range(0.001, 0.99));
  cmd->add_option("--min-coverage", args.min_coverage,
                  "Choose the densest box covering at least this share of the cases (default 0.5)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--box", args.box, "Choose this box of the trajectory instead")
      ->check(CLI::Range(0, 1000000));
  cmd->add_option("--csv", args.csv, "Directory for trajectory.csv, box.csv and points.csv");
  cmd->callback([&] { code = discover_command(args); });
}

}  // namespace score::cli
