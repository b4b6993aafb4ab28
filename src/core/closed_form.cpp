#include "core/closed_form.hpp"

#include <algorithm>

namespace muxsim {

double transfer_ms(double bytes, const LinkSpec& link) {
  const double bits_per_ms = std::min(link.wifi_mbps, link.wan_mbps) * 1e3;
  return bytes * 8.0 / bits_per_ms + link.wan_latency_ms;
}

Timing closed_form_timing(const Deployment& d, const Plan& plan, const LinkSpec& link) {
  Timing t;
  if (plan.mux) t.mux_ms = d.mux.latency_ms;
  if (plan.local) t.local_ms = d.mobile_profile.latency_ms;
  if (!plan.cloud_slots.empty()) {
    t.upload_ms = transfer_ms(d.upload_bytes, link);
    t.download_ms = transfer_ms(d.download_bytes, link);
    // An ensemble runs its models one after another on one GPU worker.
    for (int s : plan.cloud_slots)
      t.cloud_ms += d.cloud[s].profile.latency_ms;
  }
  return t;
}

} // namespace muxsim
