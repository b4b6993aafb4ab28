#pragma once
// Whether a run is stable: each shared resource's offered load over its capacity
// (docs/cost-model.md, "Overload"). A queue whose offered load reaches its capacity grows
// without bound, so an open-loop run's latency and energy then depend on how many requests
// it ran, not on the system: such a run is flagged, never silently averaged.
#include "core/config/scenario.hpp"
#include "core/output/summary.hpp"

#include <string>

namespace muxsim {

// Fills s.load_air, load_wan, load_edge, load_cloud and load_max from the demands of a mean
// request (s.*_air_ms_mean, *_busy_ms_mean, wan_bytes_mean) and the rate each phone asks:
// `arrival_rate_hz` with Poisson arrivals; in a closed loop, one request per think time
// plus mean latency (Little's law). The air is one cell's; the edge is one edge server's.
void fill_offered_load(Summary& s, const Scenario& scenario, const RunPoint& point);

// The load at which a run is flagged. Offered loads (Poisson arrivals, or a closed loop in
// closed form, whose latency is a lone phone's) are flagged at 1. A simulated closed loop
// carries what it can, so its load never passes 1: it is flagged from kSaturated, where
// its phones mostly wait on the resource.
constexpr double kSaturated = 0.95;
double overload_threshold(Arrival arrival, Mode mode);

// The resources whose load reaches `threshold`, joined by '+' ("air+cloud"), or "".
std::string overloaded_resources(const Summary& s, double threshold);

} // namespace muxsim
