#include "calibrate/toml_input.hpp"

#include <fstream>
#include <sstream>

#include "scenario/diagnostic.hpp"
#include "scenario/document.hpp"

namespace score::calibrate {

TomlInput read_toml_input(const std::filesystem::path& file, std::string_view what) {
  TomlInput out{file.lexically_normal().string(), {}, {}};
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

std::optional<sim::Summary> summary_by_name(std::string_view name) {
  const auto& catalogue = sim::summary_catalogue();
  for (int s = 0; s < sim::kSummaries; ++s)
    if (name == catalogue[static_cast<std::size_t>(s)].name) return static_cast<sim::Summary>(s);
  return std::nullopt;
}

std::optional<sim::Metric> metric_by_name(std::string_view name) {
  for (int m = 0; m < sim::kMetrics; ++m)
    if (name == sim::info(static_cast<sim::Metric>(m)).name) return static_cast<sim::Metric>(m);
  return std::nullopt;
}

}  // namespace score::calibrate
