#include "sim/simulation.hpp"

#include "core/memory.hpp"
#include "sim/population.hpp"
#include "sim/processes.hpp"
#include "sim/setup.hpp"

namespace score::sim {

namespace {

// Before the first replication's state is allocated: the allocator keeps
// what each replication frees for the next one (core/memory.hpp).
bool keep_freed_memory_once() {
  static const bool done = (memory::keep_freed_memory(), true);
  return done;
}

}  // namespace

Simulation::Simulation(const model::Description& model, std::uint32_t rep,
                       std::shared_ptr<const BuyerSpans> spans)
    : model_(model), state_((keep_freed_memory_once(), model), rep, std::move(spans)) {
  create_population(state_);
  create_networks(state_);
  for (CountryState& cs : state_.countries) cs.unaware = cs.end_firm - cs.first_firm;
}

Simulation::Simulation(const model::Description& model, std::uint32_t rep, const Setup& setup,
                       std::shared_ptr<const BuyerSpans> spans)
    : model_(model), state_((keep_freed_memory_once(), model), rep, std::move(spans)) {
  use_setup(state_, setup);
  for (CountryState& cs : state_.countries) cs.unaware = cs.end_firm - cs.first_firm;
}

void Simulation::step() {
  begin_month(state_);
  run_programme(state_);
  train_trainers(state_);
  spread_awareness(state_);
  decide_enrolment(state_);
  allocate_seats(state_);
  progress_training(state_);
  settle_providers(state_);
  record_metrics(state_);
  ++state_.step;
}

}  // namespace score::sim
