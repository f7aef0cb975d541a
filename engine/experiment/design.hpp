#pragma once
// Experimental designs: which parameter points a sweep or a sensitivity
// analysis runs.
//
// A design is a matrix whose rows are points of the unit hypercube, one
// column per factor; map_to_ranges() turns it into parameter values. Every
// function here is pure: the same arguments (and seed) give the same design,
// bit for bit, on any machine. Invalid arguments throw std::invalid_argument.
//
// References
//   McKay, Beckman & Conover (1979), Technometrics 21:239-245 (Latin hypercube).
//   Joe & Kuo (2008), SIAM J. Sci. Comput. 30:2635-2654 (Sobol' direction
//     numbers, table "new-joe-kuo-6.21201").
//   Saltelli et al. (2010), Comput. Phys. Commun. 181:259-270 (A, B, AB_i).
//   Morris (1991), Technometrics 33:161-174 (one-at-a-time trajectories).
#include <cstdint>
#include <string>
#include <vector>

namespace score::experiment {

// Rows are points, columns are factors.
using Points = std::vector<std::vector<double>>;

// One uncertain input. Continuous factors span [lo, hi], on a log scale if
// log_scale (then 0 < lo <= hi). A non-empty `levels` makes the factor
// discrete: its values are exactly those levels, and lo, hi, log_scale are
// ignored.
struct Factor {
  std::string name;
  double lo = 0.0, hi = 1.0;
  bool log_scale = false;
  std::vector<double> levels;
};

// Every combination of factor values, in parameter units, with the last factor
// varying fastest (like nested loops, first factor outermost). Discrete
// factors take their levels in the order given; continuous ones take
// levels_if_continuous evenly spaced values from lo to hi inclusive
// (geometrically spaced if log_scale), which must then be >= 2. No factors
// give one empty point: the base run.
Points full_factorial(const std::vector<Factor>& factors, int levels_if_continuous);

// n points in [0, 1)^k such that, in every dimension, each of the n strata
// [j/n, (j+1)/n) holds exactly one point; the stratum of point i is a random
// permutation per dimension and the position inside it is uniform.
Points latin_hypercube(int n, int k, std::uint64_t seed);

// Largest k that sobol_sequence() accepts (the embedded Joe-Kuo rows + 1).
int sobol_max_dimension();

// Points skip, ..., skip + n - 1 of the unscrambled Sobol' sequence in
// [0, 1)^k, 1 <= k <= sobol_max_dimension(), with 32-bit direction numbers
// (so skip + n <= 2^32). Point 0 is the origin; dimension 1 is the van der
// Corput sequence in base 2. For n = 2^m and skip a multiple of 2^m every
// dimension puts exactly one point in each interval [j/2^m, (j+1)/2^m).
Points sobol_sequence(int n, int k, int skip = 0);

// Row indices into a saltelli() design, all zero-based: factor i in [0, k),
// base row j in [0, n).
struct SaltelliLayout {
  int n = 0, k = 0;
  int a(int j) const { return j; }
  int b(int j) const { return n + j; }
  int ab(int i, int j) const { return (2 + i) * n + j; }
  int rows() const { return (k + 2) * n; }
};

// The n * (k + 2) points of Saltelli (2010): from the 2k-dimensional Sobol'
// points skip .. skip + n - 1, A is the first k columns and B the last k;
// AB_i is A with column i taken from B. Rows are blocks of n:
// [A, B, AB_0, ..., AB_{k-1}] (see SaltelliLayout). Needs 2k <=
// sobol_max_dimension(); n a power of two keeps the Sobol' balance.
Points saltelli(int n, int k, int skip = 0);

// The skip a sweep's saltelli design uses: the smallest power of two >= n and
// >= 2. Points 0 (the origin) and 1 (every coordinate 1/2) of the Sobol'
// sequence have A equal to B, so with skip 0 a design of n = 2 estimates
// nothing; starting at a multiple of n keeps the n points a balanced block.
int saltelli_skip(int n);

// Step s (0-based) of a Morris trajectory: going from its point s to point
// s + 1 changes only `factor`, by `delta` (+/- the grid delta).
struct MorrisStep {
  int factor = 0;
  double delta = 0.0;
};

struct MorrisLayout {
  int trajectories = 0, k = 0;
  std::vector<MorrisStep> steps;  // trajectories * k, trajectory-major
  // Row of point p in [0, k] of trajectory t.
  int row(int t, int p) const { return t * (k + 1) + p; }
  const MorrisStep& step(int t, int s) const { return steps[static_cast<std::size_t>(t * k + s)]; }
};

struct MorrisDesign {
  Points points;  // trajectories * (k + 1) rows, trajectory-major
  MorrisLayout layout;
};

// Morris (1991) trajectories on the grid {0, 1/(p-1), ..., 1} with p = levels
// and delta = p / (2 (p - 1)). Each trajectory starts at a random grid point
// and then changes every factor once, in a random order and a random
// direction, by exactly +/- delta. levels must be even and >= 2: for odd p
// delta is not a multiple of 1/(p-1) and points would leave the grid. Points
// lie in the closed cube [0, 1]^k (1 is a grid level).
MorrisDesign morris(int trajectories, int k, int levels, std::uint64_t seed);

// Parameter values for unit points, one column per factor: lo + u (hi - lo)
// on a linear scale, lo (hi/lo)^u on a log scale, and for discrete factors
// levels[floor(u * L)] (u = 1 picks the last level).
Points map_to_ranges(const Points& unit_points, const std::vector<Factor>& factors);

}  // namespace score::experiment
