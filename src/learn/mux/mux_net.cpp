#include "learn/mux/mux_net.hpp"

namespace muxsim::learn {

namespace {
// Channel widths of the four 3x3, stride-2 convolutions; each halves the resolution.
constexpr int kWidths[4] = {16, 32, 64, 128};
} // namespace

MuxNetImpl::MuxNetImpl(int outputs, int side, int in_channels) {
  int channels = in_channels;
  int resolution = side;
  for (const int width : kWidths) {
    resolution = (resolution + 1) / 2;
    features_->push_back(torch::nn::Conv2d(
        torch::nn::Conv2dOptions(channels, width, 3).stride(2).padding(1).bias(false)));
    features_->push_back(torch::nn::BatchNorm2d(width));
    features_->push_back(torch::nn::ReLU());
    gmacs_ += 1e-9 * resolution * resolution * width * channels * 9;
    channels = width;
  }
  head_ = torch::nn::Linear(channels, outputs);
  gmacs_ += 1e-9 * channels * outputs;
  register_module("features", features_);
  register_module("head", head_);
}

int MuxNetImpl::embedding_width() const {
  return kWidths[3];
}

torch::Tensor MuxNetImpl::embed(const torch::Tensor& x) {
  return features_->forward(x).mean({2, 3});
}

torch::Tensor MuxNetImpl::forward(const torch::Tensor& x) {
  return head_->forward(embed(x));
}

} // namespace muxsim::learn
