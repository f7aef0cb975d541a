#include "sim/setup.hpp"

#include <algorithm>
#include <bit>

namespace score::sim {

std::vector<std::uint64_t> setup_key(const model::Description& m, std::uint32_t replication) {
  std::vector<std::uint64_t> key{m.seed, replication, m.countries.size(), m.funders.size()};
  auto real = [&](double x) { key.push_back(std::bit_cast<std::uint64_t>(x)); };
  auto whole = [&](std::int64_t x) { key.push_back(static_cast<std::uint64_t>(x)); };
  // What create_population and create_networks read (population.cpp).
  for (const model::Country& c : m.countries) {
    whole(c.eligible_firms);
    real(c.supplier_share);
    whole(c.buyers);
    real(c.association_membership);
    whole(c.associations);
    whole(c.cluster_size);
    real(c.peer_degree);
  }
  for (const model::Funder& f : m.funders) {
    whole(static_cast<std::int64_t>(f.kind));
    whole(f.country);
    whole(f.suppliers);
  }
  return key;
}

Setup copy_setup(const State& s) {
  return {s.firms.country, s.firms.csr, s.firms.buyer, s.firms.association, s.networks};
}

void use_setup(State& s, const Setup& setup) {
  s.firms.resize(setup.country.size());
  s.firms.country = setup.country;
  s.firms.csr = setup.csr;
  s.firms.buyer = setup.buyer;
  s.firms.association = setup.association;
  s.networks = setup.networks;
}

std::size_t setup_capacity(const model::Description& model, std::size_t wanted) {
  constexpr double kBudgetBytes = 256.0 * 1024 * 1024, kBytesPerFirm = 48;
  const double fits =
      kBudgetBytes / (kBytesPerFirm * static_cast<double>(std::max<std::int64_t>(1, model.total_firms())));
  return std::max<std::size_t>(1, std::min(wanted, static_cast<std::size_t>(fits)));
}

std::shared_ptr<const Setup> SetupCache::find(const std::vector<std::uint64_t>& key) const {
  std::lock_guard lock(mutex_);
  const auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; });
  return it == entries_.end() ? nullptr : it->setup;
}

void SetupCache::add(std::vector<std::uint64_t> key, std::shared_ptr<const Setup> setup) {
  std::lock_guard lock(mutex_);
  if (capacity_ == 0) return;
  if (std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.key == key; })) return;
  if (entries_.size() == capacity_) entries_.erase(entries_.begin());
  entries_.push_back({std::move(key), std::move(setup)});
}

}  // namespace score::sim
