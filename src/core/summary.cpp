#include "core/summary.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim {

double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(rank));
  const auto hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (rank - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

Summary summarize(const std::vector<CostBreakdown>& costs, std::size_t model_count,
                  double deadline_ms) {
  Summary s;
  s.requests = static_cast<long>(costs.size());
  s.called.assign(model_count, 0.0);
  if (costs.empty()) return s;
  std::vector<double> latency;
  latency.reserve(costs.size());
  for (const auto& c : costs) {
    latency.push_back(c.latency_ms());
    s.accuracy += c.correct;
    s.local_fraction += c.local;
    s.edge_fraction += c.at_edge;
    s.miss_rate += deadline_ms > 0 && c.latency_ms() > deadline_ms;
    s.phone_compute_mj += c.compute_mj;
    s.phone_radio_mj += c.radio_mj();
    s.phone_gflops += c.phone_gflops;
    s.cloud_gflops += c.cloud_gflops;
    s.edge_gflops += c.edge_gflops;
    s.mux_ms_mean += c.mux_ms;
    s.local_ms_mean += c.local_ms;
    s.upload_ms_mean += c.upload_ms;
    s.queue_ms_mean += c.queue_ms;
    s.server_ms_mean += c.server_ms;
    s.download_ms_mean += c.download_ms;
    for (int m : c.called)
      s.called[m] += 1;
  }
  const double n = static_cast<double>(costs.size());
  for (double* v : {&s.accuracy, &s.local_fraction, &s.edge_fraction, &s.miss_rate,
                    &s.phone_compute_mj, &s.phone_radio_mj, &s.phone_gflops, &s.cloud_gflops,
                    &s.edge_gflops, &s.mux_ms_mean, &s.local_ms_mean, &s.upload_ms_mean,
                    &s.queue_ms_mean, &s.server_ms_mean, &s.download_ms_mean})
    *v /= n;
  for (auto& c : s.called)
    c /= n;
  s.phone_energy_mj = s.phone_compute_mj + s.phone_radio_mj;
  s.total_gflops = s.phone_gflops + s.cloud_gflops + s.edge_gflops;
  s.latency_ms_mean = s.mux_ms_mean + s.local_ms_mean + s.upload_ms_mean + s.queue_ms_mean +
                      s.server_ms_mean + s.download_ms_mean;
  if (s.latency_ms_mean > 0) {
    s.share_mux = s.mux_ms_mean / s.latency_ms_mean;
    s.share_local = s.local_ms_mean / s.latency_ms_mean;
    s.share_upload = s.upload_ms_mean / s.latency_ms_mean;
    s.share_queue = s.queue_ms_mean / s.latency_ms_mean;
    s.share_server = s.server_ms_mean / s.latency_ms_mean;
    s.share_download = s.download_ms_mean / s.latency_ms_mean;
  }
  s.latency_ms_p50 = percentile(latency, 0.50);
  s.latency_ms_p95 = percentile(latency, 0.95);
  s.latency_ms_p99 = percentile(latency, 0.99);
  return s;
}

} // namespace muxsim
