// The file as other tools see it, checked through the HDF5 C API: dimension
// scales attached, attributes on every variable, string types, coordinates.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>

#include <cmath>
#include <string>
#include <vector>

#include "output/format.hpp"
#include "sim/metrics.hpp"
#include "sim/summary.hpp"
#include "synthetic_run.hpp"

namespace score::output {
namespace {

// Owns an HDF5 id in a test.
struct Id {
  hid_t id;
  explicit Id(hid_t i) : id(i) { EXPECT_GE(i, 0); }
  ~Id() {
    if (id >= 0) H5Idec_ref(id);
  }
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
  operator hid_t() const { return id; }
};

std::string string_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) <= 0) return "<missing>";
  Id attribute(H5Aopen(object, name, H5P_DEFAULT));
  Id type(H5Aget_type(attribute));
  EXPECT_EQ(H5Tget_class(type), H5T_STRING) << name;
  EXPECT_GT(H5Tis_variable_str(type), 0) << name;
  EXPECT_EQ(H5Tget_cset(type), H5T_CSET_UTF8) << name;
  Id memory(H5Tget_native_type(type, H5T_DIR_ASCEND));
  char* text = nullptr;
  EXPECT_GE(H5Aread(attribute, memory, &text), 0);
  std::string value = text ? text : "";
  H5free_memory(text);
  return value;
}

class output_layout : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = testing::scratch_dir("layout") / "run.h5";
    testing::write_run(path_, testing::small_run(3));
  }
  void SetUp() override {
    file_ = H5Fopen(path_.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    ASSERT_GE(file_, 0);
  }
  void TearDown() override { H5Fclose(file_); }

  // Asserts the dataset's dimension d has exactly the scale `names[d]` attached.
  void expect_dims(const std::string& variable, const std::vector<std::string>& names) {
    Id dataset(H5Dopen2(file_, variable.c_str(), H5P_DEFAULT));
    Id space(H5Dget_space(dataset));
    ASSERT_EQ(H5Sget_simple_extent_ndims(space), static_cast<int>(names.size())) << variable;
    for (std::size_t d = 0; d < names.size(); ++d) {
      Id scale(H5Dopen2(file_, names[d].c_str(), H5P_DEFAULT));
      EXPECT_GT(H5DSis_scale(scale), 0) << names[d];
      EXPECT_GT(H5DSis_attached(dataset, scale, static_cast<unsigned>(d)), 0) << variable << " dim " << d;
      EXPECT_EQ(H5DSget_num_scales(dataset, static_cast<unsigned>(d)), 1) << variable << " dim " << d;
      char name[64] = {};
      EXPECT_GT(H5DSget_scale_name(scale, name, sizeof name), 0);
      EXPECT_EQ(std::string(name), names[d]);
    }
  }

  static inline std::filesystem::path path_;
  hid_t file_ = -1;
};

TEST_F(output_layout, metrics_summaries_and_statistics_have_their_dimensions) {
  for (const auto& m : sim::metric_catalogue()) {
    std::vector<std::string> dims{"replication", "time", "country"};
    if (m.axis != sim::Axis::none) dims.emplace_back(sim::axis_name(m.axis));
    expect_dims(m.name, dims);
    dims[0] = "statistic";
    expect_dims(format::statistics_variable(m.name), dims);
  }
  for (const auto& s : sim::summary_catalogue()) {
    expect_dims(format::summary_variable(s.name), {"replication", "phase", "country"});
    expect_dims(format::summary_total_variable(s.name), {"replication", "phase"});
    expect_dims(format::statistics_variable(format::summary_variable(s.name)),
                {"statistic", "phase", "country"});
    expect_dims(format::statistics_variable(format::summary_total_variable(s.name)), {"statistic", "phase"});
  }
  for (const char* v : {"country_name"}) expect_dims(v, {"country"});
  for (const char* v : {"phase_name", "phase_start", "phase_end"}) expect_dims(v, {"phase"});
}

TEST_F(output_layout, time_is_days_since_the_start_month) {
  Id time(H5Dopen2(file_, "time", H5P_DEFAULT));
  EXPECT_EQ(string_attribute(time, "units"), "days since 2013-09-01");
  EXPECT_EQ(string_attribute(time, "calendar"), "standard");
  EXPECT_NE(string_attribute(time, "long_name"), "<missing>");
  std::vector<long long> days(14);
  ASSERT_GE(H5Dread(time, H5T_NATIVE_LLONG, H5S_ALL, H5S_ALL, H5P_DEFAULT, days.data()), 0);
  EXPECT_EQ(days[0], 0);
  EXPECT_EQ(days[1], 30);    // September has 30 days
  EXPECT_EQ(days[2], 61);    // October 31
  EXPECT_EQ(days[5], 153);   // 2014-02-01
  EXPECT_EQ(days[13], 395);  // 2014-10-01
}

TEST_F(output_layout, every_variable_has_long_name_and_numbers_have_units) {
  std::vector<std::string> names;
  H5Literate(
      file_, H5_INDEX_CRT_ORDER, H5_ITER_INC, nullptr,
      [](hid_t, const char* name, const H5L_info_t*, void* data) -> herr_t {
        static_cast<std::vector<std::string>*>(data)->emplace_back(name);
        return 0;
      },
      &names);
  ASSERT_GT(names.size(), 100u);
  for (const auto& name : names) {
    Id dataset(H5Dopen2(file_, name.c_str(), H5P_DEFAULT));
    Id type(H5Dget_type(dataset));
    EXPECT_NE(string_attribute(dataset, "long_name"), "<missing>") << name;
    if (H5Tget_class(type) == H5T_STRING) {
      EXPECT_GT(H5Tis_variable_str(type), 0) << name;
      EXPECT_EQ(H5Tget_cset(type), H5T_CSET_UTF8) << name;
    } else {
      EXPECT_NE(string_attribute(dataset, "units"), "<missing>") << name;
    }
    if (H5Tget_class(type) == H5T_FLOAT) {
      double fill = 0;
      Id dcpl(H5Dget_create_plist(dataset));
      ASSERT_GE(H5Pget_fill_value(dcpl, H5T_NATIVE_DOUBLE, &fill), 0);
      EXPECT_TRUE(std::isnan(fill)) << name;
    }
  }
  for (const auto& m : sim::metric_catalogue()) {
    Id dataset(H5Dopen2(file_, m.name, H5P_DEFAULT));
    EXPECT_EQ(string_attribute(dataset, "units"), m.units);
    EXPECT_EQ(string_attribute(dataset, "long_name"), m.long_name);
    EXPECT_NE(string_attribute(dataset, "kind"), "<missing>");
  }
}

TEST_F(output_layout, root_attributes_describe_the_run) {
  EXPECT_EQ(string_attribute(file_, "Conventions"), "CF-1.8");
  EXPECT_EQ(string_attribute(file_, "scenario_name"), "synthetic");
  EXPECT_EQ(string_attribute(file_, "scenario_sha256"), std::string(64, 'a'));
  EXPECT_EQ(string_attribute(file_, "engine_version"), "0.1.0-test");
  EXPECT_EQ(string_attribute(file_, "start"), "2013-09");
  EXPECT_NE(string_attribute(file_, "title").find("synthetic"), std::string::npos);
  EXPECT_NE(string_attribute(file_, "history"), "<missing>");
  EXPECT_NE(string_attribute(file_, "scenario_toml").find("[calendar]"), std::string::npos);
  Id seed(H5Aopen(file_, "seed", H5P_DEFAULT));
  Id seed_type(H5Aget_type(seed));
  EXPECT_EQ(H5Tget_sign(seed_type), H5T_SGN_NONE);
  EXPECT_EQ(H5Tget_size(seed_type), 8u);
  unsigned long long value = 0;
  ASSERT_GE(H5Aread(seed, H5T_NATIVE_ULLONG, &value), 0);
  EXPECT_EQ(value, 18'446'744'073'709'551'557ULL);
  Id replications(H5Aopen(file_, "replications", H5P_DEFAULT));
  long long count = 0;
  ASSERT_GE(H5Aread(replications, H5T_NATIVE_LLONG, &count), 0);
  EXPECT_EQ(count, 3);
}

}  // namespace
}  // namespace score::output
