// The Sobol' sequence with Joe & Kuo (2008) direction numbers, built by the
// Gray-code method of Antonov & Saleev (1979).
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "experiment/design.hpp"

namespace score::experiment {
namespace {

// One row of the direction-number table: the primitive polynomial of degree s
// with interior coefficients a (bit s-2 is the x^(s-1) coefficient ... bit 0
// the x^1 coefficient), and the initial odd numbers m_1 .. m_s.
struct JoeKuoRow {
  int s;
  std::uint32_t a;
  std::array<std::uint32_t, 7> m;
};

// Dimensions 2 to 32: the first 31 rows of "new-joe-kuo-6.21201", S. Joe and
// F. Y. Kuo, https://web.maths.unsw.edu.au/~fkuo/sobol/ (Joe & Kuo 2008, SIAM
// J. Sci. Comput. 30:2635-2654), columns s, a, m_i. Dimension 1 needs no row.
constexpr std::array<JoeKuoRow, 31> kJoeKuo{{
    {1, 0, {1}},
    {2, 1, {1, 3}},
    {3, 1, {1, 3, 1}},
    {3, 2, {1, 1, 1}},
    {4, 1, {1, 1, 3, 3}},
    {4, 4, {1, 3, 5, 13}},
    {5, 2, {1, 1, 5, 5, 17}},
    {5, 4, {1, 1, 5, 5, 5}},
    {5, 7, {1, 1, 7, 11, 19}},
    {5, 11, {1, 1, 5, 1, 1}},
    {5, 13, {1, 1, 1, 3, 11}},
    {5, 14, {1, 3, 5, 5, 31}},
    {6, 1, {1, 3, 3, 9, 7, 49}},
    {6, 13, {1, 1, 1, 15, 21, 21}},
    {6, 16, {1, 3, 1, 13, 27, 49}},
    {6, 19, {1, 1, 1, 15, 7, 5}},
    {6, 22, {1, 3, 1, 15, 13, 25}},
    {6, 25, {1, 1, 5, 5, 19, 61}},
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},
}};

constexpr int kBits = 32;
using Directions = std::array<std::uint32_t, kBits>;

// v[b] = m_{b+1} / 2^{b+1} as a 32-bit binary fraction; for b >= s the m's
// follow the polynomial's recurrence (Joe & Kuo 2008, eq. 2), which in this
// shifted form reads v[b] = v[b-s] ^ (v[b-s] >> s) ^ sum_l a_l v[b-l].
Directions directions(int dimension) {
  Directions v{};
  if (dimension == 0) {  // van der Corput: every m is 1
    for (int b = 0; b < kBits; ++b) v[b] = 1u << (kBits - 1 - b);
    return v;
  }
  const JoeKuoRow& row = kJoeKuo[static_cast<std::size_t>(dimension - 1)];
  for (int b = 0; b < row.s; ++b) v[b] = row.m[b] << (kBits - 1 - b);
  for (int b = row.s; b < kBits; ++b) {
    v[b] = v[b - row.s] ^ (v[b - row.s] >> row.s);
    for (int l = 1; l < row.s; ++l)
      if ((row.a >> (row.s - 1 - l)) & 1u) v[b] ^= v[b - l];
  }
  return v;
}

// The numerator of point `index`: XOR of the directions picked by the bits of
// its Gray code, so a sequence can start anywhere without replaying it.
std::uint32_t numerator_at(const Directions& v, std::uint64_t index) {
  const std::uint64_t gray = index ^ (index >> 1);
  std::uint32_t x = 0;
  for (int b = 0; b < kBits; ++b)
    if ((gray >> b) & 1u) x ^= v[b];
  return x;
}

void fill_dimension(Points& out, int dimension, std::uint64_t skip) {
  const Directions v = directions(dimension);
  std::uint32_t x = numerator_at(v, skip);
  const auto column = static_cast<std::size_t>(dimension);
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i][column] = static_cast<double>(x) * 0x1.0p-32;
    // Gray codes of consecutive indices differ in one bit: the lowest zero
    // bit of the current index.
    const std::uint64_t index = skip + i;
    if (i + 1 < out.size()) x ^= v[static_cast<std::size_t>(std::countr_one(index))];
  }
}

}  // namespace

int sobol_max_dimension() { return static_cast<int>(kJoeKuo.size()) + 1; }

Points sobol_sequence(int n, int k, int skip) {
  if (n < 0 || skip < 0) throw std::invalid_argument("sobol_sequence: n and skip must be >= 0");
  if (k < 1 || k > sobol_max_dimension())
    throw std::invalid_argument("sobol_sequence: k must be in [1, " + std::to_string(sobol_max_dimension()) +
                                "]");
  // With 32-bit directions the sequence has 2^32 distinct points; an int n
  // and skip can never exceed that, so no further range check is needed.
  Points out(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(k)));
  for (int d = 0; d < k; ++d) fill_dimension(out, d, static_cast<std::uint64_t>(skip));
  return out;
}

}  // namespace score::experiment
