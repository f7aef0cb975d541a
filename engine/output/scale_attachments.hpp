#pragma once
// Dimension scales attached to many variables at once, with the same result
// in the file as one H5DSattach_scale per dimension.
//
// H5DSattach_scale reads a scale's whole REFERENCE_LIST, deletes it and writes
// it again one entry longer on every call: a results file attaches its
// country, replication and time scales to some 150 variables each, which made
// attaching a third of the time spent creating the file. Here each variable's
// DIMENSION_LIST is written once, whole, and each scale's REFERENCE_LIST once
// per flush(). Call only with an h5::Lock held.
#include <cstdint>
#include <vector>

#include "output/hdf5_handle.hpp"

namespace score::output::h5 {

class ScaleAttachments {
 public:
  // Attaches scales[d] to dimension d of `dataset`, which has no scales yet.
  // The scales' own lists are updated by the next flush().
  void attach(hid_t dataset, const std::vector<hid_t>& scales);
  // Writes the REFERENCE_LIST of every scale attached to since the last
  // flush: the entries already there first, then the new ones in the order
  // they were attached. Call before anything else attaches to these scales
  // and before the scales are closed.
  void flush();

 private:
  // One entry of a scale's REFERENCE_LIST, laid out as HDF5's own ds_list_t.
  struct Reference {
    std::uint64_t dataset;  // hobj_ref_t
    unsigned int dimension;
  };
  struct Pending {
    hid_t scale;
    std::vector<Reference> references;
  };
  std::vector<Pending> pending_;  // scales in order of their first new attachment
};

}  // namespace score::output::h5
