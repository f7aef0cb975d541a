// Stores sensitivity indices in a finished sweep results file
// (write_sensitivity in sweep_reader.hpp).
#include <hdf5_hl.h>

#include <array>
#include <stdexcept>

#include "output/hdf5_io.hpp"
#include "output/temporary_path.hpp"
#include "sim/summary.hpp"
#include "sweep_output/sweep_format.hpp"
#include "sweep_output/sweep_reader.hpp"

namespace score::output {

namespace sf = sweep_format;

namespace {

struct Index {
  const char* name;
  const char* long_name;
  const std::vector<double>* values;
};

std::vector<Index> indices(const sweep::SensitivityTable& t) {
  if (t.method == sweep::Method::saltelli)
    return {{"first", "Sobol' first-order index (Saltelli 2010) of the mean over replications", &t.first},
            {"first_lo", "lower bound of the bootstrap interval of the first-order index", &t.first_lo},
            {"first_hi", "upper bound of the bootstrap interval of the first-order index", &t.first_hi},
            {"total", "Sobol' total index (Jansen 1999) of the mean over replications", &t.total},
            {"total_lo", "lower bound of the bootstrap interval of the total index", &t.total_lo},
            {"total_hi", "upper bound of the bootstrap interval of the total index", &t.total_hi}};
  return {
      {"mu", "Morris mean elementary effect (outcome units per unit-cube step)", &t.mu},
      {"mu_star", "Morris mean absolute elementary effect (outcome units per unit-cube step)", &t.mu_star},
      {"sigma", "Morris standard deviation of the elementary effects", &t.sigma}};
}

// Removes a variable left by an earlier `score sensitivity`, detaching its
// scales first so that they keep no reference to it.
void remove_variable(hid_t file, const std::string& name, const std::vector<hid_t>& scales) {
  if (!h5::has_dataset(file, name)) return;
  {
    h5::Id old = h5::open_dataset(file, name);
    for (std::size_t d = 0; d < scales.size(); ++d)
      if (H5DSis_attached(old.get(), scales[d], static_cast<unsigned>(d)) > 0)
        h5::check(H5DSdetach_scale(old.get(), scales[d], static_cast<unsigned>(d)),
                  "detach a dimension scale");
  }
  h5::check(H5Ldelete(file, name.c_str(), H5P_DEFAULT), "remove '" + name + "'");
}

void store(const std::filesystem::path& copy, const sweep::SensitivityTable& t) {
  h5::Id file(H5Fopen(copy.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), "open the file for writing");
  const hid_t root = file.get();
  h5::Id phase = h5::open_dataset(root, sf::kPhase), summary = h5::open_dataset(root, sf::kSummary),
         parameter = h5::open_dataset(root, sf::kParameter);
  const std::vector<hid_t> scales{phase.get(), summary.get(), parameter.get()};
  const std::vector<hsize_t> dims{static_cast<hsize_t>(t.phases), static_cast<hsize_t>(sim::kSummaries),
                                  static_cast<hsize_t>(t.parameters)};
  if (h5::shape(phase.get())[0] != dims[0] || h5::shape(parameter.get())[0] != dims[2])
    throw h5::Error("the indices do not fit the file's phases and parameters");
  for (const char* name :
       {"first", "first_lo", "first_hi", "total", "total_lo", "total_hi", "mu", "mu_star", "sigma"})
    remove_variable(root, sf::sensitivity_variable(name), scales);
  for (const Index& index : indices(t)) {
    h5::Id v = h5::create_dataset(root, sf::sensitivity_variable(index.name), H5T_IEEE_F64LE, dims);
    h5::write_block(v.get(), {0, 0, 0}, dims, index.values->data());
    h5::attach_scales(v.get(), scales);
    h5::write_string_attribute(v.get(), "long_name", index.long_name);
    h5::write_string_attribute(v.get(), "coordinates", std::string(sf::kPhaseName) + " " + sf::kSummaryUnits);
  }
  h5::write_string_attribute(root, "sensitivity_design", sweep::method_name(t.method));
  h5::write_int_attribute(root, "sensitivity_bootstrap", t.bootstrap);
  h5::write_double_attribute(root, "sensitivity_confidence", t.confidence);
  h5::write_string_attribute(root, "sensitivity_interval", experiment::interval_method_name(t.interval));
  h5::check(H5Fflush(root, H5F_SCOPE_LOCAL), "flush the file");
  file.close("close the file");
}

}  // namespace

std::string sweep_format::sensitivity_variable(std::string_view index) {
  return "sensitivity_" + std::string(index);
}

void write_sensitivity(const std::filesystem::path& path, const sweep::SensitivityTable& table) {
  const std::filesystem::path copy = temporary_path(path);
  std::error_code error;
  try {
    std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing);
    {
      h5::Lock lock;
      store(copy, table);
    }
    sync_file(copy);
    std::filesystem::rename(copy, path);
    sync_directory_of(path);
  } catch (const std::exception& e) {
    std::filesystem::remove(copy, error);
    throw std::runtime_error("cannot store sensitivity indices in '" + path.string() + "': " + e.what());
  }
}

}  // namespace score::output
