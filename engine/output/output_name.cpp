#include "output/output_name.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>

namespace score::output {
namespace {

bool allowed(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-' || c == '=';
}

// FNV-1a: a short, stable tag for a cut name; not a security measure.
std::string hash_tag(std::string_view text) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : text) h = (h ^ c) * 16777619u;
  char buffer[9];
  std::snprintf(buffer, sizeof buffer, "%08x", h);
  return buffer;
}

// Windows refuses these as a file's name whatever follows the first dot.
bool reserved_on_windows(std::string_view stem) {
  static constexpr std::array<std::string_view, 4> plain{"con", "prn", "aux", "nul"};
  std::string base(stem.substr(0, stem.find('.')));
  std::transform(base.begin(), base.end(), base.begin(), [](unsigned char c) { return std::tolower(c); });
  if (std::find(plain.begin(), plain.end(), base) != plain.end()) return true;
  return base.size() == 4 && (base.starts_with("com") || base.starts_with("lpt")) && std::isdigit(base[3]);
}

}  // namespace

std::string safe_file_stem(std::string_view name) {
  std::string stem;
  for (char c : name) stem += allowed(c) ? c : '_';
  stem.erase(0, stem.find_first_not_of("._-"));  // npos: all of it
  while (!stem.empty() && stem.back() == '.') stem.pop_back();
  if (stem.empty()) return name.empty() ? "unnamed" : std::string("unnamed-").append(hash_tag(name));
  if (reserved_on_windows(stem)) stem = std::string("x_").append(stem);
  if (stem.size() > kMaxStem) {
    stem.resize(kMaxStem - 9);
    while (stem.back() == '.') stem.back() = '_';
    stem += '-';
    stem += hash_tag(name);
  }
  return stem;
}

std::filesystem::path default_results_path(std::string_view name, const std::vector<std::string>& overrides) {
  std::string full(name);
  for (const std::string& o : overrides) full += "--" + o;
  return std::filesystem::path("results") / (safe_file_stem(full) + ".h5");
}

}  // namespace score::output
