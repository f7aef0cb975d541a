#include "output/ensemble_writer.hpp"

#include "output/hdf5_handle.hpp"
#include "output/hdf5_io.hpp"
#include "output/temporary_path.hpp"

namespace score::output {
namespace {

namespace fs = std::filesystem;

void root_attributes(hid_t root, const Ensemble& e) {
  h5::write_string_attribute(root, "title", "SCORE calibration ensemble: " + e.name);
  h5::write_string_attribute(root, "history", h5::now_utc() + " score calibrate " + e.engine_version);
  h5::write_int_attribute(root, "score_ensemble_version", kEnsembleFormatVersion);
  h5::write_string_attribute(root, "engine_version", e.engine_version);
  h5::write_string_attribute(root, "calibration_name", e.name);
  h5::write_string_attribute(root, "calibration_toml", e.calibration_toml);
  h5::write_string_attribute(root, "targets_toml", e.targets_toml);
  h5::write_string_attribute(root, "scenario_toml", e.scenario_toml);
  h5::write_string_attribute(root, "stop_reason", e.stop_reason);
  h5::write_uint_attribute(root, "seed", e.seed);
  h5::write_int_attribute(root, "population", e.population);
  h5::write_int_attribute(root, "replications", e.replications);
  h5::write_int_attribute(root, "budget", e.budget);
  h5::write_int_attribute(root, "posterior_generation", e.generations() - 1);
}

h5::Id numbers(hid_t root, const std::string& name, const std::vector<hsize_t>& dims,
               const std::vector<double>& values, const std::string& units, const std::string& long_name) {
  h5::Id d = h5::create_dataset(root, name, H5T_NATIVE_DOUBLE, dims, h5::float_dcpl(dims, 0).get());
  h5::write_block(d.get(), std::vector<hsize_t>(dims.size(), 0), dims, values.data());
  h5::describe(d.get(), units, long_name);
  return d;
}

void write_all(hid_t root, const Ensemble& e) {
  root_attributes(root, e);
  const auto g = static_cast<hsize_t>(e.generations()), n = static_cast<hsize_t>(e.population);
  const auto k = static_cast<hsize_t>(e.parameters.size()), t = static_cast<hsize_t>(e.targets.size());
  h5::Id parameter = h5::string_scale(root, "parameter", e.parameters, "free parameter (scenario key)");
  h5::Id target = h5::string_scale(root, "target", e.targets, "calibration target");
  std::vector<std::int64_t> gens(g), particles(n);
  for (hsize_t i = 0; i < g; ++i) gens[i] = static_cast<std::int64_t>(i);
  for (hsize_t i = 0; i < n; ++i) particles[i] = static_cast<std::int64_t>(i);
  h5::Id generation = h5::write_integers(root, "generation", gens);
  h5::make_scale(generation.get(), "generation");
  h5::Id particle = h5::write_integers(root, "particle", particles);
  h5::make_scale(particle.get(), "particle");
  h5::strings_along(root, target.get(), "target_kind", e.target_kind, "fit or identity");
  h5::strings_along(root, target.get(), "target_source", e.target_source, "source of the reported figure");
  h5::strings_along(root, target.get(), "target_reported", e.target_reported, "the figure as reported");
  auto along = [&](const char* name, const std::vector<std::int64_t>& values, hid_t scale) {
    h5::Id d = h5::write_integers(root, name, values);
    h5::attach_scales(d.get(), {scale});
  };
  along("target_holdout", e.target_holdout, target.get());
  along("target_in_distance", e.target_in_distance, target.get());
  along("prior_log", e.prior_log, parameter.get());
  along("attempts", e.attempts, generation.get());
  along("runs", e.runs, generation.get());
  h5::attach_scales(numbers(root, "prior_lo", {k}, e.prior_lo, "", "prior lower bound").get(),
                    {parameter.get()});
  h5::attach_scales(numbers(root, "prior_hi", {k}, e.prior_hi, "", "prior upper bound").get(),
                    {parameter.get()});
  const hid_t G = generation.get(), P = particle.get();
  h5::attach_scales(
      numbers(root, "tolerance", {g}, e.tolerance, "1", "distance accepted (inf: the prior)").get(), {G});
  h5::attach_scales(numbers(root, "acceptance_rate", {g}, e.acceptance_rate, "1", "accepted / tried").get(),
                    {G});
  h5::attach_scales(
      numbers(root, "effective_sample_size", {g}, e.effective_sample_size, "1", "1 / sum w^2").get(), {G});
  h5::attach_scales(numbers(root, "theta", {g, n, k}, e.theta, "", "parameter values").get(),
                    {G, P, parameter.get()});
  h5::attach_scales(numbers(root, "weight", {g, n}, e.weight, "1", "normalised importance weight").get(),
                    {G, P});
  h5::attach_scales(
      numbers(root, "distance", {g, n}, e.distance, "1", "norm of the fit targets' discrepancies").get(),
      {G, P});
  h5::attach_scales(
      numbers(root, "simulated", {g, n, t}, e.simulated, "", "target's mean simulated value").get(),
      {G, P, target.get()});
  h5::attach_scales(
      numbers(root, "reported", {g, n, t}, e.reported, "", "target's reported figure in that run").get(),
      {G, P, target.get()});
  h5::attach_scales(
      numbers(root, "band_lo", {g, n, t}, e.band_lo, "", "lower end of the reported band").get(),
      {G, P, target.get()});
  h5::attach_scales(
      numbers(root, "band_hi", {g, n, t}, e.band_hi, "", "upper end of the reported band").get(),
      {G, P, target.get()});
}

}  // namespace

void write_ensemble(const fs::path& target, const Ensemble& e) {
  if (!target.parent_path().empty()) fs::create_directories(target.parent_path());
  const fs::path partial = temporary_path(target);
  try {
    h5::Lock lock;
    h5::Id file(H5Fcreate(partial.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "create the file");
    write_all(file.get(), e);
    file.close("close the file");
  } catch (const std::exception& error) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw std::runtime_error("cannot write ensemble '" + target.string() + "': " + error.what());
  }
  sync_file(partial);
  fs::rename(partial, target);
  sync_directory_of(target);
}

}  // namespace score::output
