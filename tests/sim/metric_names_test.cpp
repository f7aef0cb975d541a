// Metrics by name: every catalogue name, and the names metrics had before a
// rename, which files and scripts written then still use.
#include "sim/metric_names.hpp"

#include <gtest/gtest.h>

#include <string>

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

}  // namespace
}  // namespace score::sim
