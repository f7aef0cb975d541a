#include "output/scale_attachments.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <cstddef>

namespace score::output::h5 {

namespace {
// The names and types H5DS gives its attributes (hl/src/H5DSprivate.h).
constexpr const char* kDimensionList = "DIMENSION_LIST";
constexpr const char* kReferenceList = "REFERENCE_LIST";

static_assert(sizeof(hobj_ref_t) == sizeof(std::uint64_t), "object references are 8 bytes");

std::uint64_t reference_to(hid_t object) {
  hobj_ref_t ref = 0;
  check(H5Rcreate(&ref, object, ".", H5R_OBJECT, -1), "refer to a variable");
  return ref;
}

void write_dimension_list(hid_t dataset, const std::vector<hid_t>& scales) {
  const int rank = check(H5Sget_simple_extent_ndims(Id(H5Dget_space(dataset), "read a shape").get()),
                         "read the rank of a variable");
  std::vector<std::uint64_t> refs;
  for (hid_t scale : scales) refs.push_back(reference_to(scale));
  std::vector<hvl_t> lists(static_cast<std::size_t>(std::max(rank, 1)), hvl_t{0, nullptr});
  for (std::size_t d = 0; d < refs.size() && d < lists.size(); ++d) lists[d] = hvl_t{1, &refs[d]};
  const hsize_t length = lists.size();
  Id space(H5Screate_simple(1, &length, nullptr), "create a dataspace");
  Id type(H5Tvlen_create(H5T_STD_REF_OBJ), "create the dimension list type");
  Id attribute(H5Acreate2(dataset, kDimensionList, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
               "create the dimension list");
  check(H5Awrite(attribute.get(), type.get(), lists.data()), "write the dimension list");
}
}  // namespace

void ScaleAttachments::attach(hid_t dataset, const std::vector<hid_t>& scales) {
  if (scales.empty()) return;
  write_dimension_list(dataset, scales);
  const std::uint64_t self = reference_to(dataset);
  for (std::size_t d = 0; d < scales.size(); ++d) {
    auto it = std::find_if(pending_.begin(), pending_.end(),
                           [&](const Pending& p) { return p.scale == scales[d]; });
    if (it == pending_.end()) it = pending_.insert(pending_.end(), Pending{scales[d], {}});
    it->references.push_back({self, static_cast<unsigned int>(d)});
  }
}

void ScaleAttachments::flush() {
  Id type(H5Tcreate(H5T_COMPOUND, sizeof(Reference)), "create the reference list type");
  check(H5Tinsert(type.get(), "dataset", offsetof(Reference, dataset), H5T_STD_REF_OBJ),
        "define the reference list type");
  check(H5Tinsert(type.get(), "dimension", offsetof(Reference, dimension), H5T_NATIVE_INT),
        "define the reference list type");
  for (Pending& p : pending_) {
    std::vector<Reference> all;
    if (check(H5Aexists(p.scale, kReferenceList), "look for a reference list") > 0) {
      Id old(H5Aopen(p.scale, kReferenceList, H5P_DEFAULT), "open a reference list");
      const hssize_t n = H5Sget_simple_extent_npoints(Id(H5Aget_space(old.get()), "read a shape").get());
      if (n < 0) fail("read the length of a reference list");
      all.resize(static_cast<std::size_t>(n));
      if (n > 0) check(H5Aread(old.get(), type.get(), all.data()), "read a reference list");
      old.close("close a reference list");
      check(H5Adelete(p.scale, kReferenceList), "replace a reference list");
    }
    all.insert(all.end(), p.references.begin(), p.references.end());
    const hsize_t length = all.size();
    Id space(H5Screate_simple(1, &length, nullptr), "create a dataspace");
    Id attribute(H5Acreate2(p.scale, kReferenceList, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                 "create a reference list");
    check(H5Awrite(attribute.get(), type.get(), all.data()), "write a reference list");
  }
  pending_.clear();
}

}  // namespace score::output::h5
