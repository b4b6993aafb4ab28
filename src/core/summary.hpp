#pragma once
// Summaries of many requests: the figures of one results row.
#include "core/cost_breakdown.hpp"

#include <string>
#include <vector>

namespace muxsim {

// Linear interpolation between closest ranks (the same as numpy's default), q in [0, 1].
double percentile(std::vector<double> values, double q);

struct Summary {
  long requests = 0;
  double accuracy = 0, local_fraction = 0;
  double latency_ms_mean = 0, latency_ms_p50 = 0, latency_ms_p95 = 0, latency_ms_p99 = 0;
  double phone_energy_mj = 0, phone_compute_mj = 0, phone_radio_mj = 0;
  double phone_gflops = 0, cloud_gflops = 0, total_gflops = 0;
  double upload_ms_mean = 0, queue_ms_mean = 0, cloud_ms_mean = 0;
  std::vector<double> called; // per trace model: fraction of requests that ran it
};

Summary summarize(const std::vector<CostBreakdown>& costs, std::size_t model_count);

} // namespace muxsim
