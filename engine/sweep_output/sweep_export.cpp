#include "sweep_output/sweep_export.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "output/csv_export.hpp"
#include "output/temporary_path.hpp"
#include "sim/summary.hpp"
#include "sweep_output/sweep_reader.hpp"

namespace score::output {

namespace {

// The header row: point, replication, the policy option (policy sweeps),
// the parameters, then the outcomes.
void write_header(std::ostream& out, const SweepFileInfo& info) {
  out << "point,replication";
  if (!info.policies.empty()) out << ",policy";
  for (const auto& key : info.parameters) out << ',' << csv_text(key);
  for (const auto& phase : info.phases)
    for (const auto& s : sim::summary_catalogue()) out << ',' << csv_text(std::string(s.name) + "_" + phase);
  out << '\n';
}

// One point's rows; outcome is [replication][phase][summary].
void write_point(std::ostream& out, const SweepFile& file, int point, const std::vector<double>& design) {
  const SweepFileInfo& info = file.info();
  const std::size_t k = info.parameters.size(), phases = info.phases.size();
  const std::vector<double> outcome = file.outcome(point);
  for (int r = 0; r < info.replications; ++r) {
    out << point << ',' << r;
    if (!info.policies.empty())
      out << ','
          << csv_text(
                 info.policies[static_cast<std::size_t>(info.point_policy[static_cast<std::size_t>(point)])]);
    for (std::size_t j = 0; j < k; ++j)
      out << ',' << csv_number(design[static_cast<std::size_t>(point) * k + j]);
    // Phase-major columns over a summary-minor layout: the header's order.
    for (std::size_t p = 0; p < phases; ++p)
      for (int s = 0; s < sim::kSummaries; ++s)
        out << ',' << csv_number(outcome[(static_cast<std::size_t>(r) * phases + p) * sim::kSummaries + s]);
    out << '\n';
  }
}

[[noreturn]] void cannot_write(const std::filesystem::path& path, const std::string& why) {
  throw std::runtime_error("cannot write '" + path.string() + "': " + why);
}

}  // namespace

void export_sweep_csv(const std::filesystem::path& sweep_results, const std::filesystem::path& dir) {
  const SweepFile file(sweep_results);
  const std::vector<double> design = file.design();
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw std::runtime_error("cannot create '" + dir.string() + "': " + error.message());
  const std::filesystem::path target = dir / "sweep.csv", temporary = temporary_path(target);
  try {
    std::ofstream out(temporary, std::ios::binary);
    if (!out) cannot_write(target, std::strerror(errno));
    write_header(out, file.info());
    for (int p = 0; p < file.info().points; ++p) write_point(out, file, p, design);
    out.close();
    if (!out) cannot_write(target, std::strerror(errno));
    std::filesystem::rename(temporary, target, error);
    if (error) cannot_write(target, error.message());
  } catch (...) {
    std::filesystem::remove(temporary, error);
    throw;
  }
}

}  // namespace score::output
