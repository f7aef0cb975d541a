#pragma once
// Reads whole datasets of a results file through the HDF5 C API, so tests
// can check that two files hold the same numbers, bit for bit.
#include <hdf5.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace score::sweep::testing {

// Every value of a numeric dataset as doubles (C order); empty if absent.
inline std::vector<double> read_dataset(const std::filesystem::path& file, const std::string& name) {
  std::vector<double> values;
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return values;
  if (H5Lexists(f, name.c_str(), H5P_DEFAULT) > 0) {
    const hid_t d = H5Dopen2(f, name.c_str(), H5P_DEFAULT);
    const hid_t space = H5Dget_space(d);
    values.resize(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
    if (!values.empty()) H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
    H5Sclose(space);
    H5Dclose(d);
  }
  H5Fclose(f);
  return values;
}

inline std::vector<unsigned long long> dataset_shape(const std::filesystem::path& file,
                                                     const std::string& name) {
  std::vector<unsigned long long> out;
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return out;
  const hid_t d = H5Dopen2(f, name.c_str(), H5P_DEFAULT);
  const hid_t space = H5Dget_space(d);
  std::vector<hsize_t> dims(static_cast<std::size_t>(H5Sget_simple_extent_ndims(space)));
  H5Sget_simple_extent_dims(space, dims.data(), nullptr);
  out.assign(dims.begin(), dims.end());
  H5Sclose(space);
  H5Dclose(d);
  H5Fclose(f);
  return out;
}

inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

// The datasets a sweep file's numbers live in (besides its time series).
inline const std::vector<std::string>& numeric_datasets() {
  static const std::vector<std::string> names{"design", "point_seed", "outcome", "outcome_stats", "done"};
  return names;
}

}  // namespace score::sweep::testing
