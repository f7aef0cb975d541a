#pragma once
// Reading a sweep file's TOML with every problem recorded as a positioned
// diagnostic instead of thrown, so one pass reports them all. Private to the
// sweep layer (sweep_file.cpp and sweep_parameters.cpp).
#include <toml++/toml.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/diagnostic.hpp"
#include "scenario/document.hpp"
#include "sweep/sweep_file.hpp"

namespace score::sweep::detail {

class FileChecker {
 public:
  explicit FileChecker(std::string file) : file_(std::move(file)) {}

  void error(const toml::node& at, std::string key_path, std::string message) {
    diagnostics_.push_back(scenario::diagnostic_at(at.source(), std::move(key_path), std::move(message)));
  }
  // A problem of the whole file (no position).
  void error(std::string message) { diagnostics_.push_back({file_, 0, 0, "", std::move(message)}); }

  // Reports keys of `table` outside `allowed`, with a suggestion for typos.
  void unknown_keys(const toml::table& table, const std::string& prefix,
                    std::initializer_list<std::string_view> allowed);

  // Typed reads of table[key]; nullopt (with a diagnostic when present but
  // wrong) when absent or unusable. Integers must lie in [lo, hi].
  std::optional<std::string> string(const toml::table& table, const std::string& prefix,
                                    std::string_view key);
  std::optional<std::int64_t> integer(const toml::table& table, const std::string& prefix,
                                      std::string_view key, std::int64_t lo, std::int64_t hi);
  std::optional<bool> boolean(const toml::table& table, const std::string& prefix, std::string_view key);
  // A number (integer or float), or nullopt with a diagnostic.
  std::optional<double> number(const toml::node& node, const std::string& key_path);

  const std::string& file() const { return file_; }
  const std::vector<scenario::Diagnostic>& diagnostics() const { return diagnostics_; }
  void throw_if_errors() const;

 private:
  std::string file_;
  std::vector<scenario::Diagnostic> diagnostics_;
};

// A TOML input file read once: its bytes, and the table parsed from them.
struct LoadedToml {
  std::string display;  // the path as messages show it
  std::string text;
  toml::table root;
};
// The bytes are read once and parsed from memory (toml::parse, as
// toml::parse_file does) so that the stored text, its hash and the parsed
// table are certainly the same file even if it is edited meanwhile. Throws
// scenario::ScenarioError naming the file ("cannot read <what>: ...", or the
// parse error at its line and column). Also read by the calibration layer.
LoadedToml load_toml(const std::filesystem::path& file, std::string_view what);

// "prefix.key", or "key" for an empty prefix.
std::string key_path(const std::string& prefix, std::string_view key);

// Reads the [[parameter]] entries (sweep_parameters.cpp). `base` may be null.
std::vector<Parameter> read_parameters(FileChecker& check, const toml::table& root,
                                       const scenario::Document* base);

// Reads the [[policy]] and [[decision]] entries (sweep_policies.cpp) into
// `spec`, whose parameters and method are read already. `base` may be null.
void read_policies(FileChecker& check, const toml::table& root, const scenario::Document* base,
                   SweepSpec& spec);

}  // namespace score::sweep::detail
