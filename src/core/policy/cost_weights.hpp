#pragma once
// Algorithm 2's weighting of the cloud candidates (Eq. 5-6), shared by hybrid-single and
// hybrid-ensemble.
#include "core/model/deployment.hpp"

#include <vector>

namespace muxsim {

// Eq. 5-6: multiplexer scores divided by each model's relative cost (GFLOPs over the
// largest candidate's), then a softmax. Scores below `floor` are first set to zero so a
// model the multiplexer expects to fail is not preferred for being cheap.
std::vector<double> cost_weights(const std::vector<double>& scores,
                                 const std::vector<double>& gflops, double floor);
// The multiplexer's score of each cloud model for an input, in slot order.
std::vector<double> candidate_scores(const Deployment& d, const TraceInput& in);
// Each cloud model's GFLOPs, in slot order.
std::vector<double> candidate_gflops(const Deployment& d);
// The first slot of the largest value.
int argmax(const std::vector<double>& v);

} // namespace muxsim
