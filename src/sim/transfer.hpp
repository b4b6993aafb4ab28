#pragma once
// One message between two hosts, as the closed form's transfer_ms sees it: the data flows
// at the rate SimGrid's sharing gives it (Wi-Fi airtime, wired links), capped by the TCP
// window bound, then the route's one-way latency is paid once.
#include <simgrid/s4u.hpp>

namespace muxsim::sim {

struct Route {
  double latency_s = 0;
  double rate_cap_bytes_per_s = 0; // window / (2 x latency); 0 or infinite: no cap
  // > 0: send in chunks of this size, so a transfer follows a station's Wi-Fi rate, which
  // SimGrid fixes when a transfer starts. 0: one piece.
  double chunk_bytes = 0;
};

// Blocks the calling actor until the message has arrived.
void transfer(simgrid::s4u::Host* from, simgrid::s4u::Host* to, double bytes, const Route& route);

} // namespace muxsim::sim
