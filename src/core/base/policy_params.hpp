#pragma once
// The [policy] section's parameters: every policy is made with them (core/policy), and the
// scenario holds them (core/base/scenario.hpp).
#include <cstdint>
#include <string>

namespace muxsim {

// What the network-aware multiplexer minimises, in the order of the [policy] objective key's
// values.
enum class Objective { Latency, Energy };

struct PolicyParams {
  double hybrid_threshold = 0.5;     // binary multiplexer: keep local when score >= this
  double ensemble_threshold = 0.288; // Algorithm 2 threshold; the paper's swept optimum
  double confidence_threshold = 0.5; // reference multiplexer: the phone model's confidence
  double early_threshold = 0.5;      // early multiplexer: finish locally when score >= this
  // Adaptive policies (docs/seed-policies.md).
  double accuracy_target = 0.75; // autoscale: least profile accuracy of a target
  double score_target = 0.5;     // network-aware: least multiplexer score of a placement
  double qos_ms = 100;           // autoscale's latency target
  double alpha = 0.1, gamma = 0.1, epsilon = 0.1; // autoscale's Q-learning
  Objective objective = Objective::Latency;
  std::uint64_t seed = 1; // the run's seed: exploration and random offloading
  // policy = external (docs/external-policy.md): the command, run in the scenario's folder,
  // and how long it may take to answer one message.
  std::string external_command;
  double external_timeout_s = 10;
};

} // namespace muxsim
