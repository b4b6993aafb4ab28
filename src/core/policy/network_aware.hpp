#pragma once
// The network-aware multiplexer (docs/seed-policies.md): per input, the multiplexer's
// per-model scores together with the phone's own estimates of its uplink rate and of the
// servers' wait pick the placement (the phone, the edge, or one cloud model) that minimises
// expected latency or phone energy among those whose score reaches the accuracy target.
// The estimates come only from the phone's completed transfers and replies.
#include "core/policy/policy.hpp"

#include <map>
#include <memory>

namespace muxsim {

// One phone's running estimates per tier (edge or cloud), exponentially weighted. Its only
// inputs are what the phone timed itself: the bytes it sent and how long that took, and how
// long it then waited for the reply to start.
class LinkEstimator {
public:
  static constexpr double kWeight = 0.3; // of the newest sample

  void on_upload(bool edge, double bytes, double upload_ms);
  void on_wait(bool edge, double wait_ms);
  // Effective upload rate in Mbit/s; absent until the tier has had an upload.
  bool knows_rate(bool edge) const { return rate_[edge] > 0; }
  double rate_mbps(bool edge) const { return rate_[edge]; }
  // Wait between the end of an upload and the start of its reply (queue and compute).
  bool knows_wait(bool edge) const { return wait_[edge] >= 0; }
  double wait_ms(bool edge) const { return wait_[edge]; }
  // Learns from a completed request: an offloaded one times its tier's upload and wait.
  void learn(const Deployment& d, const Plan& plan, const CostBreakdown& c);

private:
  double rate_[2] = {0, 0};
  double wait_[2] = {-1, -1};
};

struct NetworkAwareParams {
  double score_target = 0.5;    // as hybrid's threshold
  bool minimise_energy = false; // else latency
};

std::unique_ptr<Policy> make_network_aware(const Deployment& d, const NetworkAwareParams& params);

} // namespace muxsim
