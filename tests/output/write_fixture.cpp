// Writes the small results file the Python checks (open_with_xarray.py and the
// docs example) read: 4 replications, 24 months, 2 countries, 2 phases.
#include <cstdio>
#include <exception>

#include "synthetic_run.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s RESULTS.h5\n", argv[0]);
    return 2;
  }
  try {
    score::output::testing::write_run(argv[1], score::output::testing::small_run(4, 24));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
  return 0;
}
