#pragma once
// Decision traces reconstructed from the marginals a paper publishes, for driving its
// scenarios when no per-input decisions exist. They are labelled "reconstructed from
// published marginals" in the trace and in every results row, and never stand for real
// decisions. docs/paper.md says which figures they match exactly.
#include "core/formats/trace.hpp"

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

// Table II: N cloud models multiplexed by Algorithm 2. Matches exactly (to 1/inputs):
// each model's accuracy, the fraction of inputs hybrid-single calls each model, and
// hybrid-single's accuracy. Optionally an ensemble: `extra_inputs[i]` of the inputs called
// for model i also get model `extra_model` (a multiplexer score in [ensemble threshold,
// 0.5), which hybrid-ensemble selects and hybrid-single ignores), and `flips` of those,
// where model i is wrong and the extra right, are won by the extra in the vote.
// Correctness beyond these targets follows one random difficulty order, so a model tends to
// be right where more accurate ones are.
struct MultiplexedMarginals {
  std::vector<std::string> models;
  std::vector<double> accuracy, called;
  double single_accuracy = 0;
  long inputs = 10000;
  int extra_model = -1; // -1: no ensemble extras
  std::vector<long> extra_inputs;
  long flips = 0;
};
DecisionTrace reconstruct_multiplexed(const MultiplexedMarginals& m, unsigned long seed);

// The ensemble extras that reproduce a published ensemble's mean FLOPs and latency rise
// over hybrid-single, when the extra model runs in parallel with the called one (an
// ensemble takes as long as its slowest member): k = delta_gflops N / F_extra inputs get
// the extra, split between `sources` a and b so that
// k_a (L_extra - L_a) + k_b (L_extra - L_b) = delta_latency N.
struct EnsembleTargets {
  double delta_gflops = 0, delta_latency_ms = 0;
  int extra = -1, source_a = -1, source_b = -1;
};
std::vector<long> solve_ensemble_extras(const EnsembleTargets& t, const std::vector<double>& gflops,
                                        const std::vector<double>& latency_ms, long inputs);

} // namespace muxsim
