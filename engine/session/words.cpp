#include "session/words.hpp"

#include <fstream>
#include <map>

#include "scenario/document.hpp"

namespace score::session {

std::string humanise_key(const std::string& key) {
  std::string out = key;
  if (out.size() > 4 && out.ends_with("_usd")) out.resize(out.size() - 4);
  for (char& c : out)
    if (c == '_') c = ' ';
  for (std::size_t at = out.find(" usd "); at != std::string::npos; at = out.find(" usd "))
    out.replace(at, 5, " (USD) ");
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string table_label(const std::string& table) {
  const std::vector<std::string> parts = scenario::split_path(table);
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string part = parts[i];
    if (i == 0 && parts.size() > 1 && (part == "phases" || part == "funders" || part == "countries")) {
      static const std::map<std::string, std::string> singular{
          {"phases", "Phase "}, {"funders", "Funder "}, {"countries", "Country "}};
      part = singular.at(part) + parts[++i];
    } else if (part != "country") {
      part = humanise_key(part);
    } else {
      continue;  // "country.GHA" reads as "GHA"
    }
    out += (out.empty() ? "" : ", ") + part;
  }
  return out;
}

std::string lever_label(const Lever& lever) {
  const std::string where = table_label(lever.table);
  return humanise_key(lever.key) + (where.empty() ? "" : " (" + where + ")");
}

std::string path_label(const std::vector<Lever>& levers, const std::string& path) {
  if (const Lever* lever = find_lever(levers, path)) return lever_label(*lever);
  const std::vector<std::string> parts = scenario::split_path(path);
  if (parts.empty()) return path;
  const std::string where =
      table_label(path.substr(0, path.size() - parts.back().size() - (parts.size() > 1)));
  return humanise_key(parts.back()) + (parts.size() > 1 ? " (" + where + ")" : "");
}

std::string person_message(const scenario::Diagnostic& d, const std::vector<Lever>& levers) {
  if (!d.file.starts_with("--set")) {
    const std::string file = std::filesystem::path(d.file).filename().string();
    scenario::Diagnostic shorter = d;
    shorter.file = file;
    return shorter.format();
  }
  if (d.key_path.empty()) return "an edit: " + d.message;
  return path_label(levers, d.key_path) + ": " + d.message;
}

bool is_hdf5(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[8] = {};
  in.read(head, sizeof head);
  return in.gcount() == 8 && std::string(head, 8) == std::string("\x89HDF\r\n\x1a\n", 8);
}

std::string phase_title(const PhaseSpan& phase, YearMonth start) {
  // Names often repeat the id ("Phase III: buyers and licensing").
  std::string out = "Phase " + phase.id;
  if (phase.name.starts_with(out))
    out = phase.name;
  else if (!phase.name.empty() && phase.name != phase.id)
    out += ": " + phase.name;
  return out + ", " + format_year_month(start.plus(phase.first_step)) + " to " +
         format_year_month(start.plus(phase.last_step));
}

bool is_share(const Lever& lever) {
  return lever.numeric && lever.spec->unit == "share" && lever.spec->min >= 0 && lever.spec->max <= 1;
}

}  // namespace score::session
