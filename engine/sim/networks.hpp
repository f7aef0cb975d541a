#pragma once
// The three networks SCORE spreads along, built once per replication in
// compressed sparse row form (Boost.Graph): peers inside local clusters (word
// of mouth), buyer -> supplier links (who a multinational can push) and
// association -> member links (who hears of SCORE through an association).
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <utility>
#include <vector>

namespace score::sim {

using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                 boost::no_property, std::uint32_t, std::uint32_t>;
using Edge = std::pair<std::uint32_t, std::uint32_t>;

struct Networks {
  Graph peers;                // firm -> firm, symmetric
  Graph buyer_suppliers;      // buyer b -> firm, vertices [0, buyers)
  Graph association_members;  // association a -> firm, vertices [0, associations)
  std::vector<std::vector<std::int32_t>>
      csr_suppliers;  // funder -> its supply chain's firms (csr funders only)
};

// Builds a graph of `vertices` vertices from an edge list (sorted in place).
Graph make_graph(std::vector<Edge>& edges, std::uint32_t vertices);

// The out-neighbours of v (an iterator range of vertex ids).
inline auto neighbours(const Graph& g, std::uint32_t v) { return boost::adjacent_vertices(v, g); }

}  // namespace score::sim
