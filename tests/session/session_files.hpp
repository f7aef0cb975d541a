#pragma once
// Paths the session tests share: the small test programme, and a fresh
// directory per test for what a test writes.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <span>
#include <string>

#include "session/session.hpp"
#include "support/scratch_dir.hpp"

namespace score::session::testing {

// Two countries, three years: a replication takes milliseconds.
inline std::filesystem::path small_scenario() {
  return std::filesystem::path(SCORE_SOURCE_DIR) / "tests/sweep/data/small_scenario.toml";
}

// Equal to the last bit, NaN included.
inline bool same_bits(std::span<const double> a, std::span<const double> b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// Opens the small programme in `s` and runs it to the end.
inline void run_small(Session& s, int replications = 0) {
  ASSERT_EQ(s.open(small_scenario()), "");
  s.set_replications(replications);
  ASSERT_EQ(s.start(), "");
  s.wait();
  ASSERT_EQ(s.status(), RunStatus::finished);
}

class SessionFiles : public score_test::ScratchDir {
 protected:
  SessionFiles() : ScratchDir("score_session_") {}
};

}  // namespace score::session::testing
