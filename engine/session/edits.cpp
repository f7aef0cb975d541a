#include "session/edits.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "scenario/diagnostic.hpp"

namespace score::session {
namespace {

// Integers must stay integers in TOML, or the schema rejects them.
std::string value_text(const Lever& lever, double value) {
  if (lever.integer()) return std::to_string(static_cast<long long>(std::llround(value)));
  const std::string text = scenario::format_number(value);
  const bool integral = text.find_first_of(".eEin") == std::string::npos;
  return integral ? text + ".0" : text;
}

std::string parent_of(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot == std::string::npos ? "" : path.substr(0, dot);
}

std::string last_key(const std::string& path) {
  const auto dot = path.rfind('.');
  return dot == std::string::npos ? path : path.substr(dot + 1);
}

}  // namespace

void Edits::set(const Lever& lever, double value) {
  if (lever.numeric && value == lever.value && !lever.is_default) {
    erase(lever.path);
    return;
  }
  values_[lever.path] = value;
  texts_[lever.path] = value_text(lever, value);
}

std::vector<std::string> Edits::overrides() const {
  std::vector<std::string> out;
  for (const auto& [path, text] : texts_) out.push_back(path + "=" + text);
  return out;
}

std::string extends_toml(const std::filesystem::path& original, const std::filesystem::path& target,
                         const Edits& edits) {
  const std::filesystem::path base = std::filesystem::absolute(target).parent_path();
  const std::string relative = std::filesystem::absolute(original)
                                   .lexically_normal()
                                   .lexically_relative(base.lexically_normal())
                                   .generic_string();
  std::ostringstream os;
  os << "# Saved by score-viewer: the levers changed from " << original.filename().string() << ".\n"
     << "extends = \"" << relative << "\"\n";
  // Edits are in path order, so keys of one table are adjacent.
  std::string table = "\x01";
  for (const std::string& line : edits.overrides()) {
    const std::string path = line.substr(0, line.find('='));
    if (parent_of(path) != table) {
      table = parent_of(path);
      if (!table.empty()) os << "\n[" << table << "]\n";
    }
    os << last_key(path) << " = " << line.substr(line.find('=') + 1) << "\n";
  }
  return os.str();
}

void save_extends(const std::filesystem::path& original, const std::filesystem::path& target,
                  const Edits& edits) {
  const std::string text = extends_toml(original, target, edits);
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw std::runtime_error(target.string() + ": cannot write the scenario");
}

Checked check(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  Checked out;
  try {
    out.scenario = std::make_shared<const scenario::Scenario>(scenario::load_scenario(file, overrides));
  } catch (const scenario::ScenarioError& e) {
    out.diagnostics = e.diagnostics();
  }
  return out;
}

}  // namespace score::session
