#pragma once
// LibTorch definitions of the paper's Table II architectures (torchvision layouts), for
// timing only: latency does not depend on the weights, so they keep their random
// initialisation (docs/imagenet.md).
#include <functional>
#include <memory>
#include <string>
#include <torch/torch.h>
#include <vector>

namespace muxsim::learn {

struct Architecture {
  std::string name;
  double gflops = 0;  // G multiply-accumulates at 224x224
  std::string source; // where the FLOPs figure comes from
};

// alexnet, mobilenet_v2, mnasnet1_0, resnet50, resnet152, resnext101_32x8d, the ImageNet
// multiplexer mux-cnn64, the Fashion-MNIST zoo fmnist-<arch> and its multiplexer mux-fmnist.
const std::vector<Architecture>& architectures();

struct Network {
  std::shared_ptr<torch::nn::Module> module; // for eval() and parameters()
  std::function<torch::Tensor(const torch::Tensor&)> forward;
  std::vector<int64_t> input_shape; // one image: [1, 3, 224, 224], the multiplexer [1, 3, 64, 64]
};

// A freshly initialised network. Throws InputError listing the known names.
Network make_architecture(const std::string& name);

} // namespace muxsim::learn
