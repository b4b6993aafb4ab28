#pragma once
// One message between a phone and a server, as the closed form's transfer_ms sees it: the
// data flows at the rate SimGrid's sharing gives it (Wi-Fi airtime, wired links, and
// SimGrid's own TCP window bound from the route's latency), then the route's one-way latency
// is paid once. The platform sets network/latency-factor to 0, so SimGrid itself charges no
// latency phase (sim/platform.hpp says why).
#include "sim/wifi_air.hpp"

#include <simgrid/s4u.hpp>

namespace muxsim::sim {

struct Route {
  double latency_s = 0;
  // > 0: send in chunks of this size, so a transfer follows a station's Wi-Fi rate, which
  // SimGrid fixes when a transfer starts. 0: one piece.
  double chunk_bytes = 0;
  // Before an upload moves: LTE's buffer report and grant (0 on Wi-Fi).
  double access_s = 0;
};

enum class Direction { Upload, Download };

// What a transfer did on the air.
struct Carried {
  // The phone's airtime in seconds: each piece's bytes over the goodput the phone would
  // have alone at its rate when the piece starts. That is the time its radio transmits (an
  // upload) or receives (a reply); the rest of the transfer it defers to other stations or
  // waits on the wired links (docs/cost-model.md).
  double air_s = 0;
  bool waited_for_link = false; // it found the phone out of every access point's range
  bool crossed_handover = false;
};

// Blocks the calling actor until the message between the phone's `station` and `server` has
// arrived. With an 802.11 model each piece counts as active on its cell's air while it is
// sent, and starts at the station's level for the transfers then active (sim/wifi_air.hpp);
// a piece that fits one A-MPDU first takes its turn on the air, and one that found the air
// busy holds it for its contention before it goes at the lone exchange's level
// (sim/air_turns.hpp).
// A phone with [mobility] may have no link: a piece waits for one, and a handover cuts the
// piece in flight, whose rest is sent from the new cell after the gap.
Carried transfer(const Station& station, simgrid::s4u::Host* server, Direction direction,
                 double bytes, const Route& route);

} // namespace muxsim::sim
