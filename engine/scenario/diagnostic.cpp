#include "scenario/diagnostic.hpp"

#include <charconv>
#include <cmath>

namespace score::scenario {
namespace {

std::string join_formatted(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.format();
  }
  return out;
}

}  // namespace

std::string Diagnostic::format() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (column > 0) out += ':' + std::to_string(column);
    }
    out += ": ";
  }
  if (!key_path.empty()) out += key_path + ": ";
  out += message;
  return out;
}

std::string format_number(double value) {
  char buf[32];
  std::to_chars_result r{};
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e16)
    r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
  else if (std::isinf(value))
    return value > 0 ? "inf" : "-inf";
  else
    r = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, r.ptr);
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_formatted(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace score::scenario
