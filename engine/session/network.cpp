#include "session/network.hpp"

#include <unordered_map>

#include "sim/graph.hpp"

namespace score::session {
namespace {

NodeState node_state(const sim::Firms& firms, std::uint32_t f) {
  if (firms.modules_done[f] != 0) return NodeState::trained;
  return firms.state[f] == sim::FirmState::unaware ? NodeState::unaware : NodeState::aware;
}

// Adds hubs [first, first + n) of `graph`, sharing firm nodes across hubs.
void add_hubs(const sim::State& state, const sim::Graph& graph, int first, int n, bool buyer, int max_per_hub,
              std::unordered_map<std::uint32_t, std::uint32_t>& shown, NetworkView& view) {
  const sim::CountryState& cs = state.countries[static_cast<std::size_t>(view.country)];
  for (int h = 0; h < n; ++h) {
    const auto v = static_cast<std::uint32_t>(first + h);
    NetworkView::Hub hub;
    hub.buyer = buyer;
    hub.label = (buyer ? "buyer " : "association ") + std::to_string(h + 1);
    hub.partner = buyer ? h < cs.buyers_partnered : state.association_active[v] != 0;
    for (const std::uint32_t firm : boost::make_iterator_range(sim::neighbours(graph, v))) {
      if (static_cast<int>(hub.members.size()) >= max_per_hub) break;
      auto [it, added] = shown.try_emplace(firm, static_cast<std::uint32_t>(view.firms.size()));
      if (added) view.firms.push_back(node_state(state.firms, firm));
      hub.members.push_back(it->second);
    }
    view.hubs.push_back(std::move(hub));
  }
}

}  // namespace

NetworkView network_view(const sim::State& state, int country, int max_per_hub) {
  NetworkView view;
  if (country < 0 || country >= static_cast<int>(state.countries.size())) return view;
  view.country = country;
  view.month = state.step;
  const sim::CountryState& cs = state.countries[static_cast<std::size_t>(country)];
  const model::Country& mc = state.model->countries[static_cast<std::size_t>(country)];
  std::unordered_map<std::uint32_t, std::uint32_t> shown;
  add_hubs(state, state.networks.buyer_suppliers, cs.first_buyer, mc.buyers, true, max_per_hub, shown, view);
  add_hubs(state, state.networks.association_members, cs.first_association, mc.associations, false,
           max_per_hub, shown, view);
  for (NodeState s : view.firms) ++view.counts[static_cast<int>(s)];
  return view;
}

}  // namespace score::session
