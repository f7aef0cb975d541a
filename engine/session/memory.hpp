#pragma once
// Whether a run fits in memory: the viewer holds every replication at once
// (they advance month by month together), so a run's need grows with its
// replications, and a box that accepts 10,000 of them must say no before
// the machine starts swapping.
#include <string>

#include "model/description.hpp"

namespace score::session {

// Bytes one replication takes in the viewer: its firms, networks and
// monthly series, and the series kept once it has finished. Measured on
// the history (300 replications peaked at 2.4 GB, about 8 MB each).
double memory_per_replication(const model::Description& m);

// Bytes the machine can give now (MemAvailable), or 0 when unknown.
double memory_available();

// Why a run needing `need` bytes cannot start with `available` free, or ""
// when it fits (at most 80 % of what is free; unknown availability never refuses).
std::string memory_refusal(double need, double available, int replications);

// "2.4 GB", "310 MB".
std::string format_bytes(double bytes);

}  // namespace score::session
