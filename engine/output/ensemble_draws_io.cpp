#include "output/ensemble_draws_io.hpp"

#include <stdexcept>

#include "output/hdf5_io.hpp"

namespace score::output::detail {
namespace {

constexpr hsize_t kMaxParameters = 100'000;

using h5::bad;

// Per replication, the value of a per-draw vector.
template <class T>
std::vector<std::int64_t> per_replication(const std::vector<T>& per_draw, int reps) {
  std::vector<std::int64_t> out;
  for (const T& v : per_draw)
    out.insert(out.end(), static_cast<std::size_t>(reps), static_cast<std::int64_t>(v));
  return out;
}

void along(hid_t root, hid_t replication, const char* name, const std::vector<std::int64_t>& values,
           const std::string& long_name) {
  h5::Id d = h5::write_integers(root, name, values);
  h5::attach_scales(d.get(), {replication});
  h5::describe(d.get(), "1", long_name);
}

void write_attributes(hid_t root, const EnsembleDraws& e) {
  h5::write_string_attribute(root, "ensemble_file", e.file);
  h5::write_string_attribute(root, "ensemble_calibration", e.calibration);
  h5::write_string_attribute(root, "ensemble_sha256", e.sha256);
  h5::write_int_attribute(root, "ensemble_generation", e.generation);
  h5::write_int_attribute(root, "ensemble_draws", e.draws());
  h5::write_int_attribute(root, "ensemble_replications_per_draw", e.replications_per_draw);
}

}  // namespace

void write_ensemble_draws(hid_t root, hid_t replication, const RunInfo& info) {
  const EnsembleDraws& e = *info.ensemble;
  const int reps = e.replications_per_draw;
  const std::size_t k = e.parameters.size();
  if (static_cast<std::int64_t>(e.draws()) * reps != info.replications ||
      e.seeds.size() != e.particles.size() || e.values.size() != e.particles.size() * k)
    throw std::invalid_argument("results writer: the ensemble's draws do not fit the replications");
  write_attributes(root, e);
  h5::Id parameter =
      h5::string_scale(root, "ensemble_parameter", e.parameters, "free parameter (scenario key)");
  std::vector<std::int64_t> draw, within;
  for (int d = 0; d < e.draws(); ++d)
    for (int r = 0; r < reps; ++r) {
      draw.push_back(d);
      within.push_back(r);
    }
  along(root, replication, "ensemble_draw", draw, "parameter set drawn from the ensemble");
  along(root, replication, "ensemble_particle", per_replication(e.particles, reps),
        "the draw's particle in the ensemble's posterior generation");
  along(root, replication, "ensemble_seed", per_replication(e.seeds, reps), "run.seed of the draw's runs");
  along(root, replication, "ensemble_replication", within, "replication index within the draw's runs");
  std::vector<double> values;
  for (int d = 0; d < e.draws(); ++d)
    for (int r = 0; r < reps; ++r)
      values.insert(values.end(), e.values.begin() + static_cast<std::ptrdiff_t>(d * k),
                    e.values.begin() + static_cast<std::ptrdiff_t>((d + 1) * k));
  const std::vector<hsize_t> dims{static_cast<hsize_t>(info.replications), k};
  h5::Id value =
      h5::create_dataset(root, "ensemble_value", H5T_NATIVE_DOUBLE, dims, h5::float_dcpl(dims, 0).get());
  h5::write_block(value.get(), {0, 0}, dims, values.data());
  h5::describe(value.get(), "", "the free parameters' values the replication ran with");
  h5::attach_scales(value.get(), {replication, parameter.get()});
}

std::optional<EnsembleDraws> read_ensemble_draws(hid_t root, const RunInfo& info) {
  if (!h5::has_attribute(root, "ensemble_draws")) return std::nullopt;
  EnsembleDraws e;
  e.file = h5::read_string_attribute(root, "ensemble_file");
  e.calibration = h5::read_string_attribute(root, "ensemble_calibration");
  e.sha256 = h5::read_string_attribute(root, "ensemble_sha256");
  e.generation = static_cast<int>(h5::read_int_attribute(root, "ensemble_generation"));
  const std::int64_t draws = h5::read_int_attribute(root, "ensemble_draws");
  const std::int64_t reps = h5::read_int_attribute(root, "ensemble_replications_per_draw");
  if (draws < 1 || reps < 1 || draws * reps != info.replications)
    bad("attributes 'ensemble_draws' x 'ensemble_replications_per_draw' differ from 'replications'");
  e.replications_per_draw = static_cast<int>(reps);
  e.parameters = h5::read_strings(h5::open_dataset(root, "ensemble_parameter").get(), kMaxParameters);
  const auto n = static_cast<hsize_t>(info.replications);
  const auto particle = h5::read_numbers(h5::open_dataset(root, "ensemble_particle").get(), n);
  const auto seed = h5::read_numbers(h5::open_dataset(root, "ensemble_seed").get(), n);
  const h5::Id value = h5::open_dataset(root, "ensemble_value");
  const std::vector<hsize_t> dims{n, e.parameters.size()};
  if (particle.size() != n || seed.size() != n || h5::shape(value.get()) != dims)
    bad("the ensemble_* variables are shaped unlike the replications");
  std::vector<double> values(n * e.parameters.size());
  h5::read_block(value.get(), {0, 0}, dims, values.data());
  for (hsize_t k = 0; k < n; k += static_cast<hsize_t>(reps)) {
    e.particles.push_back(static_cast<std::int64_t>(particle[k]));
    e.seeds.push_back(static_cast<std::uint64_t>(seed[k]));
    e.values.insert(e.values.end(), values.begin() + static_cast<std::ptrdiff_t>(k * dims[1]),
                    values.begin() + static_cast<std::ptrdiff_t>((k + 1) * dims[1]));
  }
  return e;
}

}  // namespace score::output::detail
