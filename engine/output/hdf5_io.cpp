#include "output/hdf5_io.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <bit>
#include <ctime>
#include <limits>
#include <utility>

namespace score::output::h5 {

Id float_dcpl(const std::vector<hsize_t>& chunk, int deflate_level) {
  Id dcpl(H5Pcreate(H5P_DATASET_CREATE), "create dataset properties");
  check(H5Pset_attr_creation_order(dcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
        "track attribute order");
  check(H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()), "set chunking");
  if (deflate_level > 0) {
    check(H5Pset_shuffle(dcpl.get()), "set the shuffle filter");
    check(H5Pset_deflate(dcpl.get(), static_cast<unsigned>(deflate_level)), "set compression");
  }
  const double fill = std::numeric_limits<double>::quiet_NaN();
  check(H5Pset_fill_value(dcpl.get(), H5T_NATIVE_DOUBLE, &fill), "set the fill value");
  return dcpl;
}

void describe(hid_t dataset, const std::string& units, const std::string& long_name) {
  if (!units.empty()) write_string_attribute(dataset, "units", units);
  write_string_attribute(dataset, "long_name", long_name);
}

std::string now_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

Id string_type() {
  Id type(H5Tcopy(H5T_C_S1), "copy the string type");
  check(H5Tset_size(type.get(), H5T_VARIABLE), "make strings variable-length");
  check(H5Tset_cset(type.get(), H5T_CSET_UTF8), "make strings UTF-8");
  return type;
}

namespace {
std::string quoted(const char* name) { return std::string("'") + name + "'"; }

void write_scalar_attribute(hid_t object, const char* name, hid_t type, const void* value) {
  if (has_attribute(object, name)) check(H5Adelete(object, name), "replace attribute " + quoted(name));
  Id space(H5Screate(H5S_SCALAR), "create a scalar dataspace");
  Id attribute(H5Acreate2(object, name, type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
               "create attribute " + quoted(name));
  check(H5Awrite(attribute.get(), type, value), "write attribute " + quoted(name));
}

// Opens an attribute that must hold exactly one value of the given class.
Id open_scalar_attribute(hid_t object, const char* name, H5T_class_t expected, const char* what) {
  if (!has_attribute(object, name)) throw Error("missing attribute " + quoted(name));
  Id attribute(H5Aopen(object, name, H5P_DEFAULT), "open attribute " + quoted(name));
  Id type(H5Aget_type(attribute.get()), "read the type of attribute " + quoted(name));
  Id space(H5Aget_space(attribute.get()), "read the shape of attribute " + quoted(name));
  if (H5Tget_class(type.get()) != expected || H5Sget_simple_extent_npoints(space.get()) != 1)
    throw Error("attribute " + quoted(name) + " is not " + what);
  return attribute;
}

void read_integer_as(hid_t object, const char* name, hid_t memory_type, void* out) {
  Id attribute = open_scalar_attribute(object, name, H5T_INTEGER, "an integer");
  check(H5Aread(attribute.get(), memory_type, out), "read attribute " + quoted(name));
}

// Fixed-length strings may be padded with NULs or spaces.
std::string unpad(std::string text) {
  const auto end = text.find('\0');
  if (end != std::string::npos) text.resize(end);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}
}  // namespace

void write_string_attribute(hid_t object, const char* name, const std::string& value) {
  Id type = string_type();
  const char* data = value.c_str();
  write_scalar_attribute(object, name, type.get(), &data);
}
void write_int_attribute(hid_t object, const char* name, std::int64_t value) {
  write_scalar_attribute(object, name, H5T_NATIVE_INT64, &value);
}
void write_uint_attribute(hid_t object, const char* name, std::uint64_t value) {
  write_scalar_attribute(object, name, H5T_NATIVE_UINT64, &value);
}
void write_double_attribute(hid_t object, const char* name, double value) {
  write_scalar_attribute(object, name, H5T_NATIVE_DOUBLE, &value);
}

bool has_attribute(hid_t object, const char* name) {
  return check(H5Aexists(object, name), "look for attribute " + quoted(name)) > 0;
}

std::string read_string_attribute(hid_t object, const char* name) {
  Id attribute = open_scalar_attribute(object, name, H5T_STRING, "a string");
  Id file_type(H5Aget_type(attribute.get()), "read the type of attribute " + quoted(name));
  Id memory_type(H5Tget_native_type(file_type.get(), H5T_DIR_ASCEND), "choose a memory type for strings");
  if (H5Tis_variable_str(file_type.get()) > 0) {
    char* text = nullptr;
    check(H5Aread(attribute.get(), memory_type.get(), &text), "read attribute " + quoted(name));
    std::string value = text ? text : "";
    H5free_memory(text);
    return value;
  }
  std::string buffer(H5Tget_size(file_type.get()), '\0');
  check(H5Aread(attribute.get(), memory_type.get(), buffer.data()), "read attribute " + quoted(name));
  return unpad(std::move(buffer));
}

std::int64_t read_int_attribute(hid_t object, const char* name) {
  std::int64_t value = 0;
  read_integer_as(object, name, H5T_NATIVE_INT64, &value);
  return value;
}

std::uint64_t read_uint_attribute(hid_t object, const char* name) {
  std::uint64_t value = 0;
  read_integer_as(object, name, H5T_NATIVE_UINT64, &value);
  return value;
}

bool has_dataset(hid_t location, const std::string& name) {
  if (check(H5Lexists(location, name.c_str(), H5P_DEFAULT), "look for '" + name + "'") <= 0) return false;
  H5O_info_t info;
  check(H5Oget_info_by_name(location, name.c_str(), &info, H5P_DEFAULT), "inspect '" + name + "'");
  return info.type == H5O_TYPE_DATASET;
}

Id open_dataset(hid_t location, const std::string& name) {
  return Id(H5Dopen2(location, name.c_str(), H5P_DEFAULT), "open variable '" + name + "'");
}

Id create_dataset(hid_t location, const std::string& name, hid_t type, const std::vector<hsize_t>& dims,
                  hid_t dcpl) {
  Id space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), "create a dataspace");
  return Id(H5Dcreate2(location, name.c_str(), type, space.get(), H5P_DEFAULT, dcpl, H5P_DEFAULT),
            "create variable '" + name + "'");
}

namespace {

// Transfer properties for `count` variable-length strings: a conversion
// buffer sized to them. HDF5's default buffer is 1 MiB, zeroed on every
// write that converts, which made the few dozen short string variables of a
// results file a tenth of a one-replication run's time.
Id string_transfer(std::size_t count) {
  Id dxpl(H5Pcreate(H5P_DATASET_XFER), "create transfer properties");
  constexpr std::size_t kPerString = 64;  // above a string element's size in memory and on file
  check(H5Pset_buffer(dxpl.get(), std::max<std::size_t>(count, 16) * kPerString, nullptr, nullptr),
        "set the conversion buffer");
  return dxpl;
}

}  // namespace

Id write_strings(hid_t location, const std::string& name, const std::vector<std::string>& values) {
  Id type = string_type();
  Id dataset = create_dataset(location, name, type.get(), {values.size()});
  std::vector<const char*> pointers;
  for (const auto& v : values) pointers.push_back(v.c_str());
  if (!values.empty())
    check(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, string_transfer(values.size()).get(),
                   pointers.data()),
          "write variable '" + name + "'");
  return dataset;
}

Id write_integers(hid_t location, const std::string& name, const std::vector<std::int64_t>& values) {
  Id dataset = create_dataset(location, name, H5T_STD_I64LE, {values.size()});
  if (!values.empty())
    check(H5Dwrite(dataset.get(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
          "write variable '" + name + "'");
  return dataset;
}

std::vector<hsize_t> shape(hid_t dataset) {
  Id space(H5Dget_space(dataset), "read the shape of a variable");
  const int rank = check(H5Sget_simple_extent_ndims(space.get()), "read the rank of a variable");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  check(H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr), "read the shape of a variable");
  return dims;
}

Id open_read_only(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw Error("does not exist");
  if (!std::filesystem::is_regular_file(path, error)) throw Error("is not a regular file");
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    H5Eclear2(H5E_DEFAULT);
    throw Error("is not an HDF5 file");
  }
  Id file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), "cannot be opened (truncated or damaged?)");
  refuse_external(file.get());
  return file;
}

namespace {

// Why a link of the file is refused (it leads outside the file, or cannot
// be read), or "" (for a callback of H5Lvisit, which cannot carry an
// exception through HDF5's C frames).
std::string outside_reach(hid_t file, const char* name, const H5L_info_t& link) {
  const std::string refused = ": results files that reach outside themselves are refused";
  if (link.type == H5L_TYPE_EXTERNAL) return "is an external link" + refused;
  if (link.type != H5L_TYPE_HARD) return link.type == H5L_TYPE_SOFT ? "" : "is a user-defined link" + refused;
  H5O_info_t object;
  if (H5Oget_info_by_name2(file, name, &object, H5O_INFO_BASIC, H5P_DEFAULT) < 0)
    return "cannot be read (damaged?)";
  if (object.type != H5O_TYPE_DATASET) return "";
  const hid_t dataset = H5Dopen2(file, name, H5P_DEFAULT);
  if (dataset < 0) return "cannot be opened (damaged?)";
  const hid_t dcpl = H5Dget_create_plist(dataset);
  std::string why;
  if (dcpl < 0)
    why = "cannot be read (damaged?)";
  else if (H5Pget_external_count(dcpl) > 0)
    why = "keeps its values in external files" + refused;
  else if (H5Pget_layout(dcpl) == H5D_VIRTUAL)
    why = "is a virtual dataset, its values taken from other files" + refused;
  if (dcpl >= 0) H5Pclose(dcpl);
  H5Dclose(dataset);
  return why;
}

struct Visit {
  hid_t file;
  std::string name, why;
};

herr_t visit_link(hid_t, const char* name, const H5L_info_t* link, void* data) {
  auto& visit = *static_cast<Visit*>(data);
  visit.why = outside_reach(visit.file, name, *link);
  if (visit.why.empty()) return 0;
  visit.name = name;
  return 1;  // stop: the first object that reaches out is reported
}

}  // namespace

void refuse_external(hid_t file) {
  Visit visit{file, "", ""};
  const herr_t status = H5Lvisit(file, H5_INDEX_NAME, H5_ITER_INC, visit_link, &visit);
  check(status, "list its contents");
  if (status > 0) throw Error("'" + visit.name + "' " + visit.why);
}

namespace {
// The length of a 1-D dataset, checked against a sanity limit before allocating.
hsize_t vector_length(hid_t dataset, hsize_t limit) {
  const auto dims = shape(dataset);
  if (dims.size() != 1) throw Error("expected a one-dimensional variable");
  if (dims[0] > limit)
    throw Error("variable of " + std::to_string(dims[0]) + " elements is implausibly long");
  return dims[0];
}
}  // namespace

std::vector<std::string> read_strings(hid_t dataset, hsize_t limit) {
  const hsize_t n = vector_length(dataset, limit);
  Id file_type(H5Dget_type(dataset), "read the type of a variable");
  if (H5Tget_class(file_type.get()) != H5T_STRING) throw Error("expected a variable of strings");
  Id memory_type(H5Tget_native_type(file_type.get(), H5T_DIR_ASCEND), "choose a memory type for strings");
  std::vector<std::string> values;
  if (n == 0) return values;
  if (H5Tis_variable_str(file_type.get()) > 0) {
    std::vector<char*> pointers(n, nullptr);
    check(H5Dread(dataset, memory_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
          "read strings");
    for (char* p : pointers) values.emplace_back(p ? p : "");
    Id space(H5Dget_space(dataset), "read the shape of a variable");
    H5Dvlen_reclaim(memory_type.get(), space.get(), H5P_DEFAULT, pointers.data());
    return values;
  }
  const std::size_t size = H5Tget_size(file_type.get());
  std::string buffer(size * n, '\0');
  check(H5Dread(dataset, memory_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer.data()), "read strings");
  for (hsize_t i = 0; i < n; ++i) values.push_back(unpad(buffer.substr(i * size, size)));
  return values;
}

std::vector<double> read_numbers(hid_t dataset, hsize_t limit) {
  const hsize_t n = vector_length(dataset, limit);
  Id file_type(H5Dget_type(dataset), "read the type of a variable");
  const H5T_class_t type_class = H5Tget_class(file_type.get());
  if (type_class != H5T_INTEGER && type_class != H5T_FLOAT) throw Error("expected a numeric variable");
  std::vector<double> values(n);
  if (n > 0)
    check(H5Dread(dataset, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), "read numbers");
  return values;
}

namespace {
// The file-side selection of a block and a matching contiguous memory space.
std::pair<Id, Id> block_spaces(hid_t dataset, const std::vector<hsize_t>& start,
                               const std::vector<hsize_t>& count) {
  Id file_space(H5Dget_space(dataset), "read the shape of a variable");
  check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
        "select a block of a variable");
  Id memory_space(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr),
                  "create a memory dataspace");
  return {std::move(file_space), std::move(memory_space)};
}
}  // namespace

void write_block(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count,
                 const double* data) {
  auto [file_space, memory_space] = block_spaces(dataset, start, count);
  check(H5Dwrite(dataset, H5T_NATIVE_DOUBLE, memory_space.get(), file_space.get(), H5P_DEFAULT, data),
        "write a block of a variable");
}

void read_block(hid_t dataset, const std::vector<hsize_t>& start, const std::vector<hsize_t>& count,
                double* data) {
  auto [file_space, memory_space] = block_spaces(dataset, start, count);
  check(H5Dread(dataset, H5T_NATIVE_DOUBLE, memory_space.get(), file_space.get(), H5P_DEFAULT, data),
        "read a block of a variable");
}

namespace {
// The chunks of row `index` of a float64 dataset shaped (n, d1, d2, ...) and
// chunked (1, chunk_rows, d2, ...), in order: visit(offset, at, inside,
// values) with the chunk's offset in the dataset, the place of its first
// value in the row, how many of its values lie inside the dataset and how
// many it holds (more in a last chunk that reaches past the end). Chunks
// hold the bytes as the file stores them: little-endian.
template <class Visit>
void each_row_chunk(hid_t dataset, hsize_t index, hsize_t chunk_rows, std::size_t row_values,
                    const char* what, Visit&& visit) {
  static_assert(std::endian::native == std::endian::little, "float64 chunks are little-endian");
  const auto dims = shape(dataset);
  hsize_t per_row = 1;  // values per index of d1
  for (std::size_t i = 2; i < dims.size(); ++i) per_row *= dims[i];
  if (dims.size() < 2 || chunk_rows == 0 || index >= dims[0] || row_values != dims[1] * per_row)
    throw Error(std::string(what) + " a row of a variable: the values are not shaped like the variable");
  std::vector<hsize_t> offset{index};
  offset.resize(dims.size(), 0);
  for (hsize_t first = 0; first < dims[1]; first += chunk_rows) {
    offset[1] = first;
    visit(offset.data(), first * per_row, std::min(chunk_rows, dims[1] - first) * per_row,
          chunk_rows * per_row);
  }
}
}  // namespace

void write_row_chunks(hid_t dataset, hsize_t index, hsize_t chunk_rows, std::span<const double> row,
                      double fill) {
  std::vector<double> edge;
  each_row_chunk(dataset, index, chunk_rows, row.size(), "write",
                 [&](const hsize_t* offset, hsize_t at, hsize_t inside, hsize_t values) {
                   const double* chunk = row.data() + at;
                   if (inside < values) {
                     edge.assign(values, fill);
                     std::copy(chunk, chunk + inside, edge.begin());
                     chunk = edge.data();
                   }
                   check(H5Dwrite_chunk(dataset, H5P_DEFAULT, 0, offset, values * sizeof(double), chunk),
                         "write a chunk of a variable");
                 });
}

void read_row_chunks(hid_t dataset, hsize_t index, hsize_t chunk_rows, std::span<double> row) {
  std::vector<double> edge;
  each_row_chunk(
      dataset, index, chunk_rows, row.size(), "read",
      [&](const hsize_t* offset, hsize_t at, hsize_t inside, hsize_t values) {
        double* chunk = row.data() + at;
        if (inside < values) {  // the last chunk, padded past the end
          edge.resize(values);
          chunk = edge.data();
        }
        // H5Dread_chunk fills the buffer with what the file holds:
        // it must be the unfiltered chunk, exactly this size.
        hsize_t bytes = 0;
        check(H5Dget_chunk_storage_size(dataset, offset, &bytes), "find a chunk of a variable");
        if (bytes != values * sizeof(double))
          throw Error("read a chunk of a variable: it holds " + std::to_string(bytes) + " bytes, not " +
                      std::to_string(values * sizeof(double)));
        std::uint32_t filters = 0;
        check(H5Dread_chunk(dataset, H5P_DEFAULT, offset, &filters, chunk), "read a chunk of a variable");
        if (filters != 0) throw Error("read a chunk of a variable: it was stored through a filter");
        if (inside < values)
          std::copy(edge.begin(), edge.begin() + static_cast<std::ptrdiff_t>(inside), row.data() + at);
      });
}

void make_scale(hid_t dataset, const char* name) {
  check(H5DSset_scale(dataset, name), std::string("make '") + name + "' a dimension scale");
}

void attach_scales(hid_t dataset, const std::vector<hid_t>& scales) {
  for (std::size_t d = 0; d < scales.size(); ++d)
    check(H5DSattach_scale(dataset, scales[d], static_cast<unsigned>(d)), "attach a dimension scale");
}

namespace {
herr_t scale_name_visitor(hid_t, unsigned, hid_t scale, void* data) {
  char buffer[256] = {};
  const ssize_t length = H5Iget_name(scale, buffer, sizeof buffer);
  if (length < 0) return -1;
  const std::string path(buffer);
  *static_cast<std::string*>(data) = path.substr(path.find_last_of('/') + 1);
  return 1;  // the first scale is the one
}
}  // namespace

std::string attached_scale(hid_t dataset, unsigned dim) {
  const int scales = H5DSget_num_scales(dataset, dim);
  if (scales <= 0) {
    H5Eclear2(H5E_DEFAULT);
    return "";
  }
  std::string name;
  check(H5DSiterate_scales(dataset, dim, nullptr, scale_name_visitor, &name), "read a dimension's scale");
  return name;
}

Id string_scale(hid_t location, const char* name, const std::vector<std::string>& values,
                const std::string& long_name) {
  Id scale = write_strings(location, name, values);
  make_scale(scale.get(), name);
  describe(scale.get(), "", long_name);
  return scale;
}

void strings_along(hid_t location, hid_t scale, const char* name, const std::vector<std::string>& values,
                   const std::string& long_name) {
  Id variable = write_strings(location, name, values);
  attach_scales(variable.get(), {scale});
  describe(variable.get(), "", long_name);
}

}  // namespace score::output::h5
