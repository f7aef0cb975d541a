// decide_enrolment: an aware firm weighs the fee against the benefit it
// expects, checks it can pay, and feels its buyer's pressure; a firm that
// waited too long for a seat gives up.
//
// A firm enrols with probability min(1, rate x keen x pressure), keen <= 1.
// Firms that have not taken a module all share the bound
// p0 = min(1, enrol_rate x max(1, buyer_pressure)), so their draws are made
// as Bernoulli(p0) trials visited through geometric gaps (sampling.hpp), and
// only the successes are weighed, against a draw uniform below p0: the same
// probability, at the cost of the successes rather than of every waiting
// firm. Firms coming back for a further module (rate 1) are all weighed.
#include <algorithm>
#include <bit>
#include <cmath>

#include "core/bits.hpp"
#include "core/threads.hpp"
#include "sim/funding.hpp"
#include "sim/graph.hpp"
#include "sim/parallel.hpp"
#include "sim/population.hpp"
#include "sim/processes.hpp"
#include "sim/sampling.hpp"
#include "sim/streams.hpp"

namespace score::sim {
namespace {

// Module 1 first; later modules are chosen after the baseline assessment,
// here at random among those not yet taken. -1 when all are done.
int next_module(int done, Rng& rng) {
  if (!(done & 1)) return 0;
  const int left = model::kModules - count_bits(static_cast<unsigned>(done));
  if (left <= 0) return -1;
  int pick = static_cast<int>(rng.below(static_cast<std::uint32_t>(left)));
  for (int m = 1; m < model::kModules; ++m)
    if (!(done & (1 << m)) && pick-- == 0) return m;
  return -1;
}

// Monthly savings the firm expects: its own results if it has any, else
// what it was told, moved towards what its trained peers achieved.
double expected_savings(const State& s, int i) {
  const Firms& f = s.firms;
  const model::Behaviour& b = s.model->behaviour;
  if (f.modules_done[static_cast<std::size_t>(i)] != 0) return f.savings_usd[static_cast<std::size_t>(i)];
  double sum = 0;
  int n = 0;
  for (auto j : boost::make_iterator_range(neighbours(s.networks.peers, static_cast<std::uint32_t>(i)))) {
    if (f.modules_done[j] == 0) continue;
    sum += f.savings_usd[j];
    ++n;
  }
  return n == 0 ? b.told_savings_usd : (1 - b.peer_weight) * b.told_savings_usd + b.peer_weight * sum / n;
}

bool has_capacity(const State& s, int c) {
  for (const Provider& p : s.providers)
    if (p.country == c && p.active && p.certified > 0) return true;
  return false;
}

enum class Want { no, yes, priced_out };

// Whether firm i, drawing `draw` (uniform below min(1, rate x max pressure)),
// wants module m at its fee; priced_out when it would weigh it but the fee
// is more than it can pay. A firm that weighs a fee for the first time draws
// its profile here: only this task touches firm i this month.
Want wants_module(State& s, int i, int m, double rate, double draw) {
  const Firms& f = s.firms;
  const auto u = static_cast<std::size_t>(i);
  const model::Behaviour& b = s.model->behaviour;
  const double pressure = pushed_by_partner(s, i) ? b.buyer_pressure : 1.0;
  if (draw >= std::min(1.0, rate * pressure)) return Want::no;
  draw_profile(s, i);
  const double fee = expected_fee(s, i, m);
  if (fee > static_cast<double>(f.fee_capacity_usd[u])) return Want::priced_out;
  const double price = module_price(*s.model, f.country[u], m);
  const double value = expected_savings(s, i) * b.benefit_horizon_months - fee;
  const double keen = 1.0 / (1.0 + std::exp(-value / price));
  return draw < std::min(1.0, rate * keen * pressure) ? Want::yes : Want::no;
}

Rng enrol_rng(const State& s, int i, Purpose p) {
  return Rng(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step), static_cast<std::uint32_t>(i),
             p);
}

double first_bound(const model::Behaviour& b) {
  return std::min(1.0, b.enrol_rate * std::max(1.0, b.buyer_pressure));
}

// Firms whose patience ends this month: back to unaware if they never took
// a module, done otherwise. A firm that enrolled or came back since has a
// later `since`, and its old entry is ignored.
void give_up(State& s) {
  Firms& f = s.firms;
  for (const std::int32_t i : s.active.gives_up.take(s.step)) {
    const auto u = static_cast<std::size_t>(i);
    if (f.state[u] != FirmState::aware || patience_ends(s, f.since[u]) != s.step) continue;
    const bool trained = f.modules_done[u] != 0;
    f.state[u] = trained ? FirmState::done : FirmState::unaware;
    f.since[u] = static_cast<std::int16_t>(s.step);
    (trained ? s.active.returning : s.active.waiting).erase(i);
    if (!trained) ++s.countries[static_cast<std::size_t>(f.country[u])].unaware;
  }
}

// First modules: Bernoulli(p0) trials over each open country's waiting
// firms; the successes weigh module 1. Countries run in parallel (each has
// its own stream of trials) and are joined in country order.
Ids first_modules(State& s, const std::vector<std::uint8_t>& open) {
  const double p0 = first_bound(s.model->behaviour);
  const double rate = s.model->behaviour.enrol_rate;
  std::vector<Ids> keen(s.countries.size());
  std::vector<int> priced_out(s.countries.size(), 0);
  threads::for_each(0, static_cast<int>(s.countries.size()), [&](int c) {
    if (!open[static_cast<std::size_t>(c)]) return;
    const CountryState& cs = s.countries[static_cast<std::size_t>(c)];
    // The k-th success is the country's k-th waiting firm in id order.
    FirmSet::Ranks waiting(s.active.waiting, cs.first_firm, cs.end_firm);
    Draws trials(s.model->seed, s.replication, static_cast<std::uint32_t>(s.step),
                 static_cast<std::uint32_t>(c), Purpose::enrol_trials);
    each_success(s.active.waiting.count(cs.first_firm, cs.end_firm), p0, trials, [&](std::int64_t k) {
      const std::int32_t i = waiting.at(k);
      const Want want = wants_module(s, i, 0, rate, p0 * enrol_rng(s, i, Purpose::enrol).uniform());
      priced_out[static_cast<std::size_t>(c)] += want == Want::priced_out ? 1 : 0;
      if (want != Want::yes) return;
      s.firms.module[static_cast<std::size_t>(i)] = 0;
      keen[static_cast<std::size_t>(c)].push_back(i);
    });
  });
  Ids all;
  for (const Ids& k : keen) all.insert(all.end(), k.begin(), k.end());
  for (std::size_t c = 0; c < priced_out.size(); ++c)
    s.series.at(Metric::firms_priced_out, s.step, static_cast<int>(c)) += priced_out[c];
  return all;
}

// Further modules: every returning firm of an open country chooses its next
// module and weighs it (a firm only returns while it has modules left).
Ids further_modules(State& s, const std::vector<std::uint8_t>& open) {
  Firms& f = s.firms;
  struct Choice {
    std::int32_t firm;
    bool priced_out;
  };
  const auto chosen = collect_listed<Choice>(s.active.returning.ids(), [&](int i, std::vector<Choice>& out) {
    const auto u = static_cast<std::size_t>(i);
    if (!open[static_cast<std::size_t>(f.country[u])]) return;
    Rng choice = enrol_rng(s, i, Purpose::module_choice);
    const int m = next_module(f.modules_done[u], choice);
    if (m < 0) return;
    const Want want = wants_module(s, i, m, 1.0, enrol_rng(s, i, Purpose::enrol).uniform());
    if (want == Want::yes) f.module[u] = static_cast<std::int8_t>(m);
    if (want != Want::no) out.push_back({i, want == Want::priced_out});
  });
  Ids keen;
  for (const Choice& c : chosen) {
    if (!c.priced_out)
      keen.push_back(c.firm);
    else
      s.series.at(Metric::firms_priced_out, s.step, f.country[static_cast<std::size_t>(c.firm)]) += 1;
  }
  return keen;
}

}  // namespace

int patience_ends(const State& s, int since) {
  return since + static_cast<int>(std::floor(s.model->behaviour.max_wait_months)) + 1;
}

void decide_enrolment(State& s) {
  give_up(s);
  std::vector<std::uint8_t> open(s.countries.size());
  for (std::size_t c = 0; c < open.size(); ++c)
    open[c] = s.countries[c].plan && has_capacity(s, static_cast<int>(c));
  // Both lists are sorted (countries are id ranges, each visited in id
  // order; the returning firms come in id order) and disjoint: one merge
  // sorts them.
  Ids keen = first_modules(s, open);
  const Ids further = further_modules(s, open);
  const auto middle = static_cast<std::ptrdiff_t>(keen.size());
  keen.insert(keen.end(), further.begin(), further.end());
  std::inplace_merge(keen.begin(), keen.begin() + middle, keen.end());
  s.active.keen = std::move(keen);
}

}  // namespace score::sim
