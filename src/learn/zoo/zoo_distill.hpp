#pragma once
// Distilled early heads on the committed zoo's phone model (docs/fashion-mnist.md): the
// ImageNet recipe of learn/early/distill.hpp on Fashion-MNIST. Label-free views of the
// multiplexer's training images teach a head at each cut of the phone's zoo member to predict
// that member's own confidence on the view; the heads then score the test images as they are.
// No test image, view or label enters training: the test images are only scored.
#include "learn/early/distill.hpp"
#include "learn/zoo/zoo.hpp"

namespace muxsim::learn {

// `train`: [N, 1, 28, 28] in [0, 1], the training images; `test_cuts`: the phone's pooled
// activations at each cut on the test images (run_cuts). Heads of every kind and target at
// every cut, named distilled-<head>-<target>-k<cut>, their score per test image.
std::vector<DistilledMux> zoo_distilled_heads(ZooNet& phone, const torch::Tensor& train,
                                              const std::vector<torch::Tensor>& test_cuts,
                                              const ViewOptions& views,
                                              const DistillOptions& options, bool progress);

} // namespace muxsim::learn
