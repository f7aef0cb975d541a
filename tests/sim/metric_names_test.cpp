// Metrics by name: every catalogue name, and the names metrics had before a
// rename, which files and scripts written then still use.
#include "sim/metric_names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace score::sim {
namespace {

TEST(MetricNames, EveryCatalogueNameFindsItsMetric) {
  for (const MetricInfo& m : metric_catalogue()) {
    EXPECT_EQ(metric_named(m.name), m.id) << m.name;
    EXPECT_EQ(renamed_metric(m.name), std::nullopt) << m.name << " is current, not renamed";
  }
  EXPECT_EQ(metric_named("no_such_metric"), std::nullopt);
  EXPECT_EQ(metric_named(""), std::nullopt);
}

TEST(MetricNames, SmesTrainedIsTheOldNameOfFirmsTrainedTotal) {
  EXPECT_EQ(metric_named("smes_trained"), Metric::firms_trained_total);
  EXPECT_EQ(renamed_metric("smes_trained"), Metric::firms_trained_total);
  EXPECT_EQ(std::string(info(Metric::firms_trained_total).name), "firms_trained_total");
}

TEST(MetricNames, NoOldNameIsACurrentName) {
  for (const MetricRename& r : metric_renames())
    for (const MetricInfo& m : metric_catalogue()) EXPECT_NE(std::string(r.old_name), m.name);
}

std::vector<std::string> heard;
void hear(const std::string& message) { heard.push_back(message); }

TEST(MetricNames, AnOldNameIsReportedOncePerFileNamingTheNewName) {
  heard.clear();
  on_old_metric_name(&hear);
  EXPECT_EQ(metric_named("smes_trained", "a.toml"), Metric::firms_trained_total);
  EXPECT_EQ(metric_named("smes_trained", "a.toml"), Metric::firms_trained_total);
  report_old_metric_name("smes_trained", "a.toml");
  EXPECT_EQ(metric_named("firms_trained_total", "a.toml"), Metric::firms_trained_total);
  EXPECT_EQ(metric_named("no_such_metric", "a.toml"), std::nullopt);
  ASSERT_EQ(heard.size(), 1u);
  EXPECT_EQ(heard[0],
            "a.toml: 'smes_trained' is deprecated, now called 'firms_trained_total'; the old name will stop "
            "being accepted");
  report_old_metric_name("smes_trained", "b.h5");  // another file says so again
  EXPECT_EQ(heard.size(), 2u);
  on_old_metric_name(nullptr);
  report_old_metric_name("smes_trained", "c.h5");  // nobody listening
  EXPECT_EQ(heard.size(), 2u);
}

}  // namespace
}  // namespace score::sim
