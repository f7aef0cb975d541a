#pragma once
// The processes of a monthly step, in the order Simulation::step() runs them.
// Each is a free function over the state; each reads the frozen model
// through state.model and draws random numbers keyed by its own Purpose.
#include "sim/state.hpp"

namespace score::sim {

// Phase changes: funders' phase budgets, pledges that hold or not, which plan
// applies to each country and whether the programme still supports it.
void begin_month(State& s);
// Programme cost lines (staff, overheads, marketing), onboarding providers,
// licences and buyer partnerships.
void run_programme(State& s);
// Training of trainers: intake, supervised cycle, certification, attrition.
void train_trainers(State& s);
// Unaware firms hear of SCORE: marketing, associations, peers, buyers.
void spread_awareness(State& s);
// Aware firms decide whether they want a seat in their next module.
void decide_enrolment(State& s);
// Seats go to keen firms in random order, and each delivery is paid for.
void allocate_seats(State& s);
// Follow-up visits, completion, adoption of practices and their outcomes.
void progress_training(State& s);
// Providers' monthly accounts: overheads, independence, drop-out.
void settle_providers(State& s);
// Stocks of the month into the time series.
void record_metrics(State& s);

// The step at which a firm aware since `since` gives up waiting for a seat.
int patience_ends(const State& s, int since);

}  // namespace score::sim
