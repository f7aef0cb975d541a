#include "seek_text.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace score::viewer {
namespace {

bool starts(const std::string& line, const char* prefix) { return line.rfind(prefix, 0) == 0; }

// "answer: KEY = VALUE (95% interval [LO, HI])"
bool parse_answer(const std::string& line, SeekText& out) {
  const std::size_t eq = line.find(" = "), open = line.find(" ("), pct = line.find("% interval ["),
                    comma = line.rfind(", "), close = line.rfind("])");
  if (eq == std::string::npos || open == std::string::npos || pct == std::string::npos ||
      comma == std::string::npos || close == std::string::npos || !(eq < open && open < pct && pct < comma))
    return false;
  out.lever = line.substr(8, eq - 8);
  out.answer = line.substr(eq + 3, open - eq - 3);
  out.confidence = line.substr(open + 2, pct - open - 2);
  out.interval_lo = line.substr(pct + 12, comma - pct - 12);
  out.interval_hi = line.substr(comma + 2, close - comma - 2);
  return out.answered = true;
}

// "   VALUE RUNS MET  P  [LO, HI]  VERDICT"
bool parse_probe(const std::string& line, SeekText& out) {
  std::istringstream in(line);
  SeekProbe p;
  std::string lo, hi;
  if (!(in >> p.value >> p.runs >> p.met >> p.probability >> lo >> hi)) return false;
  if (lo.front() != '[' || hi.back() != ']') return false;
  p.interval = lo + " " + hi;
  std::getline(in >> std::ws, p.verdict);
  out.probes.push_back(std::move(p));
  return true;
}

}  // namespace

SeekText parse_seek_text(const std::string& text, const std::string& file) {
  SeekText out;
  std::istringstream in(text);
  bool table = false;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (starts(line, "score seek: ")) {
      out.no_answer = line.substr(12);
    } else if (starts(line, "score seek ")) {
      out.question = line.substr(11);
    } else if (out.question.empty()) {
      throw std::runtime_error(file + ":" + std::to_string(n) +
                               ": not the output of `score seek` (it begins \"score seek NAME:\")");
    } else if (starts(line, "answer: ")) {
      if (!parse_answer(line, out))
        throw std::runtime_error(file + ":" + std::to_string(n) + ": unreadable answer");
    } else if (starts(line, "runs: ")) {
      out.runs = line.substr(6);
    } else if (line.find("verdict") != std::string::npos && line.find("P(met)") != std::string::npos) {
      table = true;
    } else if (table) {
      parse_probe(line, out);  // a progress line or a warning between the rows says nothing to keep
    } else {
      out.question.append(1, ' ').append(line, std::min(line.find_first_not_of(' '), line.size()));
    }
  }
  if (out.question.empty()) throw std::runtime_error(file + ": empty, not the output of `score seek`");
  return out;
}

SeekText read_seek_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot read");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_seek_text(text.str(), file.string());
}

}  // namespace score::viewer
