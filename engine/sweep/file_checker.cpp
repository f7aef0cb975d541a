#include "sweep/file_checker.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "scenario/validate.hpp"

namespace score::sweep::detail {

LoadedToml load_toml(const std::filesystem::path& file, std::string_view what) {
  LoadedToml out{file.lexically_normal().string(), {}, {}};
  std::string problem = scenario::unreadable_because(file);
  std::ifstream in(file, std::ios::binary);
  if (problem.empty() && !in) problem = "cannot be opened";
  if (!problem.empty())
    throw scenario::ScenarioError(
        {{out.display, 0, 0, "", "cannot read " + std::string(what) + ": " + problem}});
  std::ostringstream text;
  text << in.rdbuf();
  out.text = std::move(text).str();
  try {
    out.root = toml::parse(out.text, out.display);
  } catch (const toml::parse_error& e) {
    throw scenario::ScenarioError({scenario::diagnostic_at(e.source(), "", std::string(e.description()))});
  }
  return out;
}

std::string key_path(const std::string& prefix, std::string_view key) {
  return prefix.empty() ? std::string(key) : prefix + "." + std::string(key);
}

void FileChecker::unknown_keys(const toml::table& table, const std::string& prefix,
                               std::initializer_list<std::string_view> allowed) {
  const std::vector<std::string_view> names(allowed);
  for (const auto& [key, node] : table) {
    bool known = false;
    for (std::string_view name : names) known = known || key.str() == name;
    if (known) continue;
    std::string message = "unknown key";
    const std::string_view suggestion = scenario::closest_match(key.str(), names);
    if (!suggestion.empty()) message += "; did you mean '" + std::string(suggestion) + "'?";
    diagnostics_.push_back(
        scenario::diagnostic_at(key.source(), key_path(prefix, key.str()), std::move(message)));
  }
}

std::optional<std::string> FileChecker::string(const toml::table& table, const std::string& prefix,
                                               std::string_view key) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (const auto value = node->value_exact<std::string>()) return *value;
  error(*node, key_path(prefix, key), "expected a string");
  return std::nullopt;
}

std::optional<std::int64_t> FileChecker::integer(const toml::table& table, const std::string& prefix,
                                                 std::string_view key, std::int64_t lo, std::int64_t hi) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  const auto value = node->value_exact<std::int64_t>();
  if (!value) {
    error(*node, key_path(prefix, key), "expected an integer");
    return std::nullopt;
  }
  if (*value < lo || *value > hi) {
    error(*node, key_path(prefix, key),
          "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", not " +
              std::to_string(*value));
    return std::nullopt;
  }
  return value;
}

std::optional<bool> FileChecker::boolean(const toml::table& table, const std::string& prefix,
                                         std::string_view key) {
  const toml::node* node = table.get(key);
  if (!node) return std::nullopt;
  if (const auto value = node->value_exact<bool>()) return *value;
  error(*node, key_path(prefix, key), "expected true or false");
  return std::nullopt;
}

std::optional<double> FileChecker::number(const toml::node& node, const std::string& path) {
  std::optional<double> value;
  if (const auto i = node.value_exact<std::int64_t>()) value = static_cast<double>(*i);
  if (const auto f = node.value_exact<double>()) value = *f;
  if (!value) {
    error(node, path, "expected a number");
    return std::nullopt;
  }
  if (!std::isfinite(*value)) {
    error(node, path, "must be finite");
    return std::nullopt;
  }
  return value;
}

void FileChecker::throw_if_errors() const {
  if (!diagnostics_.empty()) throw scenario::ScenarioError(diagnostics_);
}

}  // namespace score::sweep::detail
