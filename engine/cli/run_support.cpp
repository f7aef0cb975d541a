#include "cli/run_support.hpp"

#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <set>

#include "cli/commands.hpp"
#include "output/output_lock.hpp"
#include "scenario/plausible.hpp"

namespace score::cli {

std::vector<PhaseLabel> phase_labels(const std::vector<output::PhaseInfo>& phases, YearMonth start) {
  std::vector<PhaseLabel> out;
  for (const auto& p : phases)
    out.push_back(
        {p.id, p.name,
         format_year_month(start.plus(p.first_step)) + " to " + format_year_month(start.plus(p.last_step))});
  return out;
}

namespace {

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
struct sigaction g_saved_int {
}, g_saved_term{};

// Async-signal-safe: atomics, signal() and raise() only.
extern "C" void on_stop_signal(int number) {
  if (g_stop.exchange(true)) {
    std::signal(number, SIG_DFL);
    std::raise(number);
    return;
  }
  g_signal = number;
}

void install(int number, struct sigaction& saved) {
  sigaction(number, nullptr, &saved);
  if (number == SIGINT && saved.sa_handler == SIG_IGN) return;
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking call (a wait in a worker) returns and re-checks.
  sigaction(number, &action, nullptr);
}

}  // namespace

StopSignals::StopSignals() {
  g_stop = false;
  g_signal = 0;
  install(SIGINT, g_saved_int);
  install(SIGTERM, g_saved_term);
  announce("signals");
}

StopSignals::~StopSignals() {
  sigaction(SIGINT, &g_saved_int, nullptr);
  sigaction(SIGTERM, &g_saved_term, nullptr);
}

const std::atomic<bool>& StopSignals::flag() const { return g_stop; }

int StopSignals::exit_code() const { return 128 + (g_signal ? g_signal.load() : SIGINT); }

std::string StopSignals::name() const {
  const int number = g_signal;
  return number == SIGTERM ? "SIGTERM" : number == SIGINT ? "SIGINT" : "";
}

void announce(const char* stage) {
  static const char* const variable = std::getenv("SCORE_TEST_READY_FD");
  if (!variable) return;
  static std::mutex mutex;
  static std::set<std::string> said;
  std::lock_guard lock(mutex);
  if (!said.insert(stage).second) return;
  const int fd = std::atoi(variable);
  const std::string line = std::string(stage) + "\n";
  [[maybe_unused]] const ssize_t ignored = ::write(fd, line.data(), line.size());
}

std::size_t print_warnings(const scenario::Scenario& sc) {
  const std::vector<scenario::Diagnostic> warnings = scenario::plausibility_warnings(sc.document);
  for (const auto& w : warnings) std::cerr << w.format() << "\n";
  return warnings.size();
}

int guarded(const std::function<int()>& body, const std::string& prefix, int otherwise) {
  try {
    return body();
  } catch (const scenario::ScenarioError& e) {
    for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
    return kBadInput;
  } catch (const output::OutputBusy& e) {
    std::cerr << "score: " << e.what() << "\n";
    return kBadInput;
  } catch (const std::exception& e) {
    std::cerr << prefix << e.what() << "\n";
    return otherwise;
  }
}

}  // namespace score::cli
