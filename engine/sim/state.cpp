#include "sim/state.hpp"

#include "core/threads.hpp"

namespace score::sim {

// A column per task: a million firms' columns are some 60 MB of fresh
// memory, whose first touch costs more than writing it, and on one thread
// it was most of a large run's serial set-up.
void Firms::resize(std::size_t n) {
  constexpr int kColumns = 15;
  threads::for_each(0, kColumns + model::kIndicators, [&](int k) {
    switch (k) {
      case 0:
        return country.assign(n, 0);
      case 1:
        return manufacturing.assign(n, 0);
      case 2:
        return employees.assign(n, 0.f);
      case 3:
        return fee_capacity_usd.assign(n, 0.f);
      case 4:
        return state.assign(n, FirmState::unaware);
      case 5:
        return since.assign(n, 0);
      case 6:
        return modules_done.assign(n, 0);
      case 7:
        return module.assign(n, -1);
      case 8:
        return provider.assign(n, -1);
      case 9:
        return adopted.assign(n, 0);
      case 10:
        return savings_usd.assign(n, 0.f);
      case 11:
        return fees_paid_usd.assign(n, 0.f);
      case 12:
        return buyer.assign(n, -1);
      case 13:
        return association.assign(n, -1);
      case 14:
        return csr.assign(n, -1);
      default:
        return improvement[static_cast<std::size_t>(k - kColumns)].assign(n, 0.f);
    }
  });
}

State::State(const model::Description& m, std::uint32_t rep, std::shared_ptr<const BuyerSpans> spans)
    : model(&m),
      replication(rep),
      buyer_spans(spans ? std::move(spans) : std::make_shared<const BuyerSpans>(m)),
      series(m.steps, static_cast<int>(m.countries.size())) {
  funders.resize(m.funders.size());
  countries.resize(m.countries.size());
  stocks.resize(m.countries.size());
  active.told_peers.resize(m.countries.size());
  int firm = 0, buyer = 0, association = 0;
  for (std::size_t c = 0; c < m.countries.size(); ++c) {
    CountryState& cs = countries[c];
    cs.first_firm = firm;
    firm += static_cast<int>(m.countries[c].eligible_firms);
    cs.end_firm = firm;
    cs.first_buyer = buyer;
    buyer += m.countries[c].buyers;
    cs.first_association = association;
    association += m.countries[c].associations;
  }
  association_active.assign(static_cast<std::size_t>(association), 0);
  active.waiting.resize(static_cast<std::size_t>(firm));
  active.returning.resize(static_cast<std::size_t>(firm));
}

}  // namespace score::sim
