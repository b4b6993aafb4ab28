#pragma once
// Where each model of the trace runs and what it costs there: the phone's model, the cloud
// models, the multiplexer, the radio. Built from a scenario and the profiles; read by the
// policies and by the accounting.
#include "core/formats/profile.hpp"
#include "core/formats/trace.hpp"
#include "core/model/cost_breakdown.hpp"
#include "core/model/slot_list.hpp"

#include <vector>

namespace muxsim {

struct CloudModel {
  int trace_index = -1;
  ModelProfile profile;
};

struct Deployment {
  const DecisionTrace* trace = nullptr;
  int mobile = -1; // trace index of the phone's model; -1 when the phone has none
  ModelProfile mobile_profile;
  std::vector<CloudModel> cloud; // the models the cloud can run (multiplexed in Table II)
  int cloud_default = -1;        // slot in `cloud` used by cloud-only and hybrid
  int edge = -1;                 // trace index of the edge server's model; -1: no edge tier
  ModelProfile edge_profile;
  ModelProfile mux; // the multiplexer's own cost
  // hybrid-early: the phone model's first k blocks plus the head that reads them, run before
  // the decision; and the rest of the phone model, run only when the input stays local.
  bool has_early = false;
  ModelProfile early_decision, early_rest;
  bool mux_on_phone = true;       // else the multiplexer runs on the cloud, after the upload
  bool ensemble_parallel = false; // an ensemble takes its slowest member's time
  RadioPower radio;
  double upload_bytes = 0;
  double download_bytes = 0;
};

// What a policy decides for one input.
struct Plan {
  bool mux = false;     // the multiplexer runs first
  bool local = false;   // the phone's model runs (its answer stands unless cloud
                        // slots follow)
  SlotList cloud_slots; // slots in Deployment::cloud, run one after another
  bool edge = false;    // the edge server's model runs (instead of cloud slots)
  bool early = false;   // the multiplexer is the early one, on the phone model's prefix
  bool offloaded() const { return edge || !cloud_slots.empty(); }

  // Where the answer comes from. Each gives a plan that holds together: something runs,
  // and the edge and the cloud are never both asked.
  static Plan on_phone() {
    Plan p;
    p.local = true;
    return p;
  }
  static Plan in_cloud(SlotList slots) {
    Plan p;
    p.cloud_slots = slots;
    return p;
  }
  static Plan on_edge() {
    Plan p;
    p.edge = true;
    return p;
  }
  // What runs before: the multiplexer (on the mux device), the early multiplexer (on the
  // phone model's prefix), or the whole phone model, whose answer the offload then replaces.
  Plan after_mux() const {
    Plan p = *this;
    p.mux = true;
    return p;
  }
  Plan after_early_mux() const {
    Plan p = after_mux();
    p.early = true;
    return p;
  }
  Plan after_phone() const {
    Plan p = *this;
    p.local = true;
    return p;
  }
};

// A multiplexer in the cloud: the input must be uploaded before anything is decided.
inline bool remote_mux(const Deployment& d, const Plan& plan) {
  return plan.mux && !plan.early && !d.mux_on_phone;
}

// What runs before the decision (the multiplexer), and what the phone model costs after
// it: with an early multiplexer, the prefix is shared, so local completion costs only the
// remaining blocks.
inline const ModelProfile& decision_profile(const Deployment& d, const Plan& plan) {
  return plan.early ? d.early_decision : d.mux;
}
inline const ModelProfile& local_profile(const Deployment& d, const Plan& plan) {
  return plan.early ? d.early_rest : d.mobile_profile;
}

// Times of one request, from the closed form or from the simulated clock. The air times
// are the parts of upload_ms and download_ms during which the phone's own bits are on the
// air (its radio transmits or receives); the rest of a transfer it defers or waits.
struct Timing {
  double mux_ms = 0, local_ms = 0, upload_ms = 0, queue_ms = 0, server_ms = 0, download_ms = 0;
  double upload_air_ms = 0, download_air_ms = 0;
  // The server's busy time this request costs: its models (and a cloud-side multiplexer)
  // over the batch it ran in. What the server's capacity is spent on (core/output/load.hpp).
  double server_busy_ms = 0;
};

// Compute time of a plan's models on their server for a batch of `batch` such requests: the
// edge model, or the cloud slots one after another (their slowest, with ensemble_parallel:
// the paper runs an ensemble's models in parallel on the GPU), scaled by
// L(b) = L(1) (1 + slope (b - 1)), the affine batch-latency model (docs/network.md).
// The multiplexer's own time, when it runs on the cloud, is not included.
double server_latency_ms(const Deployment& d, const Plan& plan, long batch, double slope);

// Fills a CostBreakdown from a plan and its timing: energy, FLOPs, correctness, calls.
CostBreakdown account(const Deployment& d, const Plan& plan, const TraceInput& input,
                      const Timing& timing);

// Whether the models in `slots` (averaged, Algorithm 2 threshold) get the label right. The
// trace keeps only each model's top-1 class and confidence, so the average is a
// confidence-weighted vote over top-1 classes.
bool ensemble_correct(const Deployment& d, const SlotList& slots, const TraceInput& in);

} // namespace muxsim
