// progress_training: a module runs duration_months from intake to the last
// follow-up visit; at its end the firm adopts the practices or not, and
// adopters draw their improvements and savings.
#include "core/rng.hpp"
#include "sim/parallel.hpp"
#include "sim/processes.hpp"

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

// Completes firm i's module if its last visit is this month; returns the module or -1.
int complete(State& s, int i) {
  Firms& f = s.firms;
  const auto u = static_cast<std::size_t>(i);
  const int m = f.module[u];
  if (f.state[u] != FirmState::training || s.step - f.since[u] < s.model->modules[static_cast<std::size_t>(m)].duration_months)
    return -1;
  Rng rng(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i), Purpose::outcome);
  f.modules_done[u] = static_cast<std::uint8_t>(f.modules_done[u] | (1 << m));
  draw_outcomes(s, i, m, rng);
  Rng next(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i), Purpose::continuation);
  const bool more = f.modules_done[u] != (1 << model::kModules) - 1 && next.bernoulli(s.model->behaviour.continuation);
  f.state[u] = more ? FirmState::aware : FirmState::done;
  f.since[u] = static_cast<std::int16_t>(s.step);
  f.module[u] = -1;
  f.provider[u] = -1;
  return m;
}

}  // namespace

void progress_training(State& s) {
  const int nc = static_cast<int>(s.countries.size());
  const auto done = reduce_agents(0, static_cast<int>(s.firms.size()), static_cast<std::size_t>(nc * model::kModules),
                                  [&](int i, std::vector<double>& acc) {
                                    const int m = complete(s, i);
                                    if (m >= 0) acc[static_cast<std::size_t>(s.firms.country[static_cast<std::size_t>(i)] * model::kModules + m)] += 1;
                                  });
  for (int c = 0; c < nc; ++c)
    for (int m = 0; m < model::kModules; ++m)
      s.series.at(Metric::modules_completed, s.step, c, m) = done[static_cast<std::size_t>(c * model::kModules + m)];
}

}  // namespace score::sim
