#pragma once
// One replication: the frozen model, its mutable state, and the monthly step.
#include <memory>

#include "model/description.hpp"
#include "sim/state.hpp"
#include "sim/summary.hpp"

namespace score::sim {

struct Setup;

class Simulation {
 public:
  // Builds the population and networks of replication `rep`. The model must
  // outlive the simulation. `spans`: the model's table shared by its
  // replications (null: built for this one).
  Simulation(const model::Description& model, std::uint32_t rep,
             std::shared_ptr<const BuyerSpans> spans = nullptr);
  // The same, with the population's links and networks taken from `setup`,
  // drawn for a model with the same setup_key (sim/setup.hpp): the same bits.
  Simulation(const model::Description& model, std::uint32_t rep, const Setup& setup,
             std::shared_ptr<const BuyerSpans> spans = nullptr);

  // Advances one month. Precondition: !finished().
  void step();
  bool finished() const { return state_.step >= model_.steps; }
  int month() const { return state_.step; }

  const State& state() const { return state_; }
  State& state() { return state_; }
  const Series& series() const { return state_.series; }
  PhaseSummary summary() const { return summarise(state_.series, model_); }

 private:
  const model::Description& model_;
  State state_;
};

}  // namespace score::sim
