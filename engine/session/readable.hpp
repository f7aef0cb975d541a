#pragma once
// Numbers for people: thousands separators, currency and percentages from a
// summary's units and reading, and "better" or "worse" from its direction.
// The text `score compare`, `score report` and the viewer's table show.
#include <string>

#include "session/difference.hpp"
#include "sim/summary.hpp"

namespace score::session {

// "1,374,520", "USD 1,374,520", "57.3%", "8.4 months"; "-" for NaN. Decimals
// shrink as numbers grow: 2 below 10, 1 below 100, none from 100.
std::string readable_value(double value, sim::Summary summary);

// A difference: "+1,374", "-USD 12,345", "+3.2 pp" (percentage points for a
// share), "0"; "-" for NaN.
std::string readable_difference(double difference, sim::Summary summary);

// "[+1,200, +1,540]" for an interval; "" without one.
std::string readable_interval(const Difference& d, sim::Summary summary);

// "+5.3%" of the reference; "" for NaN.
std::string readable_relative(double relative);

// What the difference means: "better" or "worse" (a difference beyond the
// noise, on a summary with a better side), "higher" or "lower" (beyond the
// noise, no better side), "within noise", "identical" (every replication
// alike), or "-" without an interval.
enum class Judgement { better, worse, higher, lower, within_noise, identical, unknown };
Judgement judge(const Difference& d, sim::Summary summary);
const char* judgement_name(Judgement judgement);

// A number with thousands separators and `decimals` decimals ("-" for NaN).
std::string grouped(double value, int decimals);

}  // namespace score::session
