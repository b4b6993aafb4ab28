#pragma once
// One message between two hosts, as the closed form's transfer_ms sees it: the data flows
// at the rate SimGrid's sharing gives it (Wi-Fi airtime, wired links, and SimGrid's own
// TCP window bound from the route's latency), then the route's one-way latency is paid
// once. The platform sets network/latency-factor to 0, so SimGrid itself charges no latency
// phase (sim/platform.hpp says why).
#include "sim/wifi_air.hpp"

#include <simgrid/s4u.hpp>

namespace muxsim::sim {

struct Route {
  double latency_s = 0;
  // > 0: send in chunks of this size, so a transfer follows a station's Wi-Fi rate, which
  // SimGrid fixes when a transfer starts. 0: one piece.
  double chunk_bytes = 0;
};

// Blocks the calling actor until the message has arrived. `station` is the phone's end of
// it: with an 802.11 model each piece counts as active on its cell's air while it is sent,
// and starts at the station's level for the transfers then active (sim/wifi_air.hpp).
// Returns the phone's airtime in seconds: each piece's bytes over the goodput the phone
// would have alone at its rate when the piece starts. That is the time its radio transmits
// (an upload) or receives (a reply); the rest of the transfer it defers to other stations
// or waits on the wired links (docs/cost-model.md).
double transfer(simgrid::s4u::Host* from, simgrid::s4u::Host* to, double bytes, const Route& route,
                const Station& station);

} // namespace muxsim::sim
