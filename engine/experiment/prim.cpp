#include "experiment/prim.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

namespace score::experiment {
namespace {

struct Data {
  const Points& x;
  const std::vector<bool>& is_case;
  std::size_t k = 0;
  std::vector<bool> categorical;  // one flag per input
};

constexpr int kMaxCategories = 64;  // bits of PrimBox::categories

bool is_category(double v) { return v >= 0 && v < kMaxCategories && v == std::floor(v); }

std::uint64_t bit(double category) { return std::uint64_t{1} << static_cast<int>(category); }

void check(const Points& x, const std::vector<bool>& is_case, const PrimOptions& o,
           const std::vector<bool>& categorical) {
  if (x.empty()) throw std::invalid_argument("prim: no points");
  if (x.size() != is_case.size()) throw std::invalid_argument("prim: one case flag per point is needed");
  for (const auto& row : x) {
    if (row.size() != x.front().size()) throw std::invalid_argument("prim: rows of unequal length");
    for (const double v : row)
      if (!std::isfinite(v)) throw std::invalid_argument("prim: an input is not a finite number");
    for (std::size_t j = 0; j < categorical.size() && j < row.size(); ++j)
      if (categorical[j] && !is_category(row[j]))
        throw std::invalid_argument("prim: a categorical input is not a whole number from 0 to 63");
  }
  if (!categorical.empty() && categorical.size() != x.front().size())
    throw std::invalid_argument("prim: one categorical flag per input is needed");
  if (!(o.alpha > 0 && o.alpha < 0.5)) throw std::invalid_argument("prim: alpha must lie in (0, 0.5)");
  if (!(o.paste_alpha > 0 && o.paste_alpha <= 1))
    throw std::invalid_argument("prim: paste_alpha must lie in (0, 1]");
  if (!(o.min_mass > 0 && o.min_mass < 1)) throw std::invalid_argument("prim: min_mass must lie in (0, 1)");
}

// Counts and shares of `box`, from the points it holds.
void measure(const Data& d, const PrimResult& r, PrimBox& box) {
  box.points = box.cases = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i)
    if (inside(box, d.x[i])) {
      ++box.points;
      box.cases += d.is_case[i] ? 1 : 0;
    }
  const auto n = static_cast<double>(d.x.size());
  box.mass = static_cast<double>(box.points) / n;
  box.density = box.points ? static_cast<double>(box.cases) / static_cast<double>(box.points) : 0.0;
  box.coverage = r.cases ? static_cast<double>(box.cases) / static_cast<double>(r.cases) : 0.0;
  box.restricted = 0;
  for (std::size_t j = 0; j < d.k; ++j)
    box.restricted += d.categorical[j] ? (box.categories[j] != r.data_categories[j] ? 1 : 0)
                                       : ((box.lo[j] > r.data_lo[j] || box.hi[j] < r.data_hi[j]) ? 1 : 0);
}

// Whether row's input j lies within the box's bound on it.
bool within(const PrimBox& box, const std::vector<double>& row, std::size_t j) {
  if (j < box.categories.size() && box.categories[j] != 0) return (box.categories[j] & bit(row[j])) != 0;
  return row[j] >= box.lo[j] && row[j] <= box.hi[j];
}

// A categorical input's lo and hi: its lowest and highest category in the box.
void categorical_bounds(PrimBox& box, std::size_t j) {
  box.lo[j] = std::countr_zero(box.categories[j]);
  box.hi[j] = kMaxCategories - 1 - std::countl_zero(box.categories[j]);
}

// The box with category c of categorical input j dropped (peel) or taken
// back (paste); none when that changes nothing or would empty the input.
std::optional<PrimBox> categorical_step(const Data& d, const PrimResult& r, const PrimBox& box, std::size_t j,
                                        int c, bool peeling) {
  const std::uint64_t b = std::uint64_t{1} << c;
  if ((r.data_categories[j] & b) == 0) return std::nullopt;
  if (peeling == ((box.categories[j] & b) == 0)) return std::nullopt;
  if (peeling && std::popcount(box.categories[j]) < 2) return std::nullopt;
  PrimBox out = box;
  out.categories[j] ^= b;
  categorical_bounds(out, j);
  out.pasted = !peeling;
  measure(d, r, out);
  if (out.points == box.points) return std::nullopt;
  return out;
}

// Whether candidate a beats b: denser, then fewer points removed (more left).
bool better(const PrimBox& a, const PrimBox& b) {
  if (a.density != b.density) return a.density > b.density;
  return a.points > b.points;
}

// The values of input j over the points in `box`, sorted.
std::vector<double> values_in(const Data& d, const PrimBox& box, std::size_t j) {
  std::vector<double> v;
  for (const auto& row : d.x)
    if (inside(box, row)) v.push_back(row[j]);
  std::sort(v.begin(), v.end());
  return v;
}

// The box with a slice of about alpha of its points cut from one end of
// input j. With ties at the quantile (discrete inputs) the cut moves to the
// next distinct value, so that every peel removes at least one point.
std::optional<PrimBox> peel(const Data& d, const PrimResult& r, const PrimBox& box, std::size_t j, bool low,
                            double alpha) {
  const std::vector<double> v = values_in(d, box, j);
  const auto cut = static_cast<std::size_t>(std::floor(alpha * static_cast<double>(v.size())));
  PrimBox out = box;
  if (low) {
    auto bound = v[cut];
    if (bound == v.front()) {
      const auto next = std::upper_bound(v.begin(), v.end(), bound);
      if (next == v.end()) return std::nullopt;
      bound = *next;
    }
    out.lo[j] = bound;
  } else {
    auto bound = v[v.size() - 1 - cut];
    if (bound == v.back()) {
      const auto prev = std::lower_bound(v.begin(), v.end(), bound);
      if (prev == v.begin()) return std::nullopt;
      bound = *(prev - 1);
    }
    out.hi[j] = bound;
  }
  out.pasted = false;
  measure(d, r, out);
  return out;
}

// The box with one bound of input j widened to take in about paste_alpha of
// the box's points from outside it (points within every other bound).
std::optional<PrimBox> paste(const Data& d, const PrimResult& r, const PrimBox& box, std::size_t j, bool low,
                             double paste_alpha) {
  std::vector<double> outside;
  for (const auto& row : d.x) {
    bool others = true;
    for (std::size_t m = 0; m < d.k && others; ++m) others = m == j || within(box, row, m);
    if (others && (low ? row[j] < box.lo[j] : row[j] > box.hi[j])) outside.push_back(row[j]);
  }
  if (outside.empty()) return std::nullopt;
  // Nearest first: descending below the box, ascending above it.
  std::sort(outside.begin(), outside.end());
  if (low) std::reverse(outside.begin(), outside.end());
  const auto take = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::ceil(paste_alpha * static_cast<double>(box.points))));
  const double bound = outside[std::min(take, outside.size()) - 1];
  PrimBox out = box;
  (low ? out.lo[j] : out.hi[j]) = bound;
  out.pasted = true;
  measure(d, r, out);
  return out;
}

// The best of every move that `keep` accepts: the low and the high end of
// each numeric input (`step`), each category of each categorical one
// (peeling: dropping it; pasting: taking it back).
template <class Step, class Keep>
std::optional<PrimBox> best_step(const Data& d, const PrimResult& r, const PrimBox& box, bool peeling,
                                 Step step, Keep keep) {
  std::optional<PrimBox> best;
  auto kept = [&](std::optional<PrimBox> c) { return c && keep(*c) ? c : std::nullopt; };
  for (std::size_t j = 0; j < d.k; ++j) {
    auto consider = [&](std::optional<PrimBox> candidate) {
      candidate = kept(std::move(candidate));
      if (candidate && (!best || better(*candidate, *best))) best = std::move(candidate);
    };
    if (d.categorical[j]) {
      for (int c = 0; c < kMaxCategories; ++c) consider(categorical_step(d, r, box, j, c, peeling));
      continue;
    }
    for (const bool low : {true, false}) consider(step(j, low));
  }
  return best;
}

void peel_all(const Data& d, PrimResult& r, const PrimOptions& o) {
  const auto n = static_cast<double>(d.x.size());
  while (r.trajectory.back().density < 1.0) {
    const PrimBox& box = r.trajectory.back();
    std::optional<PrimBox> next = best_step(
        d, r, box, true, [&](std::size_t j, bool low) { return peel(d, r, box, j, low, o.alpha); },
        [&](const PrimBox& c) { return static_cast<double>(c.points) >= o.min_mass * n; });
    if (!next) return;
    r.trajectory.push_back(std::move(*next));
  }
}

void paste_all(const Data& d, PrimResult& r, const PrimOptions& o) {
  while (true) {
    const PrimBox& box = r.trajectory.back();
    std::optional<PrimBox> next = best_step(
        d, r, box, false, [&](std::size_t j, bool low) { return paste(d, r, box, j, low, o.paste_alpha); },
        [&](const PrimBox& c) { return c.density > box.density; });
    if (!next) return;
    r.trajectory.push_back(std::move(*next));
  }
}

}  // namespace

bool inside(const PrimBox& box, const std::vector<double>& x) {
  for (std::size_t j = 0; j < x.size(); ++j)
    if (!within(box, x, j)) return false;
  return true;
}

PrimResult prim(const Points& x, const std::vector<bool>& is_case, const PrimOptions& options,
                const std::vector<bool>& categorical) {
  check(x, is_case, options, categorical);
  const std::size_t k = x.front().size();
  const Data d{x, is_case, k, categorical.empty() ? std::vector<bool>(k, false) : categorical};
  PrimResult r;
  r.points = x.size();
  r.cases = static_cast<std::size_t>(std::count(is_case.begin(), is_case.end(), true));
  r.data_lo.assign(d.k, std::numeric_limits<double>::infinity());
  r.data_hi.assign(d.k, -std::numeric_limits<double>::infinity());
  for (const auto& row : x)
    for (std::size_t j = 0; j < d.k; ++j) {
      r.data_lo[j] = std::min(r.data_lo[j], row[j]);
      r.data_hi[j] = std::max(r.data_hi[j], row[j]);
    }
  r.data_categories.assign(d.k, 0);
  for (const auto& row : x)
    for (std::size_t j = 0; j < d.k; ++j)
      if (d.categorical[j]) r.data_categories[j] |= bit(row[j]);
  PrimBox all{r.data_lo, r.data_hi, r.data_categories};
  measure(d, r, all);
  r.trajectory.push_back(std::move(all));
  if (r.cases == 0) return r;  // nothing to find
  peel_all(d, r, options);
  paste_all(d, r, options);
  return r;
}

std::size_t choose_box(const PrimResult& result, double min_coverage) {
  std::size_t best = 0;
  for (std::size_t b = 1; b < result.trajectory.size(); ++b) {
    const PrimBox& box = result.trajectory[b];
    const PrimBox& chosen = result.trajectory[best];
    if (box.coverage < min_coverage) continue;
    if (box.density > chosen.density || (box.density == chosen.density && box.mass > chosen.mass)) best = b;
  }
  return best;
}

double binomial_upper_tail(std::size_t n, std::size_t k, double p) {
  if (k == 0) return 1.0;
  if (k > n || p <= 0) return 0.0;
  if (p >= 1) return 1.0;
  double sum = 0;
  const double lp = std::log(p), lq = std::log1p(-p);
  for (std::size_t i = k; i <= n; ++i) {
    const auto ni = static_cast<double>(n), ii = static_cast<double>(i);
    sum += std::exp(std::lgamma(ni + 1) - std::lgamma(ii + 1) - std::lgamma(ni - ii + 1) + ii * lp +
                    (ni - ii) * lq);
  }
  return std::min(1.0, sum);
}

std::vector<double> quasi_p_values(const PrimResult& result, const PrimBox& box, const Points& x,
                                   const std::vector<bool>& is_case) {
  const std::size_t k = result.data_lo.size();
  std::vector<double> out(k, std::numeric_limits<double>::quiet_NaN());
  std::vector<bool> categorical(k);
  for (std::size_t j = 0; j < k && j < result.data_categories.size(); ++j)
    categorical[j] = result.data_categories[j] != 0;
  const Data d{x, is_case, k, categorical};
  PrimBox whole = box;
  whole.categories.resize(k, 0);
  for (std::size_t j = 0; j < k; ++j) {
    const std::uint64_t all = categorical[j] ? result.data_categories[j] : 0;
    if (box.lo[j] <= result.data_lo[j] && box.hi[j] >= result.data_hi[j] && whole.categories[j] == all)
      continue;
    PrimBox lifted = whole;
    lifted.lo[j] = result.data_lo[j];
    lifted.hi[j] = result.data_hi[j];
    lifted.categories[j] = all;
    measure(d, result, lifted);
    out[j] = binomial_upper_tail(box.points, box.cases, lifted.density);
  }
  return out;
}

}  // namespace score::experiment
