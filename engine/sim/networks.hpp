#pragma once
// The three networks SCORE spreads along, built once per replication in
// compressed sparse row form (Boost.Graph): peers inside local clusters (word
// of mouth), buyer -> supplier links (who a multinational can push) and
// association -> member links (who hears of SCORE through an association).
//
// The graph type is only named here: Boost.Graph's headers cost about ten
// CPU-seconds of compilation wherever they are included, and nearly every
// engine file includes sim/state.hpp. The files that build or walk a graph
// include sim/graph.hpp.
#include <cstdint>
#include <memory>
#include <vector>

namespace score::sim {

class Graph;  // sim/graph.hpp

// A built graph, never changed afterwards: copies of a state or a set-up
// share it. Empty until a graph is assigned.
class SharedGraph {
 public:
  SharedGraph();
  SharedGraph& operator=(Graph&& graph);
  // The graph (sim/graph.hpp defines these).
  inline const Graph& get() const;
  inline operator const Graph&() const;  // implicit: passed wherever a Graph is walked

 private:
  std::shared_ptr<const Graph> graph_;
};

struct Networks {
  SharedGraph peers;                // firm -> firm, symmetric
  SharedGraph buyer_suppliers;      // buyer b -> firm, vertices [0, buyers)
  SharedGraph association_members;  // association a -> firm, vertices [0, associations)
  std::vector<std::vector<std::int32_t>>
      csr_suppliers;  // funder -> its supply chain's firms (csr funders only)
};

}  // namespace score::sim
