#pragma once
// How providers price and keep going on their own books, once the
// programme has left their country (after its exit, when the current phase
// no longer lists it, between phases or after the last phase).
//
// Cost-plus pricing with full cost recovery: the price is the direct cost
// plus markup, plus a share of the country's providers' fixed costs (their
// overheads and trainer pay last month) spread over the deliveries they can
// expect (their moving average), never more than the market bears
// (max_price_over_direct above the direct cost). While the programme runs
// its plans set what firms pay and this part is 0.
#include "sim/state.hpp"

namespace score::sim {

// Whether providers in country c are on their own books now: the programme
// supported the country and no longer does (it may still run elsewhere).
bool on_own_books(const State& s, int country);

// The part of a module's price that covers providers' fixed costs in
// country c now (0 while the programme supports it or pricing is off).
double fixed_cost_in_price(const State& s, int country, int module);

// Month-end bookkeeping the price reads: each country's providers' fixed
// costs this month and its moving average of deliveries per month.
void update_own_books(State& s);

}  // namespace score::sim
