#pragma once
// Per-request closed form: one phone, a constant link, no queueing. The simulation must
// agree with it under those conditions (GUIDE invariant 1).
#include "core/deployment.hpp"

namespace muxsim {

struct LinkSpec {
  double wifi_mbps = 0;      // the phone's Wi-Fi rate
  double wan_mbps = 0;       // access point to cloud
  double wan_latency_ms = 0; // one way
};

// A transfer crosses Wi-Fi then the WAN; alone on the path it runs at the slower of the
// two rates and pays the WAN latency once.
double transfer_ms(double bytes, const LinkSpec& link);

Timing closed_form_timing(const Deployment& d, const Plan& plan, const LinkSpec& link);

} // namespace muxsim
