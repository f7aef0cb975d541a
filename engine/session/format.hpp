#pragma once
// Numbers for people: thousands separators, currency and percent, a
// difference that is only rounding noise shown as none, and for every
// summary whether more of it is better, worse, or neither.
#include <string>

#include "sim/summary.hpp"

namespace score::session {

enum class Kind { count, usd, share, months };
Kind kind_of(sim::Summary s);

// +1: more is better (firms reached, cost recovery); -1: less is better
// (donor cost per firm, firms priced out); 0: neither (delivery cost).
int direction(sim::Summary s);

// "1,374,520" with thousands separators and `decimals` digits after the point.
std::string grouped(double v, int decimals = 0);
// A value as a person reads it: "USD 1,374,520", "57.0 %", "12,400", "8.5 months"; "-" for NaN.
std::string format_value(double v, Kind kind);
// A difference: "+12,400 (+3.2 %)", shares in points ("+4.1 pp"); "no change" for noise.
std::string format_difference(double difference, double relative, Kind kind);

// True when b - a is rounding noise (relative 1e-9), not a change.
bool is_noise(double a, double b);

// -1 worse, 0 no change or no direction, +1 better: the colour of a difference.
int judgement(sim::Summary s, double difference, bool noise);

}  // namespace score::session
