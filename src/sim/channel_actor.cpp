#include "sim/channel_actor.hpp"

#include <cmath>

namespace sg4 = simgrid::s4u;

XBT_LOG_EXTERNAL_CATEGORY(muxsim);
XBT_LOG_NEW_DEFAULT_SUBCATEGORY(muxsim_channel, muxsim, "each phone's Wi-Fi rate changes");

namespace muxsim::sim {

void channel_actor(Station station, RateWalk walk, double* current_mbps) {
  for (RateChange c = walk.next(); std::isfinite(c.time_s); c = walk.next()) {
    sg4::this_actor::sleep_until(c.time_s);
    *current_mbps = c.mbps;
    station.set_level();
    XBT_VERB("%s: %g Mbit/s", station.host->get_cname(), c.mbps);
  }
}

} // namespace muxsim::sim
