#pragma once
// Typed reads and writes of HDF5 attributes and datasets, the few shapes the
// results format uses. Every function throws h5::Error on failure and must be
// called with an h5::Lock held.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace score::output::h5 {

// Creation properties of the float64 variables: chunked as given, shuffle
// and deflate level 1 when `compress` (variables are written under the
// process-wide HDF5 lock; higher levels cost twice the time for files some
// 20% smaller), NaN where nothing was written, attribute order tracked.
// deflate_level 0 stores chunks as they are; 1-9 add shuffle and deflate.
Id float_dcpl(const std::vector<hsize_t>& chunk, int deflate_level);

// The CF attributes every variable carries: `units` (left out when empty)
// and `long_name`.
void describe(hid_t dataset, const std::string& units, const std::string& long_name);

// The current time as ISO 8601 UTC, for `history` attributes.
std::string now_utc();

// Variable-length UTF-8 strings, the type of every string in the format.
Id string_type();

// Opens an existing HDF5 file read-only; fails saying whether it is missing,
// not a regular file, not HDF5 or damaged (messages without the file name),
// or whether it reaches outside itself (refuse_external).
Id open_read_only(const std::filesystem::path& path);

// Fails if any object of the file is an external link, or a dataset whose
// values HDF5 would read from other files (external storage, a virtual
// dataset): a results file that points elsewhere could make a reader
// present another file's bytes as its numbers.
void refuse_external(hid_t file);

// Attributes; writing replaces an attribute of the same name.
void write_string_attribute(hid_t object, const char* name, const std::string& value);
void write_int_attribute(hid_t object, const char* name, std::int64_t value);
void write_uint_attribute(hid_t object, const char* name, std::uint64_t value);
void write_double_attribute(hid_t object, const char* name, double value);
bool has_attribute(hid_t object, const char* name);
// Fail unless the attribute exists and is a string (fixed or variable length).
std::string read_string_attribute(hid_t object, const char* name);
// Fail unless the attribute exists and is a scalar integer.
std::int64_t read_int_attribute(hid_t object, const char* name);
std::uint64_t read_uint_attribute(hid_t object, const char* name);

// Datasets.
bool has_dataset(hid_t location, const std::string& name);
Id open_dataset(hid_t location, const std::string& name);
Id create_dataset(hid_t location, const std::string& name, hid_t type, const std::vector<hsize_t>& dims,
                  hid_t dcpl = H5P_DEFAULT);
Id write_strings(hid_t location, const std::string& name, const std::vector<std::string>& values);
Id write_integers(hid_t location, const std::string& name, const std::vector<std::int64_t>& values);
std::vector<hsize_t> shape(hid_t dataset);
// A 1-D dataset of strings or of numbers; fail if it is not one or is longer than `limit`.
std::vector<std::string> read_strings(hid_t dataset, hsize_t limit);
std::vector<double> read_numbers(hid_t dataset, hsize_t limit);
// A block [start, start + count) of a float64 dataset, in C order, to or from `data`.
void write_block(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count,
                 const double* data);
void read_block(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count,
                double* data);
// Row `index` of a float64 dataset shaped (n, d1, d2, ...), chunked (1, c1,
// d2, ...) with no filter, from `row` (d1 x d2 x ... values in C order),
// chunk by chunk straight into the file (H5Dwrite_chunk): the same values in
// the file as write_block, without HDF5 filling each new chunk with the fill
// value and copying it through its chunk cache first. The last chunk, where
// c1 does not divide d1, is padded with `fill` past the dataset's end, as
// HDF5 leaves it.
void write_row_chunks(hid_t dataset, hsize_t index, hsize_t chunk_rows, std::span<const double> row,
                      double fill);
// Row `index` of a dataset written by write_row_chunks, read back chunk by
// chunk straight from the file (H5Dread_chunk) into `row`: the values
// read_block gives, without a buffer in HDF5's chunk cache for each chunk.
void read_row_chunks(hid_t dataset, hsize_t index, hsize_t chunk_rows, std::span<double> row);

// Dimension scales.
void make_scale(hid_t dataset, const char* name);
void attach_scales(hid_t dataset, const std::vector<hid_t>& scales);
// The name of the scale attached to a dimension of a dataset; empty if none.
std::string attached_scale(hid_t dataset, unsigned dim);
// A dimension of strings: a 1-D string variable made a scale of its own name,
// with its long_name.
Id string_scale(hid_t location, const char* name, const std::vector<std::string>& values,
                const std::string& long_name);
// A further string variable along a dimension, e.g. country_name along country.
void strings_along(hid_t location, hid_t scale, const char* name, const std::vector<std::string>& values,
                   const std::string& long_name);

}  // namespace score::output::h5
