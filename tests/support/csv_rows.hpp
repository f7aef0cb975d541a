#pragma once
// The CSV tables the export writes, read back for the tests that check them.
#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace score_test {

using Row = std::vector<std::string>;

// RFC 4180 fields of one line (the export never puts line breaks in fields).
inline Row split(const std::string& line) {
  Row fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

inline std::vector<Row> read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<Row> rows;
  for (std::string line; std::getline(in, line);) rows.push_back(split(line));
  return rows;
}

// A number cell as written (NaN for an empty cell); a cell that is not
// wholly a number fails the test.
inline double number(const std::string& cell) {
  if (cell.empty()) return std::nan("");
  double value = 0;
  const auto result = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  EXPECT_EQ(result.ptr, cell.data() + cell.size()) << cell;
  return value;
}

}  // namespace score_test
