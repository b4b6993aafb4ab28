#pragma once
// The simulated mode of a run: phones, the shared Wi-Fi cell and the cloud GPU queue in
// SimGrid. Creates the SimGrid engine, so it may run once per process (GUIDE invariant 4);
// the sweep runner calls it in a forked child.
#include "core/cost_breakdown.hpp"
#include "core/policy.hpp"
#include "core/prepared.hpp"

#include <vector>

namespace muxsim::sim {

std::vector<CostBreakdown> simulate(const Prepared& p, const Policy& policy, const RunPoint& point);

} // namespace muxsim::sim
