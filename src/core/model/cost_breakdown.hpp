#pragma once
// Per-request cost, the unit both the closed form and the simulation fill in. Times are
// filled by whoever knows them (formula or simulated clock); energy is always derived from
// the times by the same function, so both modes share one accounting (docs/invariants.md #1).
#include "core/base/radio_power.hpp"

#include <cstdint>
#include <functional>

namespace muxsim {

struct CostBreakdown {
  // Times, ms.
  double mux_ms = 0;
  double local_ms = 0;
  double upload_ms = 0;
  double queue_ms = 0;
  double server_ms = 0; // compute on the cloud or edge server (a batch's whole latency)
  double download_ms = 0;
  // The parts of upload_ms and download_ms when the phone's own bits hold the air.
  double upload_air_ms = 0;
  double download_air_ms = 0;
  // What the request asks of the shared resources beyond the air: its server's busy time
  // (at the edge when at_edge, else in the cloud) and the bytes it sends across the WAN.
  double server_busy_ms = 0;
  double wan_bytes = 0;
  // Phone energy, mJ (W x ms = mJ).
  double compute_mj = 0; // multiplexer and local model, from the device profile
  double tx_mj = 0;
  double rx_mj = 0;
  double idle_mj = 0;
  // Work, GFLOPs.
  double phone_gflops = 0; // multiplexer (when on the phone) and local model
  double cloud_gflops = 0; // multiplexer (when in the cloud) and cloud models
  double edge_gflops = 0;
  // When and where the request started, in the simulation (0 in the closed form): for
  // replaying a varying channel (analysis/plot.py replay).
  double start_s = 0;
  double wifi_mbps = 0; // the phone's Wi-Fi rate when the request started
  // Where the phone was attached then (core/model/attachment.hpp): its cell (-1: none), and
  // with [mobility] its distance to that access point.
  long cell = 0;
  double distance_m = 0;
  bool waited_for_link = false;  // a transfer found the phone out of every access point's range
  bool crossed_handover = false; // a transfer met a handover (a cut, or a wait through its gap)
  bool correct = false;
  bool local = false;
  bool at_edge = false;     // answered by the edge server
  std::uint64_t called = 0; // bit m: trace model m ran for this input (at most 64 models)

  void call(int model) { called |= std::uint64_t{1} << model; }

  double latency_ms() const {
    return mux_ms + local_ms + upload_ms + queue_ms + server_ms + download_ms;
  }
  double radio_mj() const { return tx_mj + rx_mj + idle_mj; }
  double phone_energy_mj() const { return compute_mj + radio_mj(); }
  double total_gflops() const { return phone_gflops + cloud_gflops + edge_gflops; }
};

// Radio energy by radio state: tx while the upload's bits are on the air, rx while the
// reply's are, idle for the rest of the transfers (deferring for the air, the wired links'
// latency and transmission) and while the server queues and computes, plus `extra_idle_ms`.
// Compute energy is set from the profile by the caller.
void charge_radio(CostBreakdown& cost, const RadioPower& power, double extra_idle_ms = 0);

// Where a run's requests go as they complete: request k's costs.
using RequestSink = std::function<void(long request, const CostBreakdown& cost)>;

} // namespace muxsim
