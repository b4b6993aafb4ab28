#pragma once
// A phone's channel in SimGrid: the actor that moves its Wi-Fi station from rate level to
// rate level as its rate walk says (docs/network.md).
#include "core/model/channel.hpp"

#include <simgrid/s4u.hpp>

#include <map>

namespace muxsim::sim {

// Applies one phone's rate walk to its Wi-Fi station level: sets it now, then sleeps until
// each next change, keeping `current_mbps` (what the phone's policy sees) in step. A daemon,
// so the run ends with the phones.
void channel_actor(const simgrid::s4u::Link* air, simgrid::s4u::Host* phone, RateWalk walk,
                   const std::map<double, int>* level_of, double* current_mbps);

} // namespace muxsim::sim
