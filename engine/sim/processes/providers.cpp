// settle_providers: each provider's month in its books (overhead and its
// certified trainers' pay as costs). A provider is
// independent when, over a window, it covered the required share of its
// costs without ILO or donor money and has enough certified trainers; it
// drops out after a long enough run of losing months (on its own books,
// with reserves_keep_open, only once its reserves no longer cover its fixed
// costs), and the reason is kept (losses, or neither trainers nor trainees
// left). The month's totals then feed the price providers set on their own
// books.
#include <numeric>

#include "sim/processes.hpp"
#include "sim/provider_pricing.hpp"

namespace score::sim {
namespace {

// Certified trainers are a monthly cost. A provider whose reserves are
// spent and whose month lost money cannot pay them all: it lets one go a
// month, so it keeps trainers while it can pay them and shrinks towards
// what its own books carry.
void pay_trainers(Provider& p, const model::Behaviour& b) {
  p.month_cost += b.trainer_usd_per_month * p.certified;
  if (b.trainer_usd_per_month > 0 && p.certified > 0 && p.reserves + p.month_revenue - p.month_cost < 0 &&
      p.month_revenue < p.month_cost)
    --p.certified;
}

// On its own books a provider is a business that closes when it can no
// longer pay its way: after a run of losing months it stays open while its
// reserves cover a month of its fixed costs. One with neither trainers nor
// trainees has nothing to deliver with (its reserves could not even train
// one, own_trainers_target) and closes on the run alone.
bool reserves_keep_open(const State& s, const Provider& p, bool idle) {
  const model::Behaviour& b = s.model->behaviour;
  if (b.reserves_keep_open == 0 || idle || !on_own_books(s, p.country)) return false;
  return p.reserves >= b.provider_overhead_usd_per_month + b.trainer_usd_per_month * p.certified;
}

void settle(const State& s, Provider& p) {
  const model::Behaviour& b = s.model->behaviour;
  const int step = s.step;
  p.month_cost += b.provider_overhead_usd_per_month;
  pay_trainers(p, b);
  p.reserves += p.month_revenue - p.month_cost;
  const std::size_t w = p.cost_window.size();
  const std::size_t slot = static_cast<std::size_t>(step) % w;
  p.own_revenue_window[slot] = p.month_own_revenue;
  p.cost_window[slot] = p.month_cost;
  p.window_filled = std::min(p.window_filled + 1, static_cast<int>(w));
  const double own = std::accumulate(p.own_revenue_window.begin(), p.own_revenue_window.end(), 0.0);
  const double cost = std::accumulate(p.cost_window.begin(), p.cost_window.end(), 0.0);
  p.independent = p.window_filled == static_cast<int>(w) && p.certified >= b.independence_min_trainers &&
                  cost > 0 && own >= b.independence_cost_share * cost;
  // Losses count once the provider could deliver (it has certified
  // trainers); a provider left with neither trainers nor trainees is idle,
  // and idleness counts like a loss.
  const bool idle = p.certified == 0 && p.trainees_ready.empty();
  if ((p.certified > 0 && p.month_revenue < p.month_cost) || idle) {
    ++p.loss_streak;
  } else if (p.month_revenue >= p.month_cost && !idle) {
    p.loss_streak = 0;
  }
  if (p.loss_streak >= b.loss_months_to_drop && !reserves_keep_open(s, p, idle)) {
    p.dropped_idle = idle;
    p.active = false;
    p.independent = false;
    p.certified = 0;
    p.trainees_ready.clear();
  }
}

}  // namespace

void settle_providers(State& s) {
  for (Provider& p : s.providers)
    if (p.active) settle(s, p);
  update_own_books(s);
}

}  // namespace score::sim
