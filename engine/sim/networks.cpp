#include <algorithm>

#include "sim/graph.hpp"

namespace score::sim {

namespace {
const std::shared_ptr<const Graph>& empty_graph() {
  static const auto empty = std::make_shared<const Graph>();
  return empty;
}
}  // namespace

SharedGraph::SharedGraph() : graph_(empty_graph()) {}

SharedGraph& SharedGraph::operator=(Graph&& graph) {
  graph_ = std::make_shared<const Graph>(std::move(graph));
  return *this;
}

Graph make_graph(std::vector<Edge>& edges, std::uint32_t vertices) {
  std::sort(edges.begin(), edges.end());
  return Graph(boost::edges_are_sorted, edges.begin(), edges.end(), vertices);
}

}  // namespace score::sim
