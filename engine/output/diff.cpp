#include "output/diff.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>

#include "output/contained_read.hpp"
#include "output/hdf5_io.hpp"

namespace score::output {

namespace {

// A slab of a dataset read at once: bounded memory whatever the file's size.
constexpr hsize_t kSlabBytes = hsize_t{16} << 20;
// Dimension-scale bookkeeping: object references, whose values are addresses
// inside each file and differ between files holding the same data.
const std::set<std::string> kBookkeeping{"DIMENSION_LIST", "REFERENCE_LIST"};

// The values of a dataset or attribute as comparable data: strings as text,
// anything else as the bytes of its native memory type.
struct Values {
  std::vector<std::string> text;
  std::vector<unsigned char> bytes;
};

std::string quoted(const std::string& name) { return "'" + name + "'"; }

// An element of a native numeric type as text, through HDF5's own conversion.
std::string element_text(hid_t memory_type, const unsigned char* element) {
  unsigned char buffer[64] = {};
  const std::size_t size = H5Tget_size(memory_type);
  if (size > sizeof buffer) return "?";
  std::memcpy(buffer, element, size);
  if (H5Tconvert(memory_type, H5T_NATIVE_DOUBLE, 1, buffer, nullptr, H5P_DEFAULT) < 0) {
    H5Eclear2(H5E_DEFAULT);
    return "?";
  }
  double value = 0;
  std::memcpy(&value, buffer, sizeof value);
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;  // shortest exact form
  return std::string(text, end);
}

// Strings of any rank, variable or fixed length, read by `read` into a buffer.
template <class Read>
std::vector<std::string> read_text(hid_t file_type, hid_t memory_type, hsize_t count, Read&& read) {
  std::vector<std::string> out;
  if (H5Tis_variable_str(file_type) > 0) {
    std::vector<char*> pointers(count, nullptr);
    h5::check(read(memory_type, pointers.data()), "read strings");
    for (char* p : pointers) out.emplace_back(p ? p : "");
    h5::Id space(H5Screate_simple(1, &count, nullptr), "create a dataspace");
    H5Dvlen_reclaim(memory_type, space.get(), H5P_DEFAULT, pointers.data());
    return out;
  }
  const std::size_t size = H5Tget_size(file_type);
  std::string buffer(size * count, '\0');
  h5::check(read(memory_type, buffer.data()), "read strings");
  for (hsize_t i = 0; i < count; ++i) {
    std::string s = buffer.substr(i * size, size);
    out.push_back(s.substr(0, s.find('\0')));
  }
  return out;
}

hsize_t elements(hid_t space) {
  const hssize_t n = H5Sget_simple_extent_npoints(space);
  if (n < 0) h5::fail("read the size of a dataspace");
  return static_cast<hsize_t>(n);
}

// The names of the attributes of an object, in name order.
std::vector<std::string> attribute_names(hid_t object) {
  std::vector<std::string> names;
  auto collect = [](hid_t, const char* name, const H5A_info_t*, void* data) -> herr_t {
    static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    return 0;
  };
  h5::check(H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, nullptr, collect, &names), "list attributes");
  return names;
}

// Every object below the root, by path, with whether it is a dataset.
std::map<std::string, bool> objects(hid_t file) {
  std::map<std::string, bool> out;
  auto visit = [](hid_t, const char* name, const H5O_info_t* info, void* data) -> herr_t {
    if (std::strcmp(name, ".") != 0)
      (*static_cast<std::map<std::string, bool>*>(data))[name] = info->type == H5O_TYPE_DATASET;
    return 0;
  };
  h5::check(H5Ovisit(file, H5_INDEX_NAME, H5_ITER_INC, visit, &out), "list the objects");
  return out;
}

Values read_attribute(hid_t object, const std::string& name) {
  h5::Id attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute " + quoted(name));
  h5::Id type(H5Aget_type(attribute.get()), "read an attribute's type");
  h5::Id memory(H5Tget_native_type(type.get(), H5T_DIR_ASCEND), "choose a memory type");
  h5::Id space(H5Aget_space(attribute.get()), "read an attribute's shape");
  const hsize_t count = elements(space.get());
  Values v;
  if (H5Tget_class(type.get()) == H5T_STRING) {
    v.text = read_text(type.get(), memory.get(), count,
                       [&](hid_t m, void* buffer) { return H5Aread(attribute.get(), m, buffer); });
    return v;
  }
  v.bytes.resize(count * H5Tget_size(memory.get()));
  h5::check(H5Aread(attribute.get(), memory.get(), v.bytes.data()), "read attribute " + quoted(name));
  v.text.push_back(count == 1 ? element_text(memory.get(), v.bytes.data())
                              : std::to_string(count) + " values");
  return v;
}

bool same(const Values& a, const Values& b) { return a.text == b.text && a.bytes == b.bytes; }

// Two differing strings around their first difference, so that long ones
// (a scenario's TOML) show where they part.
std::string parted(const std::string& a, const std::string& b) {
  const auto first = static_cast<std::size_t>(
      std::mismatch(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(std::min(a.size(), b.size())),
                    b.begin())
          .first -
      a.begin());
  const std::size_t from = first > 20 ? first - 20 : 0;
  auto cut = [&](const std::string& s) {
    return (from ? "..." : "") + s.substr(from, 50) + (s.size() > from + 50 ? "..." : "");
  };
  return "from character " + std::to_string(first) + ": " + quoted(cut(a)) + " vs " + quoted(cut(b));
}

std::string shown(const Values& v) {
  std::string out;
  for (std::size_t i = 0; i < v.text.size() && i < 3; ++i) out += (i ? ", " : "") + quoted(v.text[i]);
  if (out.size() > 80) out = out.substr(0, 77) + "...";
  return v.text.size() > 3 ? "[" + out + ", ...]" : out;
}

// Differences between the attributes of one object in both files.
void compare_attributes(hid_t a, hid_t b, const std::string& owner, std::vector<std::string>& out) {
  const auto ignored = [&](const std::string& name) {
    const auto& provenance = provenance_attributes();
    return kBookkeeping.count(name) > 0 ||
           (owner.empty() && std::find(provenance.begin(), provenance.end(), name) != provenance.end());
  };
  const std::string where = owner.empty() ? "root attribute " : "attribute of " + quoted(owner) + " ";
  std::set<std::string> names;
  for (const auto& n : attribute_names(a)) names.insert(n);
  for (const auto& n : attribute_names(b)) names.insert(n);
  for (const auto& name : names) {
    if (ignored(name)) continue;
    const bool in_a = H5Aexists(a, name.c_str()) > 0, in_b = H5Aexists(b, name.c_str()) > 0;
    if (in_a != in_b) {
      out.push_back(where + quoted(name) + ": only in " + (in_a ? "the first" : "the second") + " file");
      continue;
    }
    const Values x = read_attribute(a, name), y = read_attribute(b, name);
    if (same(x, y)) continue;
    const bool long_text = x.bytes.empty() && x.text.size() == 1 && y.text.size() == 1 &&
                           std::max(x.text[0].size(), y.text[0].size()) > 60;
    out.push_back(where + quoted(name) + ": " +
                  (long_text ? parted(x.text[0], y.text[0]) : shown(x) + " vs " + shown(y)));
  }
}

// Shape, type and dimension scales; false when they differ (values are then
// not compared).
bool same_structure(hid_t a, hid_t b, const std::string& name, std::vector<std::string>& out) {
  const auto dims_a = h5::shape(a), dims_b = h5::shape(b);
  auto text = [](const std::vector<hsize_t>& dims) {
    std::string s;
    for (auto d : dims) s += (s.empty() ? "" : " x ") + std::to_string(d);
    return "(" + s + ")";
  };
  if (dims_a != dims_b) {
    out.push_back("dataset " + quoted(name) + ": shape " + text(dims_a) + " vs " + text(dims_b));
    return false;
  }
  h5::Id type_a(H5Dget_type(a), "read a type"), type_b(H5Dget_type(b), "read a type");
  if (H5Tequal(type_a.get(), type_b.get()) <= 0) {
    out.push_back("dataset " + quoted(name) + ": its element types differ");
    return false;
  }
  for (unsigned d = 0; d < dims_a.size(); ++d) {
    const std::string sa = h5::attached_scale(a, d), sb = h5::attached_scale(b, d);
    if (sa != sb)
      out.push_back("dataset " + quoted(name) + ": dimension " + std::to_string(d) + " is " + quoted(sa) +
                    " vs " + quoted(sb));
  }
  return true;
}

// Reads rows [first, first + rows) of the leading dimension (the whole
// dataset when it has none) in `memory` type.
void read_rows(hid_t dataset, hid_t memory, const std::vector<hsize_t>& dims, hsize_t first, hsize_t rows,
               void* buffer) {
  if (dims.empty()) {
    h5::check(H5Dread(dataset, memory, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer), "read a scalar");
    return;
  }
  std::vector<hsize_t> start(dims.size(), 0), count = dims;
  start[0] = first;
  count[0] = rows;
  h5::Id file_space(H5Dget_space(dataset), "read a dataspace");
  h5::check(
      H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
      "select a slab");
  h5::Id memory_space(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr),
                      "create a dataspace");
  h5::check(H5Dread(dataset, memory, memory_space.get(), file_space.get(), H5P_DEFAULT, buffer),
            "read a slab");
}

// The index of a flat element as [i, j, ...].
std::string index_text(const std::vector<hsize_t>& dims, hsize_t flat) {
  std::vector<hsize_t> index(dims.size());
  for (std::size_t d = dims.size(); d-- > 0;) {
    index[d] = flat % dims[d];
    flat /= dims[d];
  }
  std::string s;
  for (auto i : index) s += (s.empty() ? "" : ", ") + std::to_string(i);
  return "[" + s + "]";
}

// Bit-for-bit comparison of a numeric (or other fixed-size) dataset, a slab
// of rows at a time.
void compare_bytes(hid_t a, hid_t b, const std::string& name, std::vector<std::string>& out) {
  const auto dims = h5::shape(a);
  h5::Id type(H5Dget_type(a), "read a type");
  h5::Id memory(H5Tget_native_type(type.get(), H5T_DIR_ASCEND), "choose a memory type");
  const std::size_t size = H5Tget_size(memory.get());
  hsize_t row_elements = 1;
  for (std::size_t d = 1; d < dims.size(); ++d) row_elements *= dims[d];
  const hsize_t leading = dims.empty() ? 1 : dims[0], total = leading * row_elements,
                row = row_elements * size;
  if (total == 0) return;
  const hsize_t per_slab = std::max<hsize_t>(1, kSlabBytes / row);
  hsize_t differing = 0, first_flat = 0;
  std::string first;
  std::vector<unsigned char> x, y;
  for (hsize_t r = 0; r < leading; r += per_slab) {
    const hsize_t rows = std::min(per_slab, leading - r);
    x.resize(rows * row);
    y.resize(rows * row);
    read_rows(a, memory.get(), dims, r, rows, x.data());
    read_rows(b, memory.get(), dims, r, rows, y.data());
    for (hsize_t i = 0; i < x.size() / size; ++i) {
      if (std::memcmp(&x[i * size], &y[i * size], size) == 0) continue;
      if (differing++ == 0) {
        first_flat = r * row_elements + i;
        first = element_text(memory.get(), &x[i * size]) + " vs " + element_text(memory.get(), &y[i * size]);
      }
    }
  }
  if (differing > 0)
    out.push_back("dataset " + quoted(name) + ": " + std::to_string(differing) + " of " +
                  std::to_string(total) + " values differ, the first at " + index_text(dims, first_flat) +
                  ": " + first);
}

void compare_text(hid_t a, hid_t b, const std::string& name, std::vector<std::string>& out) {
  auto read = [](hid_t dataset) {
    h5::Id type(H5Dget_type(dataset), "read a type");
    h5::Id memory(H5Tget_native_type(type.get(), H5T_DIR_ASCEND), "choose a memory type");
    h5::Id space(H5Dget_space(dataset), "read a dataspace");
    return read_text(type.get(), memory.get(), elements(space.get()), [&](hid_t m, void* buffer) {
      return H5Dread(dataset, m, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
    });
  };
  const auto x = read(a), y = read(b);
  for (std::size_t i = 0; i < x.size(); ++i)
    if (x[i] != y[i]) {
      out.push_back("dataset " + quoted(name) + ": element " + std::to_string(i) + " is " + quoted(x[i]) +
                    " vs " + quoted(y[i]));
      return;
    }
}

void compare_dataset(hid_t file_a, hid_t file_b, const std::string& name, std::vector<std::string>& out) {
  h5::Id a = h5::open_dataset(file_a, name), b = h5::open_dataset(file_b, name);
  compare_attributes(a.get(), b.get(), name, out);
  if (!same_structure(a.get(), b.get(), name, out)) return;
  h5::Id type(H5Dget_type(a.get()), "read a type");
  const H5T_class_t kind = H5Tget_class(type.get());
  if (kind == H5T_STRING)
    compare_text(a.get(), b.get(), name, out);
  else if (kind != H5T_VLEN && kind != H5T_REFERENCE)
    compare_bytes(a.get(), b.get(), name, out);
}

std::vector<std::string> compare(hid_t a, hid_t b) {
  std::vector<std::string> out;
  compare_attributes(a, b, "", out);
  const auto in_a = objects(a), in_b = objects(b);
  std::set<std::string> names;
  for (const auto& [name, dataset] : in_a) names.insert(name);
  for (const auto& [name, dataset] : in_b) names.insert(name);
  for (const auto& name : names) {
    const auto x = in_a.find(name), y = in_b.find(name);
    if (x == in_a.end() || y == in_b.end())
      out.push_back("dataset " + quoted(name) + ": only in the " + (x != in_a.end() ? "first" : "second") +
                    " file");
    else if (x->second && y->second)
      compare_dataset(a, b, name, out);
  }
  return out;
}

h5::Id open(const std::filesystem::path& path) {
  try {
    return h5::open_read_only(path);
  } catch (const h5::Error& e) {
    throw std::runtime_error("'" + path.string() + "' " + e.what());
  }
}

}  // namespace

const std::vector<std::string>& provenance_attributes() {
  static const std::vector<std::string> names{"history", "sweep_file"};
  return names;
}

namespace {
// Every object and attribute of the file compared with itself: all that
// diff_files reads of it, for the check in a child process.
void read_whole(const std::filesystem::path& path) {
  h5::Lock lock;
  h5::Id file = open(path);
  try {
    compare(file.get(), file.get());
  } catch (const h5::Error& e) {
    throw std::runtime_error("'" + path.string() + "' " + e.what());
  }
}
}  // namespace

std::vector<std::string> diff_files(const std::filesystem::path& a, const std::filesystem::path& b) {
  // Either file may be damaged in a way on which HDF5 crashes or hangs:
  // each is read whole in a child process with a time limit first.
  read_contained("file", a, [&] { read_whole(a); });
  read_contained("file", b, [&] { read_whole(b); });
  h5::Lock lock;
  h5::Id file_a = open(a), file_b = open(b);
  try {
    return compare(file_a.get(), file_b.get());
  } catch (const h5::Error& e) {
    throw std::runtime_error("comparing '" + a.string() + "' with '" + b.string() + "': " + e.what());
  }
}

}  // namespace score::output
