#pragma once
// The Fashion-MNIST model zoo (docs/fashion-mnist.md): six CNNs of graded
// cost, each with a classifier and a projection head h_i, a linear map to a common
// dimension followed by L2 normalisation (Eq. 1).
#include <string>
#include <torch/torch.h>
#include <vector>

namespace muxsim::learn {

// The zoo's members, in the order of zoo_architectures().
enum class ZooArch { Tiny, Mobile, Small, Resnet, Medium, WideResnet };

// As --arch, zoo.csv and the weight files (zoo-<name>.pt) spell it.
const char* zoo_arch_name(ZooArch arch);

// A name as its member; throws InputError naming the known members otherwise.
ZooArch parse_zoo_arch(const std::string& text);

struct ZooOutput {
  torch::Tensor logits;     // [B, 10]
  torch::Tensor projection; // [B, D], unit length (Eq. 1)
};

class ZooNetImpl : public torch::nn::Module {
public:
  ZooNetImpl(ZooArch architecture, int projection_dim);
  ZooOutput forward(const torch::Tensor& x);
  ZooArch architecture() const { return architecture_; }
  // Multiply-accumulates of one 28x28 inference (classifier included, projection head not:
  // it is only used in training), in G.
  double gmacs() const { return gmacs_; }
  // Cut points for an early multiplexer (docs/imagenet.md): the body's layers
  // before its global pool. The activation after each, averaged over space, [B, C] per cut.
  std::vector<torch::Tensor> cut_features(const torch::Tensor& x);
  // Multiply-accumulates of the body up to and including each cut, in G.
  const std::vector<double>& cut_gmacs() const { return cut_gmacs_; }

private:
  ZooArch architecture_;
  torch::nn::Sequential body_{nullptr};
  torch::nn::Linear classifier_{nullptr}, projection_{nullptr};
  double gmacs_ = 0;
  std::vector<double> cut_gmacs_;
};
TORCH_MODULE(ZooNet);

// tiny, mobile, small, resnet, medium, wide-resnet: ordered by cost (MACs).
const std::vector<ZooArch>& zoo_architectures();

} // namespace muxsim::learn
