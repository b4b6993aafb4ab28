#pragma once
// Decision traces reconstructed from the marginals a paper publishes, for driving its
// scenarios when no per-input decisions exist. They are labelled "reconstructed from
// published marginals" in the trace and in every results row, and never stand for real
// decisions. README "Reconstructed traces" says which figures they match exactly.
#include "core/trace.hpp"

#include <string>
#include <vector>

namespace muxsim {

inline const char* kReconstructed = "reconstructed from published marginals";

// Table I: a phone model, a cloud model and a binary multiplexer. Matches exactly (to
// 1/inputs) the two accuracies, the fraction kept local and the hybrid accuracy. Every
// input kept local is one the phone's model gets right; the multiplexer's TNR is then
// local_fraction / mobile_accuracy. Fails with InputError when the targets cannot hold
// together.
struct BinaryMarginals {
  std::string mobile, cloud;
  long inputs = 10000;
  double mobile_accuracy = 0, cloud_accuracy = 0, local_fraction = 0, hybrid_accuracy = 0;
};
DecisionTrace reconstruct_binary(const BinaryMarginals& m, unsigned long seed);

// Table II: N models with nested correctness (an input a model gets right is right for every
// more accurate model), matching each model's accuracy exactly. Multiplexer scores are on
// the right side of 0.5 except for a fraction `mux_error` of (input, model) pairs: an
// assumption, since the paper publishes no per-model multiplexer error.
DecisionTrace reconstruct_nested(const std::vector<std::string>& models,
                                 const std::vector<double>& accuracy, long inputs, double mux_error,
                                 unsigned long seed);

} // namespace muxsim
