#include "cli/calibrate_output.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "calibrate/central.hpp"
#include "cli/commands.hpp"
#include "output/ensemble_reader.hpp"
#include "scenario/diagnostic.hpp"

extern char** environ;

namespace score::cli {
namespace {

namespace fs = std::filesystem;
using calibrate::Column;
using calibrate::Generation;

struct Band90 {
  double lo = 0, median = 0, hi = 0;
};

// Weighted 5%, 50% and 95% of column `j` of the particles' theta or values.
Band90 band(const Generation& g, Column column, std::size_t j) {
  return {calibrate::column_quantile(g, column, j, 0.05), calibrate::column_quantile(g, column, j, 0.5),
          calibrate::column_quantile(g, column, j, 0.95)};
}

void append_generation(output::Ensemble& e, const Generation& g, int replications,
                       const std::vector<calibrate::Target>& targets) {
  e.tolerance.push_back(g.tolerance);
  e.acceptance_rate.push_back(g.acceptance_rate());
  e.effective_sample_size.push_back(g.effective_sample_size());
  e.attempts.push_back(g.attempts);
  e.runs.push_back(g.simulations * replications);
  const std::size_t t = e.targets.size();
  for (const auto& p : g.particles) {
    e.theta.insert(e.theta.end(), p.theta.begin(), p.theta.end());
    e.weight.push_back(p.weight);
    e.distance.push_back(p.distance);
    e.simulated.insert(e.simulated.end(), p.values.begin(),
                       p.values.begin() + static_cast<std::ptrdiff_t>(t));
    e.reported.insert(e.reported.end(), p.values.begin() + static_cast<std::ptrdiff_t>(t), p.values.end());
    for (std::size_t i = 0; i < t; ++i) {
      const calibrate::Band b = calibrate::band_of(targets[i].reported, p.values[t + i]);
      e.band_lo.push_back(b.lo);
      e.band_hi.push_back(b.hi);
    }
  }
}

// Each candidate's distance over the scenario's own runs, and which is written.
void print_choice(const calibrate::Calibration& c, const calibrate::CentralChoice& choice) {
  const std::string& phase = c.spec.central_phase;
  std::printf("\ncentral set: %zu candidates, each run %d times as the scenario runs (its run.seed)",
              choice.candidates.size(), choice.replications);
  if (!phase.empty())
    std::printf("; %d meet every Phase %s fit target%s", choice.meeting_phase, phase.c_str(),
                choice.meeting_phase == 0 ? ": none does, so the nearest of all is written" : "");
  std::printf("\n\n| candidate | distance | meets Phase %s | written |\n|---|---:|:---:|:---:|\n",
              phase.empty() ? "-" : phase.c_str());
  for (std::size_t i = 0; i < choice.candidates.size(); ++i) {
    const calibrate::CentralCandidate& k = choice.candidates[i];
    std::printf("| %s | %.4g | %s | %s |\n", k.label.c_str(), k.outcome.distance,
                phase.empty() ? "" : (k.meets_phase ? "yes" : "no"), i == choice.chosen ? "yes" : "");
  }
}

}  // namespace

output::Ensemble ensemble_of(const calibrate::Calibration& c, const calibrate::AbcSmc::Result& result,
                             const std::string& engine_version) {
  output::Ensemble e;
  e.name = c.spec.name;
  e.engine_version = engine_version;
  e.stop_reason = calibrate::stop_reason(result.stop);
  e.calibration_toml = c.spec.text;
  e.targets_toml = c.spec.targets.text;
  e.scenario_toml = c.sweep.base_toml;
  e.seed = c.spec.seed;
  e.population = c.spec.population;
  e.replications = c.spec.replications;
  e.budget = c.spec.budget;
  for (const auto& p : c.spec.parameters) {
    e.parameters.push_back(p.key);
    e.prior_lo.push_back(p.factor.lo);
    e.prior_hi.push_back(p.factor.hi);
    e.prior_log.push_back(p.factor.log_scale);
  }
  const auto& targets = c.spec.targets.targets;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    e.targets.push_back(targets[i].name);
    e.target_kind.push_back(calibrate::kind_name(targets[i].kind));
    e.target_source.push_back(targets[i].source);
    // The figure as compared: for a module mix, the posterior's median mix.
    const double goal = band(result.generations.back(), Column::values, targets.size() + i).median;
    e.target_reported.push_back(calibrate::describe_reported(targets[i].reported, goal));
    e.target_holdout.push_back(targets[i].holdout);
    e.target_in_distance.push_back(std::find(c.in_distance.begin(), c.in_distance.end(), i) !=
                                   c.in_distance.end());
  }
  for (const Generation& g : result.generations) append_generation(e, g, c.spec.replications, targets);
  return e;
}

void print_summary(const calibrate::Calibration& c, const calibrate::AbcSmc::Result& result,
                   const fs::path& out, double seconds) {
  std::int64_t runs = 0;
  for (const Generation& g : result.generations) runs += g.simulations * c.spec.replications;
  const Generation& last = result.generations.back();
  std::printf(
      "%s: %zu generation(s) after the prior sample, %lld runs of a budget of %lld in %.0f s; stopped: %s\n",
      c.spec.name.c_str(), result.generations.size() - 1, static_cast<long long>(runs),
      static_cast<long long>(c.spec.budget), seconds, calibrate::stop_reason(result.stop));
  std::printf("posterior (generation %d): tolerance %.4g, acceptance %.1f%%, ESS %.0f\n\n", last.index,
              last.tolerance, 100 * last.acceptance_rate(), last.effective_sample_size());
  std::printf("| parameter | prior | posterior median | 90%% interval |\n|---|---|---:|---:|\n");
  for (std::size_t j = 0; j < c.spec.parameters.size(); ++j) {
    const auto& p = c.spec.parameters[j];
    const Band90 b = band(last, Column::theta, j);
    std::printf("| `%s` | %s[%.4g, %.4g] | %.4g | %.4g to %.4g |\n", p.key.c_str(),
                p.factor.log_scale ? "log " : "", p.factor.lo, p.factor.hi, b.median, b.lo, b.hi);
  }
  std::printf(
      "\n| target | kind | reported | prior median | posterior median | posterior 90%% band | inside |\n"
      "|---|---|---:|---:|---:|---:|:---:|\n");
  const auto& targets = c.spec.targets.targets;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const Band90 prior = band(result.generations.front(), Column::values, i),
                 post = band(last, Column::values, i);
    const Band90 goal = band(last, Column::values, targets.size() + i);
    const calibrate::Band reported = calibrate::band_of(targets[i].reported, goal.median);
    const bool inside = calibrate::inside(reported, post.median);
    std::printf("| %s | %s%s | %s | %s | %s | %s to %s | %s |\n", targets[i].name.c_str(),
                calibrate::kind_name(targets[i].kind), targets[i].holdout ? " (holdout)" : "",
                calibrate::describe_reported(targets[i].reported, goal.median).c_str(),
                calibrate::describe_value(prior.median).c_str(),
                calibrate::describe_value(post.median).c_str(), calibrate::describe_value(post.lo).c_str(),
                calibrate::describe_value(post.hi).c_str(), inside ? "yes" : "NO");
  }
  std::printf("\nensemble: %s\n", out.string().c_str());
}

bool write_scenario(calibrate::Calibration& c, const Generation& posterior, int threads,
                    const std::atomic<bool>* cancel) {
  const calibrate::CentralChoice choice = calibrate::choose_central(c, posterior, threads, cancel);
  if (choice.candidates.empty()) return false;
  print_choice(c, choice);
  const calibrate::CentralCandidate& central = choice.candidates[choice.chosen];
  const fs::path file = c.sweep.spec.scenario;
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const std::string source = "fit: score calibrate " + c.spec.file.filename().string() + " (central set, " +
                             central.label + ", docs/calibration.md)";
  for (std::size_t j = 0; j < c.spec.parameters.size(); ++j) {
    const auto& p = c.spec.parameters[j];
    const std::string section = p.key.substr(0, p.key.rfind('.')), name = p.key.substr(p.key.rfind('.') + 1);
    std::string current;
    bool done = false;
    const std::regex header(R"(^\s*\[([^\]]+)\]\s*(#.*)?$)"), key("^" + name + R"(\s*=)");
    for (std::string& line : lines) {
      std::smatch m;
      if (std::regex_match(line, m, header))
        current = m[1];
      else if (current == section && std::regex_search(line, key)) {
        line = name + " = { value = " + scenario::format_number(central.theta[j]) + ", range = [" +
               scenario::format_number(p.factor.lo) + ", " + scenario::format_number(p.factor.hi) +
               "], source = \"" + source + "\" }";
        done = true;
      }
    }
    if (!done)
      throw scenario::ScenarioError(
          {{file.string(), 0, 0, p.key,
            "--write-scenario: no line '" + name + " = ...' in [" + section + "] to set"}});
  }
  std::ofstream(file) << [&] {
    std::ostringstream text;
    for (const std::string& line : lines) text << line << "\n";
    return text.str();
  }();
  std::printf("wrote the central set (%s) into %s\n", central.label.c_str(), file.string().c_str());
  return true;
}

Generation posterior_of(const calibrate::Calibration& c, const fs::path& ensemble) {
  const output::Posterior posterior = output::read_posterior(ensemble);
  std::vector<std::string> keys;
  for (const auto& p : c.spec.parameters) keys.push_back(p.key);
  if (posterior.parameters != keys)
    throw std::runtime_error("ensemble file '" + ensemble.string() + "': its parameters are not those of " +
                             c.spec.file.string());
  Generation g;
  g.index = posterior.generation;
  const std::size_t k = keys.size();
  for (int i = 0; i < posterior.particles(); ++i) {
    calibrate::Particle p;
    p.theta.assign(posterior.theta.begin() + static_cast<std::ptrdiff_t>(i * k),
                   posterior.theta.begin() + static_cast<std::ptrdiff_t>((i + 1) * k));
    p.weight = posterior.weights[static_cast<std::size_t>(i)];
    g.particles.push_back(std::move(p));
  }
  return g;
}

int run_report(const fs::path& ensemble, const fs::path& doc) {
  const std::string python = "/usr/bin/python3", script = SCORE_CALIBRATION_REPORT;
  std::vector<std::string> args{python, script, ensemble.string(), "--doc", doc.string()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, python.c_str(), nullptr, nullptr, argv.data(), environ) != 0) {
    std::cerr << "score calibrate: cannot start " << python << " for the report\n";
    return kInternal;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? kOk : kInternal;
}

}  // namespace score::cli
