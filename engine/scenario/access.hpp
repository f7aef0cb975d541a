#pragma once
// Typed reads of a (validated) scenario for the model builder: absent keys
// fall back to the schema's defaults, problems become diagnostics positioned
// at the scenario text instead of exceptions, so the builder can report all
// of them at once (throw_if_errors).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "scenario/diagnostic.hpp"
#include "scenario/document.hpp"

namespace score::scenario {

class Reader {
 public:
  // Keeps a reference: the document must outlive the reader. `invalid` holds
  // the keys validation found wrong (validate(doc, invalid)): problems at
  // them, or under them, are not recorded again.
  explicit Reader(const Document& doc, std::set<std::string> invalid = {})
      : doc_(doc), invalid_(std::move(invalid)) {}

  // Paths are dotted ("phases.II.country.CHN.fee_share"). When a key is
  // absent the schema default is used; without one, "missing required key"
  // is recorded and a zero value returned.
  double number(std::string_view path) const;  // a provenance table gives its value
  std::int64_t integer(std::string_view path) const;
  bool boolean(std::string_view path) const;
  std::string string(std::string_view path) const;
  std::optional<YearMonth> month(
      std::string_view path) const;  // nullopt (and a diagnostic) if missing or invalid
  std::vector<std::string> strings(std::string_view path) const;
  std::vector<std::int64_t> integers(std::string_view path) const;

  // Optional keys without defaults (e.g. phases.<ID>.modules.<M>.fee_share,
  // phases.<ID>.exit): nullopt when absent, nothing recorded.
  std::optional<double> number_if(std::string_view path) const;
  std::optional<YearMonth> month_if(std::string_view path) const;

  // The keys of a table in file order (bases first); empty if absent.
  std::vector<std::string> keys(std::string_view table_path) const;
  bool has(std::string_view path) const;

  // Where a number came from, for uncertainty analysis; nullopt if absent.
  struct Provenance {
    double value = 0;
    std::optional<std::pair<double, double>> range;
    std::string source, note;
  };
  std::optional<Provenance> provenance(std::string_view path) const;

  // Records a problem at the key's node, or at its nearest existing parent;
  // not when the key (or a table above it) is already known to be wrong, nor
  // twice the same message for the same key.
  void error(std::string_view path, std::string message) const;
  // False when the key (or a table above it) holds a wrong value or a
  // problem was recorded at it: checks across keys skip such keys.
  bool valid(std::string_view path) const;
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  bool ok() const { return diagnostics_.empty(); }
  void throw_if_errors() const;  // ScenarioError with every recorded diagnostic
  const Document& document() const { return doc_; }

 private:
  struct Resolved;
  Resolved resolve(std::string_view path) const;
  void type_error(std::string_view path, std::string_view expected) const;

  bool known_wrong(std::string_view path) const;

  const Document& doc_;
  std::set<std::string> invalid_;
  mutable std::vector<Diagnostic> diagnostics_;  // reads record, so reads stay const
};

// "table.key": the path of `key` inside `table`. Short, as the builder names
// a key on nearly every line (`using detail::at;` in its files).
namespace detail {
inline std::string at(std::string_view table, std::string_view key) {
  return std::string(table) + "." + std::string(key);
}
}  // namespace detail

}  // namespace score::scenario
