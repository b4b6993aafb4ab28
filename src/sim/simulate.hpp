#pragma once
// The simulated mode of a run: phones in Wi-Fi cells, their channels, the WAN, the edge and
// cloud GPU servers, in SimGrid. Creates the SimGrid engine, so it may run once per process
// (docs/invariants.md #4); the sweep runner calls it in a forked child.
#include "core/model/channel.hpp"
#include "core/model/cost_breakdown.hpp"
#include "core/model/prepared.hpp"
#include "core/policy/policy.hpp"
#include "sim/platform.hpp"

#include <vector>

namespace muxsim::sim {

// The platform a run loads (also what `muxsim platform` prints).
PlatformSpec platform_for(const Prepared& p, const RunPoint& point, const Channel& channel);

std::vector<CostBreakdown> simulate(const Prepared& p, Policy& policy, const RunPoint& point);

} // namespace muxsim::sim
