#include "sim/stocks.hpp"

#include "sim/state.hpp"

namespace score::sim {

void Stocks::add_change(const Stocks& before, const Stocks& after) {
  trained += after.trained - before.trained;
  workers += after.workers - before.workers;
  adopting += after.adopting - before.adopting;
  saving += after.saving - before.saving;
  savings_usd += after.savings_usd - before.savings_usd;
  payback_months += after.payback_months - before.payback_months;
  in_training += after.in_training - before.in_training;
  for (std::size_t k = 0; k < improvement.size(); ++k)
    improvement[k] += after.improvement[k] - before.improvement[k];
}

Stocks stock_of(const Firms& f, int i) {
  Stocks s;
  const auto u = static_cast<std::size_t>(i);
  if (f.modules_done[u] == 0) return s;
  s.trained = 1;
  s.workers = f.employees[u];
  if (!f.adopted[u]) return s;
  s.adopting = 1;
  s.savings_usd = f.savings_usd[u];
  for (std::size_t k = 0; k < s.improvement.size(); ++k) s.improvement[k] = f.improvement[k][u];
  if (f.savings_usd[u] <= 0) return s;
  s.saving = 1;
  s.payback_months = f.fees_paid_usd[u] / f.savings_usd[u];
  return s;
}

}  // namespace score::sim
