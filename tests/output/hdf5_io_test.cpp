// Rows written chunk by chunk read back as rows written through H5Dwrite,
// including a last chunk that reaches past the variable's end; and read
// back chunk by chunk as they were written.
#include "output/hdf5_io.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace score::output::h5 {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::filesystem::path scratch(const std::string& name) {
  return std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".h5");
}

// Distinct values for each row of a variable shaped `dims`; row 1 holds a NaN.
std::vector<std::vector<double>> rows_of(const std::vector<hsize_t>& dims) {
  std::vector<std::vector<double>> rows(dims[0]);
  for (hsize_t r = 0; r < dims[0]; ++r)
    for (hsize_t i = 0; i < dims[1] * dims[2]; ++i)
      rows[r].push_back(i == 5 && r == 1 ? nan : static_cast<double>(r * 100 + i) + 0.5);
  return rows;
}

// Three rows of 7 x 2 values, chunked 3 x 2 along the 7: chunks at 0, 3
// and 6, the last holding one row of the variable and two past its end.
TEST(output_hdf5_io, rows_written_by_chunk_read_back_like_rows_written_by_block) {
  const auto path = scratch("row-chunks");
  const std::vector<hsize_t> dims{3, 7, 2};
  const std::vector<std::vector<double>> rows = rows_of(dims);
  {
    Id file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
    Id dcpl = float_dcpl({1, 3, 2}, 0);
    Id by_chunk = create_dataset(file.get(), "by_chunk", H5T_IEEE_F64LE, dims, dcpl.get());
    Id by_block = create_dataset(file.get(), "by_block", H5T_IEEE_F64LE, dims, dcpl.get());
    for (hsize_t r : {2, 0}) {  // row 1 never written: it reads as the fill value
      write_row_chunks(by_chunk.get(), r, 3, rows[r], nan);
      write_block(by_block.get(), {r, 0, 0}, {1, dims[1], dims[2]}, rows[r].data());
    }
    EXPECT_THROW(write_row_chunks(by_chunk.get(), 1, 3, std::vector<double>(5), nan), Error);
    EXPECT_THROW(write_row_chunks(by_chunk.get(), 3, 3, rows[0], nan), Error);
  }
  Id file = open_read_only(path);
  for (const char* name : {"by_chunk", "by_block"}) {
    Id dataset = open_dataset(file.get(), name);
    std::vector<double> all(dims[0] * dims[1] * dims[2]);
    read_block(dataset.get(), {0, 0, 0}, dims, all.data());
    const std::size_t per_row = dims[1] * dims[2];
    for (std::size_t r = 0; r < dims[0]; ++r)
      for (std::size_t i = 0; i < per_row; ++i) {
        const double got = all[r * per_row + i];
        if (r == 1)
          EXPECT_TRUE(std::isnan(got)) << name << " row 1, value " << i;
        else
          EXPECT_EQ(got, rows[r][i]) << name << " row " << r << ", value " << i;
      }
    // A block that starts inside a chunk reads the same.
    std::vector<double> middle(2 * 2);
    read_block(dataset.get(), {2, 4, 0}, {1, 2, 2}, middle.data());
    EXPECT_EQ(middle[0], rows[2][8]);
    EXPECT_EQ(middle[3], rows[2][11]);
  }
  std::filesystem::remove(path);
}

// The same variable read back row by row from its chunks: every value of a
// row, the last chunk's padding left out; a row never written, a row shaped
// unlike the variable and a chunk stored through a filter are refused.
TEST(output_hdf5_io, rows_read_by_chunk_are_the_rows_written) {
  const Lock quiet;  // as the writer holds it: HDF5 prints no error stack for the refusals
  const auto path = scratch("row-chunks-read");
  const std::vector<hsize_t> dims{3, 7, 2};
  const std::vector<std::vector<double>> rows = rows_of(dims);
  Id file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
  Id plain_dcpl = float_dcpl({1, 3, 2}, 0), deflated_dcpl = float_dcpl({1, 3, 2}, 1);
  Id plain = create_dataset(file.get(), "plain", H5T_IEEE_F64LE, dims, plain_dcpl.get());
  Id deflated = create_dataset(file.get(), "deflated", H5T_IEEE_F64LE, dims, deflated_dcpl.get());
  for (hsize_t r : {0, 2}) {
    write_row_chunks(plain.get(), r, 3, rows[r], nan);
    write_block(deflated.get(), {r, 0, 0}, {1, dims[1], dims[2]}, rows[r].data());
  }
  for (hsize_t r : {0, 2}) {
    std::vector<double> row(dims[1] * dims[2], 7.0);
    read_row_chunks(plain.get(), r, 3, row);
    EXPECT_EQ(row, rows[r]) << "row " << r;
  }
  std::vector<double> row(dims[1] * dims[2]);
  EXPECT_THROW(read_row_chunks(plain.get(), 1, 3, row), Error) << "row 1 was never written";
  std::vector<double> short_row(5);
  EXPECT_THROW(read_row_chunks(plain.get(), 0, 3, short_row), Error);
  EXPECT_THROW(read_row_chunks(plain.get(), 3, 3, row), Error);
  EXPECT_THROW(read_row_chunks(deflated.get(), 0, 3, row), Error) << "a compressed chunk";
  file.close("close");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace score::output::h5
