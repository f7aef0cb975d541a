#include "output/funder_ledger_io.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "output/format.hpp"
#include "output/hdf5_io.hpp"

namespace score::output::detail {
namespace {
namespace f = format;
constexpr const char* kFundersAttribute = "funders";
constexpr hsize_t kMaxFunders = 100'000;

using h5::bad;

std::vector<std::string> column_names() {
  const auto& names = sim::ledger_column_names();
  return {names.begin(), names.end()};
}

h5::Id create_one(hid_t root, const f::LedgerVariable& v, const std::vector<hsize_t>& dims,
                  std::vector<hid_t> scales) {
  h5::Id dcpl = h5::float_dcpl({1, dims[1], dims[2], dims[3]}, 0);
  h5::Id d = h5::create_dataset(root, v.name, H5T_IEEE_F64LE, dims, dcpl.get());
  h5::attach_scales(d.get(), scales);
  h5::describe(d.get(), v.units, v.long_name);
  h5::write_double_attribute(d.get(), "_FillValue", std::numeric_limits<double>::quiet_NaN());
  h5::write_string_attribute(d.get(), "coordinates",
                             std::string(f::kPhaseName) + " " + f::kFunderName + " " + f::kFunderCurrency);
  return d;
}
}  // namespace

FunderLedgerVariables create_funder_ledger(hid_t root, hid_t replication, hid_t phase, const RunInfo& info) {
  h5::write_int_attribute(root, kFundersAttribute, static_cast<std::int64_t>(info.funders.size()));
  FunderLedgerVariables out;
  if (info.funders.empty()) return out;
  std::vector<std::string> ids, names, currencies;
  for (const FunderInfo& f : info.funders) {
    ids.push_back(f.id);
    names.push_back(f.name);
    currencies.push_back(f.currency);
  }
  h5::Id funder = h5::string_scale(root, f::kFunder, ids, "named funder of the scenario");
  h5::strings_along(root, funder.get(), f::kFunderName, names, "funder name");
  h5::strings_along(root, funder.get(), f::kFunderCurrency, currencies, "currency of the funder's budget");
  h5::Id column = h5::string_scale(root, f::kLedgerColumn, column_names(),
                                   "ledger entry: budget + carried_in = spent + unspent + lapsed");
  const std::vector<hsize_t> dims{static_cast<hsize_t>(info.replications), info.phases.size(),
                                  info.funders.size(), sim::kLedgerColumns};
  const std::vector<hid_t> scales{replication, phase, funder.get(), column.get()};
  out.own = create_one(root, f::kFunderLedger, dims, scales);
  out.usd = create_one(root, f::kFunderLedgerUsd, dims, scales);
  return out;
}

void write_funder_ledger(const FunderLedgerVariables& variables, int replication,
                         const sim::FunderLedger& ledger) {
  if (!variables.own.valid()) return;
  const auto dims = h5::shape(variables.own.get());
  if (static_cast<hsize_t>(ledger.phases) != dims[1] || static_cast<hsize_t>(ledger.funders) != dims[2])
    return;
  // The ledger is [funder][phase][column]; the file is (phase, funder, column).
  std::vector<double> own, usd;
  for (int p = 0; p < ledger.phases; ++p)
    for (int f = 0; f < ledger.funders; ++f)
      for (int c = 0; c < sim::kLedgerColumns; ++c) {
        own.push_back(ledger.own_at(f, p, static_cast<sim::LedgerColumn>(c)));
        usd.push_back(ledger.usd_at(f, p, static_cast<sim::LedgerColumn>(c)));
      }
  const std::vector<hsize_t> start{static_cast<hsize_t>(replication), 0, 0, 0},
      count{1, dims[1], dims[2], dims[3]};
  h5::write_block(variables.own.get(), start, count, own.data());
  h5::write_block(variables.usd.get(), start, count, usd.data());
}

namespace {
void read_funders(hid_t root, RunInfo& info) {
  auto strings = [&](const char* name) {
    h5::Id d = h5::open_dataset(root, name);
    return h5::read_strings(d.get(), kMaxFunders);
  };
  const auto ids = strings(f::kFunder), names = strings(f::kFunderName),
             currencies = strings(f::kFunderCurrency);
  if (names.size() != ids.size() || currencies.size() != ids.size())
    bad("funder coordinates differ in length");
  for (std::size_t j = 0; j < ids.size(); ++j) info.funders.push_back({ids[j], names[j], currencies[j]});
}

// The ledger columns a file holds: all, or (a file written before
// `pledge_failed`) all but that last one.
hsize_t file_columns(hid_t d, const char* name, const RunInfo& info) {
  const std::vector<hsize_t> shape = h5::shape(d);
  const std::vector<hsize_t> lead{static_cast<hsize_t>(info.replications), info.phases.size(),
                                  info.funders.size()};
  if (shape.size() != 4 || !std::equal(lead.begin(), lead.end(), shape.begin()) ||
      shape[3] + 1 < sim::kLedgerColumns || shape[3] > sim::kLedgerColumns)
    bad("variable '" + std::string(name) + "' is shaped unlike its dimensions");
  return shape[3];
}

// One ledger variable into `into[r].own` or `.usd`; a column the file lacks reads NaN.
void read_values(hid_t root, const char* name, const RunInfo& info, std::vector<sim::FunderLedger>& into,
                 bool usd) {
  h5::Id d = h5::open_dataset(root, name);
  const std::vector<hsize_t> dims{static_cast<hsize_t>(info.replications), info.phases.size(),
                                  info.funders.size(), file_columns(d.get(), name, info)};
  if (dims[0] * dims[1] * dims[2] * dims[3] > (hsize_t{1} << 28)) bad("funder ledger too large to load");
  std::vector<double> values(dims[0] * dims[1] * dims[2] * dims[3]);
  h5::read_block(d.get(), {0, 0, 0, 0}, dims, values.data());
  std::size_t i = 0;
  for (auto& ledger : into)
    for (int p = 0; p < ledger.phases; ++p)
      for (int f = 0; f < ledger.funders; ++f)
        for (int c = 0; c < sim::kLedgerColumns; ++c) {
          const auto column = static_cast<sim::LedgerColumn>(c);
          const double v =
              static_cast<hsize_t>(c) < dims[3] ? values[i++] : std::numeric_limits<double>::quiet_NaN();
          (usd ? ledger.usd_at(f, p, column) : ledger.own_at(f, p, column)) = v;
        }
}
}  // namespace

std::optional<std::vector<sim::FunderLedger>> read_funder_ledger(hid_t root, RunInfo& info) {
  if (!h5::has_attribute(root, kFundersAttribute)) return std::nullopt;
  const std::int64_t funders = h5::read_int_attribute(root, kFundersAttribute);
  if (funders < 0 || static_cast<hsize_t>(funders) > kMaxFunders)
    bad("attribute 'funders' = " + std::to_string(funders) + " is implausible");
  std::vector<sim::FunderLedger> out;
  if (funders == 0) return out;
  read_funders(root, info);
  if (static_cast<std::int64_t>(info.funders.size()) != funders)
    bad("dimension 'funder' has " + std::to_string(info.funders.size()) +
        " entries but attribute 'funders' says " + std::to_string(funders));
  out.assign(static_cast<std::size_t>(info.replications),
             sim::FunderLedger(static_cast<int>(funders), static_cast<int>(info.phases.size())));
  read_values(root, f::kFunderLedger.name, info, out, false);
  read_values(root, f::kFunderLedgerUsd.name, info, out, true);
  return out;
}

}  // namespace score::output::detail
