#include "calibrate/abc_smc.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "calibrate/kernel.hpp"
#include "experiment/stream.hpp"

namespace score::calibrate {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Attempt numbers of a generation's resampling draws, far above its moves'.
constexpr std::int64_t kResampleAttempts = std::int64_t{1} << 38;

// The stream of attempt a of generation g: its prior or kernel draws, and
// (from a second stream) the seed of its simulation.
experiment::detail::Stream attempt_stream(std::uint64_t seed, int generation, std::int64_t attempt,
                                          int purpose) {
  const auto id = (static_cast<std::uint64_t>(generation) << 40) ^
                  (static_cast<std::uint64_t>(attempt) << 1) ^ static_cast<std::uint64_t>(purpose);
  return {seed, id};
}

std::uint64_t simulation_seed(std::uint64_t seed, int generation, std::int64_t attempt) {
  return attempt_stream(seed, generation, attempt, 1).bits() >> 11;  // below 2^53, like run.seed
}

Particle make_particle(const std::vector<PriorRange>& priors, std::vector<double> unit) {
  Particle p;
  p.unit = std::move(unit);
  for (std::size_t j = 0; j < priors.size(); ++j) p.theta.push_back(priors[j].to_value(p.unit[j]));
  return p;
}

}  // namespace

double PriorRange::to_value(double unit) const {
  if (log_scale) return std::exp(std::log(lo) + unit * (std::log(hi) - std::log(lo)));
  return lo + unit * (hi - lo);
}

double Generation::acceptance_rate() const {
  if (attempts <= 0) return 0.0;
  const auto taken = index == 0 ? static_cast<std::int64_t>(particles.size()) : moved;
  return static_cast<double>(taken) / static_cast<double>(attempts);
}

double Generation::effective_sample_size() const {
  // Copies of one particle (a resampled particle whose moves were all
  // refused) count once, with their weights summed.
  std::vector<std::size_t> order(particles.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return particles[a].unit < particles[b].unit; });
  double sum = 0, squares = 0;
  for (std::size_t i = 0; i < order.size();) {
    double w = 0;
    std::size_t j = i;
    for (; j < order.size() && particles[order[j]].unit == particles[order[i]].unit; ++j)
      w += particles[order[j]].weight;
    sum += w, squares += w * w;
    i = j;
  }
  return squares > 0 ? sum * sum / squares : 0.0;
}

int moves_for(const AbcSettings& s, const Generation& previous, std::int64_t simulations_left) {
  if (s.unmoved <= 0 || previous.index == 0) return s.moves;
  const double p = previous.acceptance_rate();
  // P(a particle never moves in R rounds) = (1 - p)^R <= c.
  const double wanted = p >= 1 ? 1.0 : p <= 0 ? s.max_moves : std::ceil(std::log(s.unmoved) / std::log1p(-p));
  const std::int64_t generations_left = std::max(1, s.generations - previous.index);
  const std::int64_t share = simulations_left / (std::int64_t{s.population} * generations_left);
  const double rounds = std::min({wanted, static_cast<double>(s.max_moves), static_cast<double>(share)});
  return std::max(1, static_cast<int>(rounds));
}

const char* stop_reason(Stop stop) {
  switch (stop) {
    case Stop::generations:
      return "the generations asked for are done";
    case Stop::acceptance:
      return "the acceptance rate fell below its minimum";
    case Stop::budget:
      // Also when runs are left but fewer than the next generation may need.
      return "the runs left in the budget cannot pay for another generation";
    case Stop::exact:
      return "every particle meets every target (tolerance 0)";
    case Stop::cancelled:
      return "interrupted";
  }
  return "";
}

AbcSmc::AbcSmc(std::vector<PriorRange> priors, AbcSettings settings, Simulator simulator)
    : priors_(std::move(priors)), settings_(settings), simulator_(std::move(simulator)) {}

Generation AbcSmc::prior_sample() const {
  Generation g;
  g.tolerance = kInf;
  std::vector<Proposal> proposals;
  for (int a = 0; a < settings_.population; ++a) {
    auto stream = attempt_stream(settings_.seed, 0, a, 0);
    std::vector<double> unit(priors_.size());
    for (double& u : unit) u = stream.uniform();
    g.particles.push_back(make_particle(priors_, std::move(unit)));
    proposals.push_back({g.particles.back().theta, simulation_seed(settings_.seed, 0, a)});
  }
  const std::vector<Outcome> outcomes = simulator_(proposals);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    g.particles[i].distance = outcomes[i].distance;
    g.particles[i].values = outcomes[i].values;
    g.particles[i].weight = 1.0 / settings_.population;
  }
  g.attempts = g.simulations = settings_.population;
  return g;
}

Generation AbcSmc::next(const Generation& previous, std::int64_t simulations_left,
                        const std::function<bool()>& cancelled) const {
  Generation g;
  g.index = previous.index + 1;
  std::vector<double> distances;
  for (const Particle& p : previous.particles) distances.push_back(p.distance);
  g.tolerance = weighted_quantile(distances, std::vector<double>(distances.size(), 1.0), settings_.quantile);
  const auto incomplete = [&] { return Generation{g.index, g.tolerance, g.attempts, g.simulations, 0, {}}; };
  // The survivors already meet the new tolerance; they are resampled (by
  // weight) up to the population and each copy is then moved.
  std::vector<Particle> survivors;
  for (const Particle& p : previous.particles)
    if (p.distance <= g.tolerance) survivors.push_back(p);
  const std::int64_t population = settings_.population;
  const int moves = moves_for(settings_, previous, simulations_left);
  if (survivors.empty() || population * moves > simulations_left) return incomplete();
  std::vector<double> cumulative;
  double running = 0;
  for (const Particle& p : survivors) cumulative.push_back(running += p.weight);
  for (std::int64_t i = 0; i < population; ++i) {
    auto stream = attempt_stream(settings_.seed, g.index, kResampleAttempts + i, 0);
    const double pick = stream.uniform() * running;
    const auto j = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), pick) -
                                            cumulative.begin());
    g.particles.push_back(survivors[std::min(j, survivors.size() - 1)]);
  }
  // Metropolis-Hastings moves of ABC-MCMC (Marjoram et al. 2003) that leave
  // the generation's target, the prior restricted to distances within the
  // tolerance, unchanged: under a uniform prior and a symmetric step a move
  // is taken when it stays in the cube and its own simulation is within the
  // tolerance. One batch per round of moves, so the same for any thread count.
  const Kernel kernel(survivors);
  for (int round = 0; round < moves; ++round) {
    std::vector<Proposal> proposals;
    std::vector<Particle> candidates;
    std::vector<std::size_t> mover;
    for (std::int64_t i = 0; i < population; ++i) {
      const std::int64_t a = round * population + i;
      auto stream = attempt_stream(settings_.seed, g.index, a, 0);
      std::vector<double> unit = kernel.step(g.particles[static_cast<std::size_t>(i)].unit, stream);
      if (!inside_unit_cube(unit)) continue;  // zero prior density: refused without a run
      candidates.push_back(make_particle(priors_, std::move(unit)));
      proposals.push_back({candidates.back().theta, simulation_seed(settings_.seed, g.index, a)});
      mover.push_back(static_cast<std::size_t>(i));
    }
    const std::vector<Outcome> outcomes = simulator_(proposals);
    if (cancelled && cancelled()) return incomplete();
    g.attempts += population;
    g.simulations += static_cast<std::int64_t>(proposals.size());
    for (std::size_t c = 0; c < outcomes.size(); ++c) {
      if (!(outcomes[c].distance <= g.tolerance)) continue;
      candidates[c].distance = outcomes[c].distance;
      candidates[c].values = outcomes[c].values;
      g.particles[mover[c]] = std::move(candidates[c]);
      ++g.moved;
    }
  }
  for (Particle& p : g.particles) p.weight = 1.0 / static_cast<double>(population);
  return g;
}

std::optional<Stop> AbcSmc::stop_after(const Generation& last, std::int64_t used) const {
  if (last.index >= settings_.generations) return Stop::generations;
  if (last.index > 0 && last.acceptance_rate() < settings_.min_acceptance) return Stop::acceptance;
  double worst = 0;
  for (const Particle& p : last.particles) worst = std::max(worst, p.distance);
  if (worst == 0) return Stop::exact;
  if (used >= settings_.budget) return Stop::budget;
  return std::nullopt;
}

AbcSmc::Result AbcSmc::run(std::vector<Generation> done,
                           const std::function<void(const Generation&)>& on_generation,
                           const std::function<bool()>& cancelled) const {
  Result result{std::move(done), Stop::generations};
  auto used = [&] {
    std::int64_t n = 0;
    for (const Generation& g : result.generations) n += g.simulations;
    return n;
  };
  if (result.generations.empty()) {
    result.generations.push_back(prior_sample());
    on_generation(result.generations.back());
  }
  while (true) {
    if (const auto stop = stop_after(result.generations.back(), used())) {
      result.stop = *stop;
      return result;
    }
    if (cancelled && cancelled()) {
      result.stop = Stop::cancelled;
      return result;
    }
    Generation g = next(result.generations.back(), settings_.budget - used(), cancelled);
    if (g.particles.empty()) {
      result.stop = (cancelled && cancelled()) ? Stop::cancelled : Stop::budget;
      return result;
    }
    result.generations.push_back(std::move(g));
    on_generation(result.generations.back());
  }
}

double weighted_quantile(std::span<const double> values, std::span<const double> weights, double q) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  double total = 0;
  for (const std::size_t i : order)
    if (!std::isnan(values[i])) total += weights[i];
  double running = 0;
  for (const std::size_t i : order) {
    if (std::isnan(values[i])) continue;
    running += weights[i];
    if (running >= q * total) return values[i];
  }
  return std::numeric_limits<double>::quiet_NaN();
}

double column_quantile(const Generation& g, Column column, std::size_t j, double q) {
  std::vector<double> x, w;
  for (const Particle& p : g.particles) {
    x.push_back(column == Column::theta ? p.theta[j] : p.values[j]);
    w.push_back(p.weight);
  }
  return weighted_quantile(x, w, q);
}

}  // namespace score::calibrate
