#pragma once
// The bytes of a file as a string ("" when it cannot be opened).
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace score_test {

// Through a stringstream: GCC 12 flags std::string's istreambuf_iterator
// constructor, inlined from libstdc++, with -Wnull-dereference.
inline std::string file_text(const std::filesystem::path& path) {
  std::ostringstream bytes;
  if (std::ifstream in{path, std::ios::binary}) bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace score_test
