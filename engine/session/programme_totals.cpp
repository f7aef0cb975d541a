#include "session/programme_totals.hpp"

#include <limits>

#include "core/statistics.hpp"

namespace score::session {
namespace {

using S = sim::Summary;

double sum(const sim::PhaseSummary& s, int slot, S which) {
  double total = 0;
  for (int p = 0; p < s.phases(); ++p) total += s.at(p, slot, which);
  return total;
}

}  // namespace

// From the catalogue: flows sum over phases, ratios with parts are recomputed
// from their parts' totals, stocks and ratios without parts are the last phase's.
double programme_total(const sim::PhaseSummary& s, int slot, S which) {
  if (s.phases() == 0) return std::numeric_limits<double>::quiet_NaN();
  const sim::SummaryInfo& row = sim::info(which);
  if (row.kind == sim::Kind::flow) return sum(s, slot, which);
  if (row.numerator != S::count)
    return ratio_or_nan(programme_total(s, slot, row.numerator), programme_total(s, slot, row.denominator));
  return s.at(s.phases() - 1, slot, which);
}

}  // namespace score::session
