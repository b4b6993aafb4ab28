#include "core/model/closed_form.hpp"

#include "core/model/request_stages.hpp"

#include <algorithm>
#include <limits>

namespace muxsim {

double window_rate_bytes_per_s(double window_bytes, double latency_ms) {
  if (latency_ms <= 0) return std::numeric_limits<double>::infinity();
  return window_bytes / (2.0 * latency_ms * 1e-3);
}

double air_ms(double bytes, const PathSpec& path) {
  return bytes > 0 ? bytes * 8e-3 / path.wifi_mbps : 0.0;
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
  const RequestStages r = request_stages(d, plan);
  const PathSpec& path = r.edge ? links.edge : links.cloud;
  for (const Stage& s : r.stages) {
    switch (s.kind) {
    case StageKind::PhoneCompute:
      t.*s.into = s.ms;
      break;
    case StageKind::Upload:
      t.upload_ms = path.access_ms + transfer_ms(s.bytes, path);
      t.upload_air_ms = air_ms(s.bytes, path);
      break;
    case StageKind::ServerVisit:
      // Alone at the server: no queue but the batching window, a batch of one.
      t.queue_ms = links.batch_wait_ms;
      if (s.server_mux_ms > 0) t.mux_ms = s.server_mux_ms;
      t.server_ms = server_latency_ms(d, plan, 1, 0);
      t.server_busy_ms = s.server_mux_ms + t.server_ms;
      break;
    case StageKind::Download: {
      PathSpec down = path;
      down.wifi_mbps = path.wifi_down_mbps;
      t.download_ms = transfer_ms(s.bytes, down);
      t.download_air_ms = air_ms(s.bytes, down);
      break;
    }
    }
  }
  return t;
}

} // namespace muxsim
