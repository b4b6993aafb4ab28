#pragma once
// AutoScale (Kim & Wu, arXiv 2005.02544) as a muxsim policy (docs/seed-policies.md): a
// tabular Q-learning agent that picks the execution target per request (the phone, the
// edge server or the cloud) from what the phone observes, learning online.
//   state:  the model class (one per scenario: the phone's model), the phone's Wi-Fi rate
//           in 6 bins, and its recent offload round trip in 6 bins (none yet, <20, <50,
//           <100, <200, >=200 ms);
//   reward: energy efficiency, inferences per joule relative to the phone model's own
//           (E_phone / E), minus 1 when the latency misses the QoS target and minus 1 when
//           the target's profile accuracy is below the accuracy target;
//   update: Q(s,a) += alpha (r + gamma max_a' Q(s',a') - Q(s,a)), epsilon-greedy.
// One table is shared by every phone (the state carries what differs between them).
#include "core/policy/policy.hpp"

#include <memory>

namespace muxsim {

struct AutoScaleParams {
  double alpha = 0.1;   // learning rate
  double gamma = 0.1;   // discount
  double epsilon = 0.1; // exploration
  double qos_ms = 100;
  double accuracy_target = 0.75;
  std::uint64_t seed = 1;
  long window = 100; // requests per point of the learning curve
};

std::unique_ptr<Policy> make_autoscale(const Deployment& d, const AutoScaleParams& params);

// The bins of the state, for tests and the policy table: Wi-Fi rate bin edges (Mbit/s)
// and round-trip bin edges (ms).
int signal_bin(double wifi_mbps);
int round_trip_bin(bool known, double round_trip_ms);

} // namespace muxsim
