#include "learn/zoo/zoo.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

#include <stdexcept>

namespace muxsim::learn {

namespace nn = torch::nn;

namespace {

// While a network is being measured, every layer adds its multiply-accumulates here.
double* g_macs = nullptr;

// Convolution + batch norm (+ ReLU), counting its MACs from the output it produced.
struct ConvUnitImpl : nn::Module {
  nn::Conv2d conv{nullptr};
  nn::BatchNorm2d bn{nullptr};
  bool relu;
  double macs_per_output;
  ConvUnitImpl(int in, int out, int stride, int groups = 1, int kernel = 3, bool relu = true)
      : relu(relu), macs_per_output(static_cast<double>(in / groups) * kernel * kernel) {
    conv = register_module("conv", nn::Conv2d(nn::Conv2dOptions(in, out, kernel)
                                                  .stride(stride)
                                                  .padding(kernel / 2)
                                                  .groups(groups)
                                                  .bias(false)));
    bn = register_module("bn", nn::BatchNorm2d(out));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    auto y = bn->forward(conv->forward(x));
    if (g_macs) *g_macs += macs_per_output * static_cast<double>(y.numel() / y.size(0));
    return relu ? torch::relu(y) : y;
  }
};
TORCH_MODULE(ConvUnit);

// ResNet basic block: two 3x3 convolutions and a shortcut (1x1 when the shape changes).
struct BasicBlockImpl : nn::Module {
  ConvUnit a{nullptr}, b{nullptr}, shortcut{nullptr};
  BasicBlockImpl(int in, int out, int stride) {
    a = register_module("a", ConvUnit(in, out, stride));
    b = register_module("b", ConvUnit(out, out, 1, 1, 3, false));
    if (stride != 1 || in != out)
      shortcut = register_module("shortcut", ConvUnit(in, out, stride, 1, 1, false));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    return torch::relu(b->forward(a->forward(x)) + (shortcut ? shortcut->forward(x) : x));
  }
};
TORCH_MODULE(BasicBlock);

// Depthwise 3x3 then pointwise 1x1, MobileNet's unit.
void depthwise_separable(nn::Sequential& s, int in, int out, int stride) {
  s->push_back(ConvUnit(in, in, stride, in));
  s->push_back(ConvUnit(in, out, 1, 1, 1));
}

// Builds the body (ending in pooled features) and returns its feature width.
// A ResNet of three basic blocks, `w` channels wide at first.
int resnet_body(nn::Sequential& s, int w) {
  s->push_back(ConvUnit(1, w, 1));
  s->push_back(BasicBlock(w, w, 1));
  s->push_back(BasicBlock(w, 2 * w, 2));
  s->push_back(BasicBlock(2 * w, 4 * w, 2));
  return 4 * w;
}

// Builds the body (ending in pooled features) and returns its feature width.
int build_body(ZooArch arch, nn::Sequential& s) {
  switch (arch) {
  case ZooArch::Tiny:
    s->push_back(ConvUnit(1, 8, 2));
    s->push_back(ConvUnit(8, 16, 2));
    return 16;
  case ZooArch::Small:
    s->push_back(ConvUnit(1, 16, 1));
    s->push_back(ConvUnit(16, 32, 2));
    s->push_back(ConvUnit(32, 32, 2));
    return 32;
  case ZooArch::Mobile:
    s->push_back(ConvUnit(1, 16, 2));
    depthwise_separable(s, 16, 32, 1);
    depthwise_separable(s, 32, 64, 2);
    depthwise_separable(s, 64, 128, 1);
    return 128;
  case ZooArch::Medium:
    s->push_back(ConvUnit(1, 32, 1));
    s->push_back(ConvUnit(32, 32, 1));
    s->push_back(nn::MaxPool2d(2));
    s->push_back(ConvUnit(32, 64, 1));
    s->push_back(nn::MaxPool2d(2));
    s->push_back(ConvUnit(64, 64, 1));
    return 64;
  case ZooArch::Resnet:
    return resnet_body(s, 16);
  case ZooArch::WideResnet:
    return resnet_body(s, 24);
  }
  throw std::logic_error("unknown zoo architecture");
}

} // namespace

const char* zoo_arch_name(ZooArch arch) {
  switch (arch) {
  case ZooArch::Tiny:
    return "tiny";
  case ZooArch::Mobile:
    return "mobile";
  case ZooArch::Small:
    return "small";
  case ZooArch::Resnet:
    return "resnet";
  case ZooArch::Medium:
    return "medium";
  case ZooArch::WideResnet:
    return "wide-resnet";
  }
  throw std::logic_error("unknown zoo architecture");
}

ZooArch parse_zoo_arch(const std::string& text) {
  std::vector<std::string> known;
  for (const auto arch : zoo_architectures()) {
    if (text == zoo_arch_name(arch)) return arch;
    known.push_back(zoo_arch_name(arch));
  }
  throw InputError("unknown zoo architecture '" + text + "'; known: " + join(known));
}

const std::vector<ZooArch>& zoo_architectures() {
  static const std::vector<ZooArch> members = {ZooArch::Tiny,   ZooArch::Mobile,
                                               ZooArch::Small,  ZooArch::Resnet,
                                               ZooArch::Medium, ZooArch::WideResnet};
  return members;
}

ZooNetImpl::ZooNetImpl(ZooArch architecture, int projection_dim) : architecture_(architecture) {
  body_ = nn::Sequential();
  const int width = build_body(architecture, body_);
  body_->push_back(nn::AdaptiveAvgPool2d(1));
  body_->push_back(nn::Flatten());
  register_module("body", body_);
  classifier_ = register_module("classifier", nn::Linear(width, 10));
  projection_ = register_module("projection", nn::Linear(width, projection_dim));
  // Count MACs with one 28x28 pass in eval mode (batch norm then leaves its statistics).
  double macs = width * 10.0;
  g_macs = &macs;
  eval();
  {
    torch::NoGradGuard no_grad;
    auto x = torch::zeros({1, 1, 28, 28});
    std::size_t layer = 0;
    for (auto& module : *body_) {
      x = module.forward(x);
      if (++layer + 2 <= body_->size()) cut_gmacs_.push_back((macs - width * 10.0) * 1e-9);
    }
  }
  g_macs = nullptr;
  train();
  gmacs_ = macs * 1e-9;
}

std::vector<torch::Tensor> ZooNetImpl::cut_features(const torch::Tensor& x) {
  std::vector<torch::Tensor> out;
  auto y = x;
  // The last two layers are the global pool and the flatten.
  for (auto module = body_->begin(); out.size() + 2 < body_->size(); ++module) {
    y = module->forward(y);
    out.push_back(y.mean({2, 3}));
  }
  return out;
}

ZooOutput ZooNetImpl::forward(const torch::Tensor& x) {
  const auto features = body_->forward(x);
  // Eq. 1: h_i(x) = W_i f_i(x) / ||W_i f_i(x)||
  return {classifier_->forward(features),
          torch::nn::functional::normalize(projection_->forward(features),
                                           torch::nn::functional::NormalizeFuncOptions().dim(1))};
}

} // namespace muxsim::learn
