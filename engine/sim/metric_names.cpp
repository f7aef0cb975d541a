#include "sim/metric_names.hpp"

#include <array>
#include <mutex>
#include <set>
#include <utility>

namespace score::sim {

namespace {
// Oldest first; an entry stays as long as files with the old name may exist.
constexpr std::array<MetricRename, 1> kRenames{{
    {"smes_trained", Metric::firms_trained_total},
}};
// Readers run on several threads (sweep points, the viewer's background
// work), so the handler and the names already reported share a lock.
struct OldNameReports {
  std::mutex lock;
  OldNameHandler handler = nullptr;
  std::set<std::pair<std::string, std::string>> said;  // (old name, file)
};
OldNameReports& old_name_reports() {
  static OldNameReports reports;
  return reports;
}
}  // namespace

std::span<const MetricRename> metric_renames() { return kRenames; }

std::optional<Metric> renamed_metric(std::string_view name) {
  for (const MetricRename& r : kRenames)
    if (name == r.old_name) return r.now;
  return std::nullopt;
}

std::optional<Metric> metric_named(std::string_view name) {
  for (const MetricInfo& m : metric_catalogue())
    if (name == m.name) return m.id;
  return renamed_metric(name);
}

}  // namespace score::sim

namespace score::sim {

std::optional<Metric> metric_named(std::string_view name, std::string_view where) {
  report_old_metric_name(name, where);
  return metric_named(name);
}

void on_old_metric_name(OldNameHandler handler) {
  OldNameReports& reports = old_name_reports();
  const std::scoped_lock hold(reports.lock);
  reports.handler = handler;
}

void report_old_metric_name(std::string_view name, std::string_view where) {
  const auto now = renamed_metric(name);
  if (!now) return;
  OldNameReports& reports = old_name_reports();
  const std::scoped_lock hold(reports.lock);
  if (!reports.handler || !reports.said.emplace(std::string(name), std::string(where)).second) return;
  reports.handler(std::string(where) + ": '" + std::string(name) + "' is deprecated, now called '" +
                  info(*now).name + "'; the old name will stop being accepted");
}

}  // namespace score::sim
