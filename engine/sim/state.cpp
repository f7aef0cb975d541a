#include "sim/state.hpp"

#include <functional>

#include "core/threads.hpp"

namespace score::sim {

// A column per task: a million firms' columns are some 60 MB of fresh
// memory, whose first touch costs more than writing it, and on one thread
// it was most of a large run's serial set-up.
void Firms::resize(std::size_t n) {
  std::vector<std::function<void()>> fills{[&] { country.assign(n, 0); },
                                           [&] { manufacturing.assign(n, 0); },
                                           [&] { employees.assign(n, 0.f); },
                                           [&] { fee_capacity_usd.assign(n, 0.f); },
                                           [&] { state.assign(n, FirmState::unaware); },
                                           [&] { since.assign(n, 0); },
                                           [&] { modules_done.assign(n, 0); },
                                           [&] { module.assign(n, -1); },
                                           [&] { provider.assign(n, -1); },
                                           [&] { adopted.assign(n, 0); },
                                           [&] { savings_usd.assign(n, 0.f); },
                                           [&] { fees_paid_usd.assign(n, 0.f); },
                                           [&] { buyer.assign(n, -1); },
                                           [&] { association.assign(n, -1); },
                                           [&] { csr.assign(n, -1); }};
  for (auto& column : improvement) fills.emplace_back([&column, n] { column.assign(n, 0.f); });
  threads::for_each(std::size_t{0}, fills.size(), [&](std::size_t k) { fills[k](); });
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
