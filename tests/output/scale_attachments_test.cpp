// Scales attached in one pass must read back as H5DSattach_scale leaves them:
// what netCDF, h5py and the engine's own reader follow to a variable's dimensions.
#include "output/scale_attachments.hpp"

#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "output/hdf5_io.hpp"

namespace score::output::h5 {
namespace {

std::filesystem::path scratch(const std::string& name) {
  return std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".h5");
}

// The variables a scale's REFERENCE_LIST names, in order, with their dimension.
std::vector<std::pair<std::string, unsigned>> reference_list(hid_t scale) {
  Id attribute(H5Aopen(scale, "REFERENCE_LIST", H5P_DEFAULT), "open");
  Id space(H5Aget_space(attribute.get()), "space");
  struct Entry {
    hobj_ref_t dataset;
    unsigned int dimension;
  };
  std::vector<Entry> entries(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space.get())));
  Id type(H5Tcreate(H5T_COMPOUND, sizeof(Entry)), "type");
  H5Tinsert(type.get(), "dataset", offsetof(Entry, dataset), H5T_STD_REF_OBJ);
  H5Tinsert(type.get(), "dimension", offsetof(Entry, dimension), H5T_NATIVE_INT);
  EXPECT_GE(H5Aread(attribute.get(), type.get(), entries.data()), 0);
  std::vector<std::pair<std::string, unsigned>> out;
  for (const Entry& e : entries) {
    char name[64] = {};
    H5Rget_name(scale, H5R_OBJECT, &e.dataset, name, sizeof name);
    out.emplace_back(name, e.dimension);
  }
  return out;
}

TEST(ScaleAttachments, VariablesReadAsAttachedAndScalesListThemInOrderAfterEarlierOnes) {
  const auto path = scratch("scale-attachments");
  Lock lock;
  {
    Id file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create");
    Id time = write_integers(file.get(), "time", {0, 31, 59});
    make_scale(time.get(), "time");
    Id country = string_scale(file.get(), "country", {"BD", "VN"}, "country");
    strings_along(file.get(), country.get(), "country_name", {"Bangladesh", "Viet Nam"},
                  "name");  // through H5DS
    Id a = create_dataset(file.get(), "a", H5T_IEEE_F64LE, {3, 2});
    Id b = create_dataset(file.get(), "b", H5T_IEEE_F64LE, {2});
    ScaleAttachments attachments;
    attachments.attach(a.get(), {time.get(), country.get()});
    attachments.attach(b.get(), {country.get()});
    attachments.flush();

    EXPECT_GT(H5DSis_attached(a.get(), time.get(), 0), 0);
    EXPECT_GT(H5DSis_attached(a.get(), country.get(), 1), 0);
    EXPECT_GT(H5DSis_attached(b.get(), country.get(), 0), 0);
    EXPECT_EQ(H5DSget_num_scales(a.get(), 1), 1);
    EXPECT_EQ(attached_scale(a.get(), 0), "time");
    EXPECT_EQ(attached_scale(b.get(), 0), "country");
    using List = std::vector<std::pair<std::string, unsigned>>;
    EXPECT_EQ(reference_list(country.get()), (List{{"/country_name", 0}, {"/a", 1}, {"/b", 0}}));
    EXPECT_EQ(reference_list(time.get()), (List{{"/a", 0}}));
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace score::output::h5
