#pragma once
// Whether a run is stable: each shared resource's offered load over its capacity
// (docs/cost-model.md, "Overload"). A queue whose offered load reaches its capacity grows
// without bound, so an open-loop run's latency and energy then depend on how many requests
// it ran, not on the system: such a run is flagged, never silently averaged.
#include "core/base/scenario.hpp"
#include "core/output/summary.hpp"

#include <string>

namespace muxsim {

// Fills s.load_air, load_wan, load_edge, load_cloud and load_max from the demands of a mean
// request (s.*_air_ms_mean, *_busy_ms_mean, wan_bytes_mean) and the rate each phone asks:
// `arrival_rate_hz` with Poisson arrivals; in a closed loop, one request per think time
// plus mean latency (Little's law). The air is one cell's, of `cell_phones` phones at
// `cell_mbps` (with [mobility], the most crowded cell's as the run starts); the edge is one
// edge server's.
void fill_offered_load(Summary& s, const Scenario& scenario, const RunPoint& point,
                       long cell_phones, double cell_mbps);

// The load at which a run is flagged. With Poisson arrivals kNearCapacity: past 1 their
// queues grow with the run, and near it the waits are long and slow to settle (an M/M/1
// queue at 0.95 waits 19 service times, reached only after hundreds of them); the loads are
// estimates (cells taken as alike, contention as at most three stations), so the margin
// also covers their error. A closed loop in closed form: 1, past which its lone-phone
// latencies ignore a queue its phones would form. A simulated closed loop is never flagged: its
// phones wait for their answers, so it carries what it can and its figures do not grow with the
// run; its load_* columns are then the resources' busy shares, near 1 at the bottleneck.
constexpr double kNearCapacity = 0.95;
double overload_threshold(Arrival arrival, Mode mode);

// The resources whose load reaches `threshold`, joined by '+' ("air+cloud"), or "".
std::string overloaded_resources(const Summary& s, double threshold);

} // namespace muxsim
