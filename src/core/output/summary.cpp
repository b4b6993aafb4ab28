#include "core/output/summary.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim {

namespace {

double sorted_percentile(const std::vector<double>& values, double q) {
  if (values.empty()) return 0;
  const double rank = q * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(rank));
  const auto hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (rank - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

} // namespace

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  return sorted_percentile(values, q);
}

SummaryBuilder::SummaryBuilder(std::size_t model_count, double deadline_ms, Percentiles percentiles)
    : deadline_ms_(deadline_ms), percentiles_(percentiles),
      sketching_(percentiles == Percentiles::Sketch) {
  s_.called.assign(model_count, 0.0);
}

void SummaryBuilder::add_latency(double ms) {
  if (sketching_) {
    sketch_.add(ms);
    return;
  }
  latency_.push_back(ms);
  // Past the exact budget, the latencies so far go into the sketch, in the order they came.
  if (percentiles_ == Percentiles::Auto &&
      static_cast<long>(latency_.size()) > kExactPercentilesUpTo) {
    for (double v : latency_)
      sketch_.add(v);
    std::vector<double>().swap(latency_);
    sketching_ = true;
  }
}

void SummaryBuilder::add(const CostBreakdown& c) {
  Summary& s = s_;
  ++s.requests;
  add_latency(c.latency_ms());
  s.accuracy += c.correct;
  s.local_fraction += c.local;
  s.edge_fraction += c.at_edge;
  s.miss_rate += deadline_ms_ > 0 && c.latency_ms() > deadline_ms_;
  s.phone_compute_mj += c.compute_mj;
  s.phone_radio_mj += c.radio_mj();
  s.phone_tx_mj += c.tx_mj;
  s.phone_rx_mj += c.rx_mj;
  s.phone_idle_mj += c.idle_mj;
  s.upload_air_ms_mean += c.upload_air_ms;
  s.download_air_ms_mean += c.download_air_ms;
  (c.at_edge ? s.edge_busy_ms_mean : s.cloud_busy_ms_mean) += c.server_busy_ms;
  s.wan_bytes_mean += c.wan_bytes;
  s.phone_gflops += c.phone_gflops;
  s.cloud_gflops += c.cloud_gflops;
  s.edge_gflops += c.edge_gflops;
  s.mux_ms_mean += c.mux_ms;
  s.local_ms_mean += c.local_ms;
  s.upload_ms_mean += c.upload_ms;
  s.queue_ms_mean += c.queue_ms;
  s.server_ms_mean += c.server_ms;
  s.download_ms_mean += c.download_ms;
  s.handover_share += c.crossed_handover;
  s.no_link_share += c.waited_for_link;
  s.end_s = std::max(s.end_s, c.start_s + c.latency_ms() * 1e-3);
  for (std::uint64_t bits = c.called; bits != 0; bits &= bits - 1)
    s.called[static_cast<std::size_t>(__builtin_ctzll(bits))] += 1;
}

Summary SummaryBuilder::finish() {
  Summary s = s_;
  if (s.requests == 0) return s;
  const double n = static_cast<double>(s.requests);
  for (double* v :
       {&s.accuracy,           &s.local_fraction,    &s.edge_fraction,      &s.miss_rate,
        &s.phone_compute_mj,   &s.phone_radio_mj,    &s.phone_gflops,       &s.cloud_gflops,
        &s.edge_gflops,        &s.mux_ms_mean,       &s.local_ms_mean,      &s.upload_ms_mean,
        &s.queue_ms_mean,      &s.server_ms_mean,    &s.download_ms_mean,   &s.phone_tx_mj,
        &s.phone_rx_mj,        &s.phone_idle_mj,     &s.upload_air_ms_mean, &s.download_air_ms_mean,
        &s.cloud_busy_ms_mean, &s.edge_busy_ms_mean, &s.wan_bytes_mean,     &s.handover_share,
        &s.no_link_share})
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
  if (sketching_) {
    s.latency_ms_p50 = sketch_.quantile(0.50);
    s.latency_ms_p95 = sketch_.quantile(0.95);
    s.latency_ms_p99 = sketch_.quantile(0.99);
    return s;
  }
  std::sort(latency_.begin(), latency_.end());
  s.latency_ms_p50 = sorted_percentile(latency_, 0.50);
  s.latency_ms_p95 = sorted_percentile(latency_, 0.95);
  s.latency_ms_p99 = sorted_percentile(latency_, 0.99);
  return s;
}

Summary summarize(const std::vector<CostBreakdown>& costs, std::size_t model_count,
                  double deadline_ms, Percentiles percentiles) {
  SummaryBuilder builder(model_count, deadline_ms, percentiles);
  for (const auto& c : costs)
    builder.add(c);
  return builder.finish();
}

} // namespace muxsim
