#include <memory>
#include <utility>

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

// Boost's CSR graph keeps its two arrays as public members (m_forward):
// filling them directly skips building an edge list and reading it again,
// a third of the networks' set-up.
Graph graph_of_rows(std::vector<std::uint32_t> row_start, std::vector<std::uint32_t> column) {
  Graph g(static_cast<std::uint32_t>(row_start.size() - 1));
  g.m_forward.m_rowstart = std::move(row_start);
  g.m_forward.m_column = std::move(column);
  return g;
}

}  // namespace score::sim
