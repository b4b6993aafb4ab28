#pragma once
// Policies decide, per input, what runs where. They see only what the multiplexer would
// see at run time (its scores) — except `oracle`, an upper bound that reads correctness.
#include "core/deployment.hpp"

#include <memory>
#include <string>
#include <vector>

namespace muxsim {

struct PolicyParams {
  double hybrid_threshold = 0.5;     // binary multiplexer: keep local when score >= this
  double ensemble_threshold = 0.288; // Algorithm 2 threshold; the paper's swept optimum
  double confidence_threshold = 0.5; // reference multiplexer: the phone model's confidence
  double early_threshold = 0.5;      // early multiplexer: finish locally when score >= this
};

class Policy {
public:
  virtual ~Policy() = default;
  virtual Plan choose(const TraceInput& input) const = 0;
};

const std::vector<std::string>& policy_names();
// A note carried into the results ("upper bound" for oracle), empty otherwise.
std::string policy_note(const std::string& name);
// Throws InputError listing the known names, or saying what the deployment lacks.
std::unique_ptr<Policy> make_policy(const std::string& name, const Deployment& d,
                                    const PolicyParams& params);

// Eq. 5-6: multiplexer scores divided by each model's relative cost (GFLOPs over the
// largest candidate's), then a softmax. Scores below `floor` are first set to zero so a
// model the multiplexer expects to fail is not preferred for being cheap.
std::vector<double> cost_weights(const std::vector<double>& scores,
                                 const std::vector<double>& gflops, double floor);

} // namespace muxsim
