#pragma once
// Algorithm 2 evaluated on a decision trace in the style of the paper's Table II: every
// model alone, argmax (hybrid-single) and the threshold ensemble at each threshold, with
// accuracy, mean GFLOPs per input (the multiplexer's included), and the gain and compute
// saving against the largest model alone.
#include "core/formats/trace.hpp"

#include <string>
#include <vector>

namespace muxsim {

// gflops: per trace model. CSV columns:
// policy,threshold,accuracy,gflops,accuracy_gain,compute_saving
std::string algorithm2_csv(const DecisionTrace& trace, const std::vector<double>& gflops,
                           double mux_gflops, const std::vector<double>& thresholds,
                           double single_floor);

} // namespace muxsim
