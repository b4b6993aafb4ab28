#include "sim/transfer.hpp"

#include <cmath>

namespace sg4 = simgrid::s4u;

XBT_LOG_EXTERNAL_CATEGORY(muxsim);
XBT_LOG_NEW_DEFAULT_SUBCATEGORY(muxsim_transfer, muxsim, "uploads and replies, chunk by chunk");

namespace muxsim::sim {

double transfer(sg4::Host* from, sg4::Host* to, double bytes, const Route& route,
                const Station& station) {
  double left = std::round(bytes);
  double air_s = 0;
  XBT_DEBUG("%.0f bytes %s -> %s", left, from->get_cname(), to->get_cname());
  while (left > 0) {
    const double piece = route.chunk_bytes > 0 ? std::min(route.chunk_bytes, left) : left;
    const bool contends = station.air->contends();
    if (contends) {
      ++station.cell->active;
      station.set_level();
    }
    // The piece moves at the rate it starts at (SimGrid holds a station's rate for a flow),
    // even if the channel changes it meanwhile: its weight and air time are that rate's.
    const double rate = *station.phy_mbps;
    // Scaled bytes for a station sharing the air by A-MPDU rounds (sim/wifi_air.hpp).
    const double sent = std::round(piece / station.air->weight(rate));
    sg4::Comm::sendto(from, to, static_cast<uint64_t>(sent));
    if (contends) --station.cell->active;
    air_s += piece * 8 / (station.air->alone_mbps(rate) * 1e6);
    left -= piece;
  }
  if (route.latency_s > 0) sg4::this_actor::sleep_for(route.latency_s);
  return air_s;
}

} // namespace muxsim::sim
