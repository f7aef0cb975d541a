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

inline const Graph& SharedGraph::get() const { return *graph_; }
inline SharedGraph::operator const Graph&() const { return *graph_; }

// A graph from its compressed rows: row_start[v] .. row_start[v + 1] index
// v's out-neighbours in `column` (row_start.size() - 1 vertices).
Graph graph_of_rows(std::vector<std::uint32_t> row_start, std::vector<std::uint32_t> column);

// The out-neighbours of v (an iterator range of vertex ids).
inline auto neighbours(const Graph& g, std::uint32_t v) { return boost::adjacent_vertices(v, g); }

}  // namespace score::sim
