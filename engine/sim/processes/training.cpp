// progress_training: a module runs duration_months from intake to the last
// follow-up visit; at its end the firm adopts the practices or not, and
// adopters draw their improvements and savings.
#include <algorithm>

#include "sim/graph.hpp"
#include "sim/parallel.hpp"
#include "sim/processes.hpp"
#include "sim/streams.hpp"

namespace score::sim {
namespace {

void draw_outcomes(State& s, int i, int m, Rng& rng) {
  Firms& f = s.firms;
  const auto u = static_cast<std::size_t>(i);
  const model::Behaviour& b = s.model->behaviour;
  const model::Module& mod = s.model->modules[static_cast<std::size_t>(m)];
  // Adoption is the firm's disposition, decided at its first module: the
  // Phase I share (75-80%) is a share of enterprises, not of modules.
  const bool first = f.modules_done[u] == (1 << m);
  if (first) f.adopted[u] = rng.bernoulli(b.adoption_probability) ? 1 : 0;
  if (!f.adopted[u]) return;
  // Each effect: reported by effect_probability of adopters, its size
  // uniform on [0, 2 * mean] so the mean matches the reported average.
  for (int k = 0; k < model::kIndicators; ++k) {
    const double mean = mod.effect_mean[static_cast<std::size_t>(k)];
    if (mean <= 0 || !rng.bernoulli(mod.effect_probability)) continue;
    const double gain = std::min(1.0, rng.uniform(0.0, 2.0 * mean));
    float& imp = f.improvement[static_cast<std::size_t>(k)][u];
    imp = static_cast<float>(1.0 - (1.0 - imp) * (1.0 - gain));
  }
  if (rng.bernoulli(b.savings_probability))
    f.savings_usd[u] += static_cast<float>(rng.uniform(0.0, b.savings_max_usd_per_month));
}

// Firm i's module ends this month: its last follow-up visit is due.
bool ends_now(const State& s, int i) {
  const Firms& f = s.firms;
  const auto u = static_cast<std::size_t>(i);
  return f.state[u] == FirmState::training &&
         s.step - f.since[u] >= s.model->modules[static_cast<std::size_t>(f.module[u])].duration_months;
}

// Completes firm i's module (precondition: ends_now); returns the module.
int complete(State& s, int i) {
  Firms& f = s.firms;
  const auto u = static_cast<std::size_t>(i);
  const int m = f.module[u];
  Rng rng(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i),
          Purpose::outcome);
  f.modules_done[u] = static_cast<std::uint8_t>(f.modules_done[u] | (1 << m));
  draw_outcomes(s, i, m, rng);
  Rng next(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i),
           Purpose::continuation);
  const bool more =
      f.modules_done[u] != (1 << model::kModules) - 1 && next.bernoulli(s.model->behaviour.continuation);
  f.state[u] = more ? FirmState::aware : FirmState::done;
  f.since[u] = static_cast<std::int16_t>(s.step);
  f.module[u] = -1;
  f.provider[u] = -1;
  return m;
}

}  // namespace

// The modules whose last visit falls this month end; their firms draw
// outcomes and come back for more (returning) or are done.
void progress_training(State& s) {
  struct Completion {
    std::int32_t firm;
    std::int8_t module;
    Stocks before, after;
  };
  const Ids ending = s.active.module_ends.take(s.step);
  const auto completions = collect_listed<Completion>(ending, [&](int i, std::vector<Completion>& out) {
    if (!ends_now(s, i)) return;
    const Stocks before = stock_of(s.firms, i);
    const int m = complete(s, i);
    out.push_back({i, static_cast<std::int8_t>(m), before, stock_of(s.firms, i)});
  });
  for (const Completion& done : completions) {
    const auto u = static_cast<std::size_t>(done.firm);
    const int c = s.firms.country[u];
    s.series.at(Metric::modules_completed, s.step, c, done.module) += 1;
    Stocks& stocks = s.stocks[static_cast<std::size_t>(c)];
    stocks.add_change(done.before, done.after);
    stocks.in_training -= 1;
    if (s.firms.modules_done[u] == (1 << done.module)) {  // a first module: its peers hear of it
      Ids& told = s.active.told_peers[static_cast<std::size_t>(c)];
      for (const auto j :
           boost::make_iterator_range(neighbours(s.networks.peers, static_cast<std::uint32_t>(done.firm))))
        told.push_back(static_cast<std::int32_t>(j));
    }
    if (s.firms.state[u] == FirmState::aware) {
      s.active.returning.insert(done.firm);
      s.active.gives_up.add(patience_ends(s, s.step), done.firm);
    }
  }
}

}  // namespace score::sim
