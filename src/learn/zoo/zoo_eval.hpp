#pragma once
// `muxsim zoo eval`: re-evaluates committed zoo weights on the Fashion-MNIST test images
// and checks that a decision trace's predictions are theirs (docs/fashion-mnist.md).
#include "core/formats/trace.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace muxsim::learn {

struct ZooCheck {
  std::string model;
  long inputs = 0;
  long mismatched = 0;         // trace prediction differs from the weights' prediction
  double trace_accuracy = 0;   // over the checked inputs, from the trace
  double weights_accuracy = 0; // over the checked inputs, from the weights
};

// The test-set row of every `stride`-th trace input, from its id t10k-NNNNN. Throws
// InputError naming the trace for any other id, or one beyond the test set.
std::vector<int64_t> test_rows(const DecisionTrace& trace, const std::string& trace_path,
                               long test_images, int stride);

// Throws InputError naming the trace unless its models are the zoo's, in the zoo's order.
struct Zoo;
void require_zoo_trace(const DecisionTrace& trace, const Zoo& zoo, const std::string& trace_path);

// Checks every `stride`-th trace input (1: all). Throws InputError when the trace names
// a model the zoo lacks or an input id that is not t10k-NNNNN.
std::vector<ZooCheck> check_trace_against_zoo(const std::string& zoo_dir,
                                              const std::string& trace_path,
                                              const std::string& data, int stride, int threads);

} // namespace muxsim::learn
