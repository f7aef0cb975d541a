#pragma once
// PRIM scenario discovery: which ranges of the inputs hold most of the cases
// of interest (say, the sweep points where cost recovery stays below 50 %)?
//
// The Patient Rule Induction Method finds a box (a range per input) by
// peeling: starting from the box that holds every point, it repeatedly cuts
// off a slice of share `alpha` of the points in the box at the low or high
// end of one input, choosing the cut that leaves the highest share of cases
// in the box, until the box holds fewer than `min_mass` of the points. Then
// it pastes: it widens one bound at a time by `paste_alpha` of the box's
// points while that raises the share of cases. Every box on the way is kept
// (the peeling trajectory), so the user can trade coverage (share of all
// cases inside the box) for density (share of the box's points that are
// cases). Pure and deterministic: ties go to the cut that removes fewer
// points, then to the lower input, then to the low side.
//
// References
//   Friedman & Fisher (1999), Statistics and Computing 9:123-143 (PRIM).
//   Bryant & Lempert (2010), Technol. Forecast. Soc. Change 77:34-49
//     (scenario discovery; coverage, density, quasi-p-values).
//   Kwakkel (2017), Environ. Model. Softw. 96:239-250 (the EMA Workbench).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "experiment/design.hpp"

namespace score::experiment {

struct PrimOptions {
  double alpha = 0.05;        // share of the box's points peeled off per step, in (0, 0.5)
  double paste_alpha = 0.05;  // share of the box's points added per pasting step, in (0, 1]
  double min_mass = 0.05;     // peeling stops before the box holds fewer than this share of the points
};

// A box: lo[j] <= x[j] <= hi[j] for every input j, bounds taken from the
// data; for a categorical input, bit x[j] of categories[j] set instead
// (lo and hi then its lowest and highest category in the box).
// `restricted` counts the inputs whose range is narrower than the data's.
struct PrimBox {
  std::vector<double> lo, hi;
  std::vector<std::uint64_t> categories;  // per input; 0 for numeric ones
  std::size_t points = 0, cases = 0;
  double coverage = 0, density = 0, mass = 0;
  int restricted = 0;
  bool pasted = false;  // reached by pasting (after the last peel)
};

struct PrimResult {
  std::vector<double> data_lo, data_hi;        // each input's range over all points
  std::vector<std::uint64_t> data_categories;  // each categorical input's categories; 0 for numeric ones
  std::size_t points = 0, cases = 0;
  std::vector<PrimBox> trajectory;  // box 0 holds every point
};

// The trajectory for inputs `x` (rows are points, one column per input) and
// `is_case` (one flag per point). Throws std::invalid_argument for no points,
// rows of unequal length, a length mismatch, non-finite inputs or options
// outside their ranges. `categorical` flags the categorical inputs (none
// when empty); their values must be whole numbers from 0 to 63.
PrimResult prim(const Points& x, const std::vector<bool>& is_case, const PrimOptions& options = {},
                const std::vector<bool>& categorical = {});

// Whether row `x` lies in the box.
bool inside(const PrimBox& box, const std::vector<double>& x);

// The densest box whose coverage is at least `min_coverage` (ties: the
// larger mass, then the earlier box); box 0 when none is.
std::size_t choose_box(const PrimResult& result, double min_coverage);

// Per input whose range the box restricts: the quasi-p-value of Bryant and
// Lempert (2010), the probability under a binomial model that the box's
// cases would be as many as they are if that restriction were lifted, i.e.
// P(X >= cases) for X ~ Binomial(box points, density of the box without the
// restriction). Small values: the restriction matters. NaN for inputs the
// box does not restrict.
std::vector<double> quasi_p_values(const PrimResult& result, const PrimBox& box, const Points& x,
                                   const std::vector<bool>& is_case);

// P(X >= k) for X ~ Binomial(n, p).
double binomial_upper_tail(std::size_t n, std::size_t k, double p);

}  // namespace score::experiment
