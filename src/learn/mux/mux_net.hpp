#pragma once
// The multiplexer network (paper Sec. III): a light CNN of four convolutions over a
// low-resolution copy of the input, with one output per model, the logit of the
// probability that the model classifies this input correctly.
#include <torch/torch.h>

namespace muxsim::learn {

class MuxNetImpl : public torch::nn::Module {
public:
  // `side`: input resolution (side x side); `in_channels`: 3 for RGB, 1 for greyscale.
  MuxNetImpl(int outputs, int side, int in_channels = 3);
  // [B, C, side, side] -> [B, outputs] logits.
  torch::Tensor forward(const torch::Tensor& x);
  // The pooled features the head reads, [B, width]: what a distillation head attaches to.
  torch::Tensor embed(const torch::Tensor& x);
  // Width of embed()'s output.
  int embedding_width() const;
  // Multiply-accumulates of one forward pass, in G (the profiles' flops convention).
  double gmacs() const { return gmacs_; }

private:
  torch::nn::Sequential features_;
  torch::nn::Linear head_{nullptr};
  double gmacs_ = 0;
};
TORCH_MODULE(MuxNet);

} // namespace muxsim::learn
