#pragma once
// The scenario schema: every key a scenario may hold, its type, bounds, unit,
// default and meaning. Validation, the "did you mean" suggestions and the key
// reference in docs/scenario-format.md are all derived from this one list.
#include <limits>
#include <string_view>
#include <vector>

namespace score::scenario {

enum class Type {
  number,   // a float, or { value = , range = [lo, hi], source = "", note = "" }
  integer,  // an integer, or the same table with an integral value
  boolean,
  string,
  month,     // "YYYY-MM"
  strings,   // array of strings
  integers,  // array of integers
};

struct KeySpec {
  std::string_view path;  // dotted; '*' stands for one key of a table the user names
  Type type;
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::string_view unit;      // "USD", "share", "months", "firms", ... ("" for none)
  std::string_view fallback;  // the default as TOML value text; "" means required
  std::string_view doc;
  std::vector<std::string_view> choices = {};  // allowed strings (type string or strings)
};

// The whole schema, in the order the reference documents it.
const std::vector<KeySpec>& schema();

}  // namespace score::scenario
