#pragma once
// The simulated mode of a run: phones in Wi-Fi cells, their channels, the WAN, the edge and
// cloud GPU servers, in SimGrid. Creates the SimGrid engine, so it may run once per process
// (docs/invariants.md #4); the sweep runner calls it in a forked child.
#include "core/assemble/prepared.hpp"
#include "core/model/attachment.hpp"
#include "core/model/cost_breakdown.hpp"
#include "core/policy/policy.hpp"
#include "sim/platform.hpp"

#include <string>
#include <vector>

namespace muxsim::sim {

// The platform a run loads (also what `muxsim platform` prints).
PlatformSpec platform_for(const Prepared& p, const Attachments& attachments);
// The WAN's bandwidth profile in SimGrid's text format (build_platform's wan_profile), or ""
// when the scenario has no wan_trace.
std::string wan_profile_for(const Prepared& p);

// `log`: SimGrid log settings (`muxsim run --log`), e.g. "muxsim_phone.thresh:verbose"; every
// category is silent below critical otherwise. muxsim's categories, all under `muxsim`:
// muxsim_simulate, muxsim_phone, muxsim_server, muxsim_transfer, muxsim_channel.
std::vector<CostBreakdown> simulate(const Prepared& p, Policy& policy, const RunPoint& point,
                                    const std::vector<std::string>& log = {});

// Each request as it completes, in simulated time: request k's costs go to `record(k, cost)`,
// and nothing is kept per request, so a run's memory does not grow with its length. Also
// the order the summary adds them in: a run's results are the same with or without a
// request log.
// Returns the handovers the phones made during the run ([mobility]; 0 without).
long simulate_each(const Prepared& p, Policy& policy, const RunPoint& point,
                   const std::vector<std::string>& log, const RequestSink& record);

} // namespace muxsim::sim
