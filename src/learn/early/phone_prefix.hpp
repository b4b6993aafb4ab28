#pragma once
// The phone model cut after its k-th block (docs/imagenet.md). The shared
// quantized MobileNetV2 is a frozen TorchScript graph: torchvision's `features` blocks are
// inlined into one forward graph, so the blocks are found from the op sequence and the
// value after each one is registered as an extra output of a copy of that graph. One
// forward pass then yields the logits and every block's activation; a multiplexer reads the
// activation after block k, averaged over space (paper Eq. 8: reuse what the phone model
// has already computed).
#include <memory>
#include <string>
#include <torch/script.h>
#include <vector>

namespace torch::jit {
struct GraphFunction;
}

namespace muxsim::learn {

struct PrefixBlock {
  // The torchvision module the block's convolutions belong to ("features.3"), read from
  // their packed-weight attribute names; empty when the archive does not name them.
  std::string module;
  long macs = 0;     // multiply-accumulates of the block's convolutions at 224 x 224
  long channels = 0; // width of the block's output
};

class PhonePrefix {
public:
  // Throws InputError naming the file when it is not a TorchScript archive, or when its
  // forward graph is not a sequence of quantized convolution blocks ending in a pool.
  explicit PhonePrefix(const std::string& path);
  ~PhonePrefix();

  // Block 0 is the stem convolution, the last is the final 1x1 convolution: with
  // MobileNetV2, blocks 1..17 are the inverted residuals and 18 the full feature map.
  const std::vector<PrefixBlock>& blocks() const { return blocks_; }
  // The classifier after the pool: pooled width x classes.
  long classifier_macs() const { return classifier_macs_; }
  // MACs of blocks 0..k.
  long prefix_macs(int k) const;

  struct Pass {
    torch::Tensor logits;              // [1, classes], as the unmodified model returns them
    std::vector<torch::Tensor> pooled; // per block, [channels] float: the spatial mean
  };
  // One forward pass of a [1, 3, 224, 224] normalised image.
  Pass run(const torch::Tensor& image);

private:
  // The modified graph's outputs: logits, block outputs, then every convolution's output.
  std::vector<c10::IValue> forward(const torch::Tensor& image);

  torch::jit::Module module_;
  std::unique_ptr<torch::jit::GraphFunction> function_;
  std::vector<PrefixBlock> blocks_;
  long classifier_macs_ = 0;
};

} // namespace muxsim::learn
