// `score diff`'s comparison: files that hold the same data compare equal
// whenever they were written; a changed value, attribute or dataset is
// reported by name; a file that is not HDF5 is refused naming it.
#include "output/diff.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>

#include <fstream>

#include "synthetic_run.hpp"

namespace score::output {
namespace {

namespace fs = std::filesystem;

class output_diff : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = testing::scratch_dir("diff");
    a = dir / "a.h5";
    b = dir / "b.h5";
    testing::write_run(a, testing::small_run(2));
    testing::write_run(b, testing::small_run(2));
  }

  // Opens `path` for writing, hands the file to `change`, closes it.
  template <class Change>
  static void change_file(const fs::path& path, Change&& change) {
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(file, 0);
    change(file);
    H5Fclose(file);
  }

  static void write_string_attribute(hid_t object, const char* name, const std::string& value) {
    if (H5Aexists(object, name) > 0) H5Adelete(object, name);
    const hid_t type = H5Tcopy(H5T_C_S1), space = H5Screate(H5S_SCALAR);
    H5Tset_size(type, value.size());
    const hid_t attribute = H5Acreate2(object, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attribute, type, value.data());
    H5Aclose(attribute);
    H5Sclose(space);
    H5Tclose(type);
  }

  static bool mentions(const std::vector<std::string>& lines, const std::string& text) {
    for (const auto& line : lines)
      if (line.find(text) != std::string::npos) return true;
    return false;
  }

  fs::path dir, a, b;
};

TEST_F(output_diff, FilesWrittenAtDifferentTimesHoldTheSameData) {
  change_file(b, [](hid_t file) {
    write_string_attribute(file, "history", "1999-01-01T00:00:00Z created elsewhere");
    write_string_attribute(file, "sweep_file", "another_name.toml");
  });
  const auto differences = diff_files(a, b);
  EXPECT_TRUE(differences.empty()) << differences.front();
}

TEST_F(output_diff, AChangedValueIsCountedAndLocated) {
  change_file(b, [](hid_t file) {
    const hid_t dataset = H5Dopen2(file, "firms_trained_total", H5P_DEFAULT);
    const hid_t space = H5Dget_space(dataset);
    const hsize_t start[3] = {1, 2, 0}, count[3] = {1, 1, 1};
    H5Sselect_hyperslab(space, H5S_SELECT_SET, start, nullptr, count, nullptr);
    const hid_t one = H5Screate_simple(3, count, nullptr);
    const double value = 12345.5;
    H5Dwrite(dataset, H5T_NATIVE_DOUBLE, one, space, H5P_DEFAULT, &value);
    H5Sclose(one);
    H5Sclose(space);
    H5Dclose(dataset);
  });
  const auto differences = diff_files(a, b);
  ASSERT_EQ(differences.size(), 1u);
  EXPECT_NE(differences[0].find("'firms_trained_total': 1 of"), std::string::npos) << differences[0];
  EXPECT_NE(differences[0].find("[1, 2, 0]"), std::string::npos) << differences[0];
  EXPECT_NE(differences[0].find("12345.5"), std::string::npos) << differences[0];
}

TEST_F(output_diff, AnotherSeedOrAMissingDatasetDiffers) {
  RunInfo info = testing::small_run(2);
  info.seed = 7;
  fs::remove(b);
  testing::write_run(b, info);
  change_file(b, [](hid_t file) { H5Ldelete(file, "cost_recovery_stats", H5P_DEFAULT); });
  const auto differences = diff_files(a, b);
  EXPECT_TRUE(mentions(differences, "root attribute 'seed'"));
  EXPECT_TRUE(mentions(differences, "'cost_recovery_stats': only in the first file"));
  EXPECT_EQ(differences.size(), 2u);
}

TEST_F(output_diff, AFileThatIsNotHdf5IsRefusedByName) {
  const fs::path text = dir / "notes.h5";
  std::ofstream(text) << "not a results file\n";
  try {
    diff_files(a, text);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("notes.h5' is not an HDF5 file"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace score::output
