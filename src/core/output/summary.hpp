#pragma once
// Summaries of many requests: the figures of one results row.
#include "core/model/cost_breakdown.hpp"
#include "core/output/quantile_sketch.hpp"

#include <string>
#include <vector>

namespace muxsim {

// Linear interpolation between closest ranks (the same as numpy's default), q in [0, 1].
double percentile(std::vector<double> values, double q);

struct Summary {
  long requests = 0;
  double accuracy = 0, local_fraction = 0, edge_fraction = 0;
  double miss_rate = 0; // answered later than the deadline; 0 without one
  double latency_ms_mean = 0, latency_ms_p50 = 0, latency_ms_p95 = 0, latency_ms_p99 = 0;
  double phone_energy_mj = 0, phone_compute_mj = 0, phone_radio_mj = 0;
  // The radio energy by state (docs/cost-model.md): they sum to phone_radio_mj.
  double phone_tx_mj = 0, phone_rx_mj = 0, phone_idle_mj = 0;
  double phone_gflops = 0, cloud_gflops = 0, edge_gflops = 0, total_gflops = 0;
  double mux_ms_mean = 0, local_ms_mean = 0, upload_ms_mean = 0, queue_ms_mean = 0;
  double server_ms_mean = 0, download_ms_mean = 0;
  double upload_air_ms_mean = 0, download_air_ms_mean = 0; // the phone's bits on the air
  // Share of the mean latency spent in each stage; they sum to 1.
  double share_mux = 0, share_local = 0, share_upload = 0, share_queue = 0, share_server = 0;
  double share_download = 0;
  std::vector<double> called; // per trace model: fraction of requests that ran it
  // What a mean request asks of the shared resources: the cloud's and the edge's busy time
  // and the WAN's bytes. Not columns: offered_load (core/output/load.hpp) turns them into
  // the load_* columns, each resource's offered load over its capacity.
  double cloud_busy_ms_mean = 0, edge_busy_ms_mean = 0, wan_bytes_mean = 0;
  double load_air = 0, load_wan = 0, load_edge = 0, load_cloud = 0, load_max = 0;
  // With [mobility] (docs/mobility.md): the requests whose transfers met a handover (cut, or
  // waiting through its gap), those that found the phone out of range and waited for a
  // link, and how often a phone roamed.
  double handover_share = 0, no_link_share = 0, handovers_per_phone_hour = 0;
  double end_s = 0; // when the last request was answered (0 in the closed form); not a column
};

// How a run's latency percentiles are computed:
//  * Auto: exactly while the run has at most kExactPercentilesUpTo requests (their latencies
//    take 8 bytes each), then by QuantileSketch, within 0.05 % of the exact values, in
//    memory that does not grow with the run;
//  * Exact: always exactly, keeping every latency (--exact-percentiles);
//  * Sketch: always by the sketch (--sketch-percentiles).
enum class Percentiles { Auto, Exact, Sketch };
constexpr long kExactPercentilesUpTo = 1L << 20;

// Builds a Summary one request at a time. `deadline_ms` > 0 counts the requests slower than
// it as misses.
class SummaryBuilder {
public:
  SummaryBuilder(std::size_t model_count, double deadline_ms,
                 Percentiles percentiles = Percentiles::Auto);
  void add(const CostBreakdown& c);
  Summary finish();

private:
  void add_latency(double ms);

  Summary s_;
  double deadline_ms_;
  Percentiles percentiles_;
  bool sketching_;
  std::vector<double> latency_; // while exact
  QuantileSketch sketch_;       // once sketching
};

Summary summarize(const std::vector<CostBreakdown>& costs, std::size_t model_count,
                  double deadline_ms = 0, Percentiles percentiles = Percentiles::Auto);

} // namespace muxsim
