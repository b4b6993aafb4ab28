#include "sim/channel_actor.hpp"

#include <cmath>

namespace sg4 = simgrid::s4u;

XBT_LOG_EXTERNAL_CATEGORY(muxsim);
XBT_LOG_NEW_DEFAULT_SUBCATEGORY(muxsim_channel, muxsim, "each phone's Wi-Fi rate changes");

namespace muxsim::sim {

void channel_actor(const sg4::Link* air, sg4::Host* phone, RateWalk walk,
                   const std::map<double, int>* level_of, double* current_mbps) {
  for (RateChange c = walk.next(); std::isfinite(c.time_s); c = walk.next()) {
    sg4::this_actor::sleep_until(c.time_s);
    air->set_host_wifi_rate(phone, level_of->at(c.mbps));
    *current_mbps = c.mbps;
    XBT_VERB("%s: %g Mbit/s", phone->get_cname(), c.mbps);
  }
}

} // namespace muxsim::sim
