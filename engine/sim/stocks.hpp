#pragma once
// What trained firms hold, by country (reach, adoption, savings, payback,
// improvements), kept current at the few events that change it: a module
// completed, a fee paid, a module started. Recording a month then reads
// these totals instead of visiting every firm.
#include <array>

#include "model/description.hpp"

namespace score::sim {

struct Firms;

struct Stocks {
  double trained = 0, workers = 0, adopting = 0, saving = 0, savings_usd = 0, payback_months = 0;
  double in_training = 0;
  std::array<double, model::kIndicators> improvement{};

  // Adds (after - before): how one firm's event changed its contribution.
  void add_change(const Stocks& before, const Stocks& after);
};

// Firm i's contribution to its country's stocks (zero until it completes a
// module; in_training is counted separately, at starts and completions).
Stocks stock_of(const Firms& f, int i);

}  // namespace score::sim
