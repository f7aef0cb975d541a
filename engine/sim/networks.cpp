#include "sim/networks.hpp"

#include <algorithm>

namespace score::sim {

Graph make_graph(std::vector<Edge>& edges, std::uint32_t vertices) {
  std::sort(edges.begin(), edges.end());
  return Graph(boost::edges_are_sorted, edges.begin(), edges.end(), vertices);
}

}  // namespace score::sim
