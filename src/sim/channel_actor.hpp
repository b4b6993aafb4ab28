#pragma once
// A phone's channel in SimGrid: the actor that moves its Wi-Fi station from rate to rate as
// its rate walk says (docs/network.md).
#include "core/model/channel.hpp"
#include "sim/wifi_air.hpp"

namespace muxsim::sim {

// Applies one phone's rate walk: sleeps until each next change, then keeps the station's
// rate (what the phone's policy sees) and level in step. A daemon, so the run ends with the
// phones.
void channel_actor(Station station, RateWalk walk, double* current_mbps);

} // namespace muxsim::sim
