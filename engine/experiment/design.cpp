// Full factorial, Latin hypercube and Saltelli designs, and the map from the
// unit cube to parameter values. Sobol' points live in sobol_sequence.cpp,
// Morris trajectories in morris_design.cpp.
#include "experiment/design.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <utility>

#include "experiment/stream.hpp"

namespace score::experiment {
namespace {

void require(bool ok, const char* what) {
  if (!ok) throw std::invalid_argument(what);
}

void check_factor(const Factor& f) {
  if (!f.levels.empty()) return;  // discrete: the range is not used
  require(std::isfinite(f.lo) && std::isfinite(f.hi) && f.lo <= f.hi,
          "factor range must be finite with lo <= hi");
  require(!f.log_scale || f.lo > 0.0, "a log-scale factor needs lo > 0");
}

double continuous_value(const Factor& f, double u) {
  if (f.log_scale) return f.lo * std::pow(f.hi / f.lo, u);
  return f.lo + u * (f.hi - f.lo);
}

double value_at(const Factor& f, double u) {
  require(u >= 0.0 && u <= 1.0, "map_to_ranges: unit coordinates must lie in [0, 1]");
  if (f.levels.empty()) return continuous_value(f, u);
  const std::size_t count = f.levels.size();
  // u = 1 (a Morris grid end) would index one past the end: it belongs to the
  // last level.
  const auto index = static_cast<std::size_t>(std::floor(u * static_cast<double>(count)));
  return f.levels[std::min(index, count - 1)];
}

std::vector<double> factor_values(const Factor& f, int levels_if_continuous) {
  if (!f.levels.empty()) return f.levels;
  require(levels_if_continuous >= 2, "full_factorial: levels_if_continuous must be >= 2");
  const auto count = static_cast<std::size_t>(levels_if_continuous);
  std::vector<double> values(count);
  const double last = static_cast<double>(levels_if_continuous - 1);
  for (std::size_t j = 0; j + 1 < count; ++j) values[j] = continuous_value(f, static_cast<double>(j) / last);
  values[count - 1] = f.hi;  // the end point exactly, whatever pow() rounds to
  return values;
}

}  // namespace

Points full_factorial(const std::vector<Factor>& factors, int levels_if_continuous) {
  std::vector<std::vector<double>> values;
  std::size_t rows = 1;
  for (const Factor& f : factors) {
    check_factor(f);
    values.push_back(factor_values(f, levels_if_continuous));
    if (values.back().size() > static_cast<std::size_t>(INT_MAX) / rows)
      throw std::length_error("full_factorial: more than INT_MAX combinations");
    rows *= values.back().size();
  }
  // Row r written in the mixed radix of the level counts, last factor as the
  // least significant digit, gives each factor's level index.
  Points out(rows, std::vector<double>(factors.size()));
  for (std::size_t r = 0; r < rows; ++r) {
    std::size_t rest = r;
    for (std::size_t c = factors.size(); c-- > 0;) {
      out[r][c] = values[c][rest % values[c].size()];
      rest /= values[c].size();
    }
  }
  return out;
}

Points latin_hypercube(int n, int k, std::uint64_t seed) {
  require(n >= 0 && k >= 0, "latin_hypercube: n and k must be >= 0");
  const auto rows = static_cast<std::size_t>(n);
  Points out(rows, std::vector<double>(static_cast<std::size_t>(k)));
  std::vector<std::uint32_t> stratum(rows);
  for (int d = 0; d < k; ++d) {
    detail::Stream stream(seed, static_cast<std::uint64_t>(d));
    std::iota(stratum.begin(), stratum.end(), 0u);
    for (std::size_t i = rows; i > 1; --i)  // Fisher-Yates
      std::swap(stratum[i - 1], stratum[stream.below(static_cast<std::uint32_t>(i))]);
    for (std::size_t i = 0; i < rows; ++i) {
      const double p = stratum[i];
      const double top = (p + 1.0) / n;
      // p + u can round up to p + 1 when u is within an ulp of 1; keep the
      // point inside its stratum so the promise holds exactly.
      const double x = (p + stream.uniform()) / n;
      out[i][static_cast<std::size_t>(d)] = x < top ? x : std::nextafter(top, 0.0);
    }
  }
  return out;
}

Points saltelli(int n, int k, int skip) {
  require(k >= 1 && 2 * k <= sobol_max_dimension(), "saltelli: need 1 <= k and 2k <= sobol_max_dimension()");
  require(n >= 0 && n <= INT_MAX / (k + 2), "saltelli: n out of range");
  const Points base = sobol_sequence(n, 2 * k, skip);
  const SaltelliLayout at{n, k};
  const auto width = static_cast<std::size_t>(k);
  Points out(static_cast<std::size_t>(at.rows()), std::vector<double>(width));
  for (int j = 0; j < n; ++j) {
    const auto& point = base[static_cast<std::size_t>(j)];
    auto& a = out[static_cast<std::size_t>(at.a(j))];
    auto& b = out[static_cast<std::size_t>(at.b(j))];
    a.assign(point.begin(), point.begin() + k);
    b.assign(point.begin() + k, point.end());
    for (int i = 0; i < k; ++i) {
      auto& ab = out[static_cast<std::size_t>(at.ab(i, j))];
      ab = a;
      ab[static_cast<std::size_t>(i)] = b[static_cast<std::size_t>(i)];
    }
  }
  return out;
}

int saltelli_skip(int n) {
  require(n >= 0 && n <= (1 << 30), "saltelli_skip: n out of range");
  int skip = 2;
  while (skip < n) skip *= 2;
  return skip;
}

Points map_to_ranges(const Points& unit_points, const std::vector<Factor>& factors) {
  for (const Factor& f : factors) check_factor(f);
  Points out;
  out.reserve(unit_points.size());
  for (const auto& u : unit_points) {
    require(u.size() == factors.size(), "map_to_ranges: each point needs one coordinate per factor");
    std::vector<double>& row = out.emplace_back(u.size());
    for (std::size_t c = 0; c < u.size(); ++c) row[c] = value_at(factors[c], u[c]);
  }
  return out;
}

}  // namespace score::experiment
