#include "model/description.hpp"

#include <algorithm>

namespace score::model {

const std::array<const char*, kSources>& source_names() {
  static const std::array<const char*, kSources> names{"donor", "ilo", "government",
                                                       "buyer", "csr", "enterprise"};
  return names;
}
const std::array<Payer, kPayers>& payment_order() {
  static const std::array<Payer, kPayers> order = [] {
    std::array<Payer, kPayers> o{};
    for (const PayerInfo& row : kPayerTable) o[static_cast<std::size_t>(row.pay_order)] = row.payer;
    return o;
  }();
  return order;
}

bool funder_kind_from_name(const std::string& name, FunderKind& kind) {
  for (const PayerInfo& row : kPayerTable)
    if (row.funder_kind && name == row.name) {
      kind = row.payer;
      return true;
    }
  return false;
}

const std::array<const char*, kProviderTypes>& provider_type_names() {
  static const std::array<const char*, kProviderTypes> names{
      "government", "employer_org", "industry_association", "private_firm", "csr_foundation"};
  return names;
}
const std::array<const char*, kIndicators>& indicator_names() {
  static const std::array<const char*, kIndicators> names{"productivity", "defect_rate",     "accident_rate",
                                                          "absenteeism",  "energy_per_unit", "waste"};
  return names;
}
const std::array<const char*, kModules>& module_ids() {
  static const std::array<const char*, kModules> ids{"M1", "M2", "M3", "M4", "M5"};
  return ids;
}

int Description::phase_at(int step) const {
  for (int p = 0; p < static_cast<int>(phases.size()); ++p)
    if (step >= phases[p].first_step && step <= phases[p].last_step) return p;
  return -1;
}

double Currency::rate(int year) const {
  if (usd_per_unit.empty()) return 1.0;
  const int k = std::clamp(year - first_year, 0, static_cast<int>(usd_per_unit.size()) - 1);
  return usd_per_unit[static_cast<std::size_t>(k)];
}

double Description::usd_per_unit(const Funder& f, int step) const {
  if (f.currency < 0) return 1.0;
  return currencies[static_cast<std::size_t>(f.currency)].rate(start.plus(step).year);
}

std::int64_t Description::total_firms() const {
  std::int64_t n = 0;
  for (const auto& c : countries) n += c.eligible_firms;
  return n;
}

}  // namespace score::model
