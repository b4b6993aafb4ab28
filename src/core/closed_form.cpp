#include "core/closed_form.hpp"

#include <algorithm>
#include <limits>

namespace muxsim {

double window_rate_bytes_per_s(double window_bytes, double latency_ms) {
  if (latency_ms <= 0) return std::numeric_limits<double>::infinity();
  return window_bytes / (2.0 * latency_ms * 1e-3);
}

double transfer_ms(double bytes, const PathSpec& path) {
  if (bytes <= 0) return path.latency_ms;
  const double link_bytes_per_s = std::min(path.wifi_mbps, path.backhaul_mbps) * 1e6 / 8.0;
  const double rate =
      std::min(link_bytes_per_s, window_rate_bytes_per_s(path.window_bytes, path.latency_ms));
  return bytes / rate * 1e3 + path.latency_ms;
}

Timing closed_form_timing(const Deployment& d, const Plan& plan, const ClosedFormLinks& links) {
  Timing t;
  if (plan.mux) t.mux_ms = decision_profile(d, plan).latency_ms;
  if (plan.local) t.local_ms = local_profile(d, plan).latency_ms;
  // A round trip to a server: to offload, or to ask a multiplexer in the cloud (which then
  // runs the chosen cloud models in the same visit, or sends back "local").
  if (!plan.offloaded() && !remote_mux(d, plan)) return t;
  const PathSpec& path = plan.edge ? links.edge : links.cloud;
  t.upload_ms = transfer_ms(d.upload_bytes, path);
  t.download_ms = transfer_ms(d.download_bytes, path);
  t.queue_ms = links.batch_wait_ms;
  if (plan.offloaded()) t.server_ms = server_latency_ms(d, plan, 1, 0);
  return t;
}

} // namespace muxsim
