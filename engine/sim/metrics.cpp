#include "sim/metrics.hpp"

#include <cassert>
#include <limits>

namespace score::sim {

int axis_length(Axis axis) {
  switch (axis) {
    case Axis::none:
      return 1;
    case Axis::module:
      return model::kModules;
    case Axis::source:
      return model::kSources;
    case Axis::indicator:
      return model::kIndicators;
  }
  return 1;
}

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::flow:
      return "flow";
    case Kind::stock:
      return "stock";
    case Kind::ratio:
      return "ratio";
  }
  return "";
}

const char* axis_name(Axis axis) {
  switch (axis) {
    case Axis::none:
      return "";
    case Axis::module:
      return "module";
    case Axis::source:
      return "source";
    case Axis::indicator:
      return "indicator";
  }
  return "";
}

std::vector<std::string> axis_labels(Axis axis) {
  auto copy = [](const auto& names) { return std::vector<std::string>(names.begin(), names.end()); };
  switch (axis) {
    case Axis::none:
      return {};
    case Axis::module:
      return copy(model::module_ids());
    case Axis::source:
      return copy(model::source_names());
    case Axis::indicator:
      return copy(model::indicator_names());
  }
  return {};
}

namespace {
namespace metric_rows {  // the enums' names, unqualified, for the entries only
using enum Axis;
using enum Kind;
using enum Better;
constexpr std::array<MetricInfo, kMetrics> kMetricRows{{
#define SCORE_SERIES(NAME, ...) {.id = Metric::NAME, .name = #NAME, __VA_ARGS__},
#define SCORE_SERIES_AND_PHASE(NAME, ...) \
  {.id = Metric::NAME, .name = #NAME, .summary = Summary::NAME, __VA_ARGS__},
#include "sim/outputs.def"
}};

// The rows follow the enum; an entry describes its series, and its phase
// summary's display when it has one, and only then; a summary that is a
// ratio of two summaries is a ratio; every headline has a head.
constexpr bool metric_rows_well_formed(const std::array<MetricInfo, kMetrics>& rows) {
  for (int i = 0; i < kMetrics; ++i) {
    const MetricInfo& r = rows[static_cast<std::size_t>(i)];
    if (static_cast<int>(r.id) != i || r.long_name == nullptr || r.units == nullptr) return false;
    const PhaseDisplay& p = r.phase;
    const bool summarised = r.summary != Summary::count;
    if (summarised != (p.long_name != nullptr)) return false;
    if (!summarised && (p.shown != 0 || p.better != neither || p.percent)) return false;
    if ((p.numerator == Summary::count) != (p.denominator == Summary::count)) return false;
    if (p.numerator != Summary::count && r.kind != ratio) return false;
    if (p.numerator == r.summary && summarised) return false;
    if (p.denominator == r.summary && summarised) return false;
    if (p.shown != 0 && p.column == nullptr) return false;
  }
  return true;
}
static_assert(metric_rows_well_formed(kMetricRows),
              "metric_catalogue(): an entry is out of its enum's order or malformed (sim/outputs.def)");
}  // namespace metric_rows
using metric_rows::kMetricRows;
}  // namespace

const std::array<MetricInfo, kMetrics>& metric_catalogue() { return kMetricRows; }

bool counts_as_recovery(int source) {
  return !model::kSourceTable[static_cast<std::size_t>(source)].programme_money;
}

double cost_recovery(double recovered_usd, double delivery_cost_usd) {
  return delivery_cost_usd > 0 ? recovered_usd / delivery_cost_usd : std::numeric_limits<double>::quiet_NaN();
}

Series::Series(int steps, int countries) : steps_(steps), countries_(countries) {
  std::size_t at = 0;
  for (int m = 0; m < kMetrics; ++m) {
    offset_[m] = at;
    length_[m] = axis_length(metric_catalogue()[m].axis);
    at += static_cast<std::size_t>(steps) * countries * length_[m];
  }
  offset_[kMetrics] = at;
  data_.assign(at, 0.0);
}

std::span<const double> Series::values(Metric m) const {
  const int mi = static_cast<int>(m);
  return {data_.data() + offset_[mi], offset_[mi + 1] - offset_[mi]};
}
std::span<double> Series::values(Metric m) {
  const int mi = static_cast<int>(m);
  return {data_.data() + offset_[mi], offset_[mi + 1] - offset_[mi]};
}

}  // namespace score::sim
