#pragma once
// What the fuzzers share: the engine reads files by name, so each input is
// written to a scratch file first, in a directory of the fuzzer's own that
// also holds the scenarios an input may `extends` (copies of scenarios/*.toml
// and the small sweep-test scenario), so that relative bases resolve.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace score::fuzz {

// The fuzzer's scratch directory: $TMPDIR (or /tmp)/score-fuzz-<pid>, made
// once, with the scenarios copied in; removed at exit.
inline std::filesystem::path make_scratch_dir() {
  namespace fs = std::filesystem;
  const char* tmp = std::getenv("TMPDIR");
  const fs::path d = fs::path(tmp && *tmp ? tmp : "/tmp") / ("score-fuzz-" + std::to_string(getpid()));
  fs::create_directories(d);
  for (const auto& e : fs::directory_iterator(fs::path(SCORE_SOURCE_DIR) / "scenarios"))
    if (e.path().extension() == ".toml")
      fs::copy_file(e.path(), d / e.path().filename(), fs::copy_options::overwrite_existing);
  fs::copy_file(fs::path(SCORE_SOURCE_DIR) / "tests/sweep/data/small_scenario.toml", d / "small.toml",
                fs::copy_options::overwrite_existing);
  return d;
}

inline void remove_scratch_dir();

inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = make_scratch_dir();
  // Registered once `dir` exists, so it runs before `dir` is destroyed.
  static const bool cleanup = (std::atexit(remove_scratch_dir), true);
  (void)cleanup;
  return dir;
}

inline void remove_scratch_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(scratch_dir(), ignored);
}

// `size` bytes written to scratch_dir()/name; returns the path.
inline std::filesystem::path write_input(const char* name, const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path path = scratch_dir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace score::fuzz
