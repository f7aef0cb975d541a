#pragma once
// The networks' graph type, Boost.Graph's compressed sparse row graph, for
// the files that build or walk a graph (sim/networks.hpp only names it).
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <utility>
#include <vector>

#include "sim/networks.hpp"

namespace score::sim {

using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                               boost::no_property, std::uint32_t, std::uint32_t>;

// A CSR graph under a name that can be declared ahead (sim/networks.hpp);
// Boost.Graph's functions take it as the CSR graph it is.
class Graph : public Csr {
 public:
  using Csr::Csr;
  Graph() = default;
};

using Edge = std::pair<std::uint32_t, std::uint32_t>;

inline const Graph& SharedGraph::get() const { return *graph_; }
inline SharedGraph::operator const Graph&() const { return *graph_; }

// Builds a graph of `vertices` vertices from an edge list (sorted in place).
Graph make_graph(std::vector<Edge>& edges, std::uint32_t vertices);

// The out-neighbours of v (an iterator range of vertex ids).
inline auto neighbours(const Graph& g, std::uint32_t v) { return boost::adjacent_vertices(v, g); }

}  // namespace score::sim
