#include "output/ensemble_reader.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "output/contained_read.hpp"
#include "output/ensemble_writer.hpp"
#include "output/hdf5_io.hpp"

namespace score::output {
namespace {

// More particles or parameters than this are taken for damage.
constexpr hsize_t kMaxParticles = 10'000'000;

using h5::bad;

h5::Id open_ensemble(const std::filesystem::path& path) {
  h5::Id file = h5::open_read_only(path);
  if (!h5::has_attribute(file.get(), "score_ensemble_version"))
    bad("is not an ensemble file of score calibrate (no 'score_ensemble_version' attribute)");
  const std::int64_t version = h5::read_int_attribute(file.get(), "score_ensemble_version");
  if (version < 1 || version > kEnsembleFormatVersion)
    bad("has ensemble format version " + std::to_string(version) + "; this engine reads versions 1 to " +
        std::to_string(kEnsembleFormatVersion));
  return file;
}

// One generation's slice of a (generation, particle[, parameter]) variable.
std::vector<double> generation_slice(hid_t file, const char* name, hsize_t generation,
                                     const std::vector<hsize_t>& rest) {
  h5::Id dataset = h5::open_dataset(file, name);
  const std::vector<hsize_t> dims = h5::shape(dataset.get());
  std::vector<hsize_t> expected{0};
  expected.insert(expected.end(), rest.begin(), rest.end());
  if (dims.size() != expected.size() || generation >= dims[0] ||
      !std::equal(rest.begin(), rest.end(), dims.begin() + 1))
    bad("variable '" + std::string(name) + "' is shaped unlike its dimensions");
  std::vector<hsize_t> start(dims.size(), 0), count = dims;
  start[0] = generation;
  count[0] = 1;
  hsize_t size = 1;
  for (const hsize_t d : rest) size *= d;
  std::vector<double> out(size);
  h5::read_block(dataset.get(), start, count, out.data());
  return out;
}

void check_values(const Posterior& p) {
  double sum = 0;
  for (const double w : p.weights) {
    if (!(w >= 0) || !std::isfinite(w)) bad("has a weight that is negative or not a number");
    sum += w;
  }
  if (!(sum > 0)) bad("has posterior weights that sum to zero");
  for (const double v : p.theta)
    if (!std::isfinite(v)) bad("has a parameter value that is not finite");
}

Posterior read_contents(hid_t file) {
  Posterior p;
  p.calibration_name = h5::read_string_attribute(file, "calibration_name");
  const std::int64_t generation = h5::read_int_attribute(file, "posterior_generation");
  if (generation < 0 || static_cast<hsize_t>(generation) > kMaxParticles)
    bad("attribute 'posterior_generation' = " + std::to_string(generation) + " is implausible");
  p.generation = static_cast<int>(generation);
  h5::Id parameter = h5::open_dataset(file, "parameter");
  p.parameters = h5::read_strings(parameter.get(), kMaxParticles);
  if (p.parameters.empty()) bad("has no free parameters");
  h5::Id particle = h5::open_dataset(file, "particle");
  const hsize_t n = h5::shape(particle.get()).at(0), k = p.parameters.size();
  if (n == 0 || n > kMaxParticles) bad("has an implausible number of particles");
  const auto g = static_cast<hsize_t>(generation);
  p.weights = generation_slice(file, "weight", g, {n});
  p.theta = generation_slice(file, "theta", g, {n, k});
  check_values(p);
  return p;
}

Posterior read_unchecked(const std::filesystem::path& path) {
  h5::Lock lock;
  try {
    const h5::Id file = open_ensemble(path);
    return read_contents(file.get());
  } catch (const h5::Error& e) {
    throw std::runtime_error("ensemble file '" + path.string() + "': " + e.what());
  }
}

}  // namespace

Posterior read_posterior(const std::filesystem::path& path) {
  read_contained("ensemble file", path, [&] { read_unchecked(path); });
  return read_unchecked(path);
}

}  // namespace score::output
