#include "learn/measure/paper_nets.hpp"

#include "core/formats/csv.hpp"
#include "core/base/input_error.hpp"
#include "learn/mux/mux_net.hpp"
#include "learn/zoo/zoo.hpp"

namespace muxsim::learn {

namespace nn = torch::nn;

namespace {

enum class Act { none, relu, relu6 };

// Convolution, batch norm, optional activation: the unit every torchvision CNN repeats.
struct ConvBnImpl : nn::Module {
  nn::Conv2d conv{nullptr};
  nn::BatchNorm2d bn{nullptr};
  Act act;
  ConvBnImpl(int in, int out, int kernel, int stride, int groups, Act act) : act(act) {
    conv = register_module("conv", nn::Conv2d(nn::Conv2dOptions(in, out, kernel)
                                                  .stride(stride)
                                                  .padding((kernel - 1) / 2)
                                                  .groups(groups)
                                                  .bias(false)));
    bn = register_module("bn", nn::BatchNorm2d(out));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    const auto y = bn->forward(conv->forward(x));
    if (act == Act::relu) return torch::relu(y);
    if (act == Act::relu6) return torch::hardtanh(y, 0, 6);
    return y;
  }
};
TORCH_MODULE(ConvBn);

// ResNet bottleneck (torchvision v1.5: stride on the 3x3); ResNeXt through groups/width.
struct BottleneckImpl : nn::Module {
  nn::Sequential body{nullptr};
  ConvBn shortcut{nullptr};
  BottleneckImpl(int in, int planes, int stride, int groups, int base_width) {
    const int width = planes * base_width / 64 * groups;
    body =
        register_module("body", nn::Sequential(ConvBn(in, width, 1, 1, 1, Act::relu),
                                               ConvBn(width, width, 3, stride, groups, Act::relu),
                                               ConvBn(width, planes * 4, 1, 1, 1, Act::none)));
    if (stride != 1 || in != planes * 4)
      shortcut = register_module("shortcut", ConvBn(in, planes * 4, 1, stride, 1, Act::none));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    return torch::relu(body->forward(x) + (shortcut ? shortcut->forward(x) : x));
  }
};
TORCH_MODULE(Bottleneck);

nn::Sequential resnet(const std::vector<int>& blocks, int groups, int base_width) {
  nn::Sequential net(ConvBn(3, 64, 7, 2, 1, Act::relu),
                     nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2).padding(1)));
  int in = 64;
  for (int stage = 0; stage < 4; ++stage) {
    const int planes = 64 << stage;
    for (int b = 0; b < blocks[stage]; ++b) {
      net->push_back(Bottleneck(in, planes, b == 0 && stage > 0 ? 2 : 1, groups, base_width));
      in = planes * 4;
    }
  }
  net->push_back(nn::AdaptiveAvgPool2d(1));
  net->push_back(nn::Flatten());
  net->push_back(nn::Linear(in, 1000));
  return net;
}

// MobileNetV2 / MNASNet inverted residual: expand 1x1, depthwise k x k, project 1x1.
struct InvertedResidualImpl : nn::Module {
  nn::Sequential body{nullptr};
  bool residual;
  InvertedResidualImpl(int in, int out, int kernel, int stride, int expand, Act act)
      : residual(stride == 1 && in == out) {
    const int hidden = in * expand;
    body = register_module("body", nn::Sequential());
    if (expand != 1) body->push_back(ConvBn(in, hidden, 1, 1, 1, act));
    body->push_back(ConvBn(hidden, hidden, kernel, stride, hidden, act));
    body->push_back(ConvBn(hidden, out, 1, 1, 1, Act::none));
  }
  torch::Tensor forward(const torch::Tensor& x) {
    return residual ? x + body->forward(x) : body->forward(x);
  }
};
TORCH_MODULE(InvertedResidual);

struct Stage {
  int expand, out, repeats, stride, kernel;
};

nn::Sequential inverted_residual_net(int stem, const std::vector<Stage>& stages, Act act) {
  nn::Sequential net(ConvBn(3, stem, 3, 2, 1, act));
  int in = stem;
  for (const auto& s : stages)
    for (int r = 0; r < s.repeats; ++r) {
      net->push_back(InvertedResidual(in, s.out, s.kernel, r == 0 ? s.stride : 1, s.expand, act));
      in = s.out;
    }
  net->push_back(ConvBn(in, 1280, 1, 1, 1, act));
  net->push_back(nn::AdaptiveAvgPool2d(1));
  net->push_back(nn::Flatten());
  net->push_back(nn::Linear(1280, 1000));
  return net;
}

nn::Sequential mobilenet_v2() {
  return inverted_residual_net(32,
                               {{1, 16, 1, 1, 3},
                                {6, 24, 2, 2, 3},
                                {6, 32, 3, 2, 3},
                                {6, 64, 4, 2, 3},
                                {6, 96, 3, 1, 3},
                                {6, 160, 3, 2, 3},
                                {6, 320, 1, 1, 3}},
                               Act::relu6);
}

// MNASNet-A1 1.0 as torchvision lays it out: a depthwise-separable stem to 16 channels,
// then six stacks of inverted residuals with 3x3 or 5x5 depthwise kernels.
nn::Sequential mnasnet1_0() {
  return inverted_residual_net(32,
                               {{1, 16, 1, 1, 3},
                                {3, 24, 3, 2, 3},
                                {3, 40, 3, 2, 5},
                                {6, 80, 3, 2, 5},
                                {6, 96, 2, 1, 3},
                                {6, 192, 4, 2, 5},
                                {6, 320, 1, 1, 3}},
                               Act::relu);
}

nn::Sequential alexnet() {
  auto conv = [](int in, int out, int k, int stride, int pad) {
    return nn::Conv2d(nn::Conv2dOptions(in, out, k).stride(stride).padding(pad));
  };
  auto pool = [] { return nn::MaxPool2d(nn::MaxPool2dOptions(3).stride(2)); };
  return nn::Sequential(conv(3, 64, 11, 4, 2), nn::ReLU(), pool(), conv(64, 192, 5, 1, 2),
                        nn::ReLU(), pool(), conv(192, 384, 3, 1, 1), nn::ReLU(),
                        conv(384, 256, 3, 1, 1), nn::ReLU(), conv(256, 256, 3, 1, 1), nn::ReLU(),
                        pool(), nn::AdaptiveAvgPool2d(6), nn::Flatten(), nn::Linear(256 * 36, 4096),
                        nn::ReLU(), nn::Linear(4096, 4096), nn::ReLU(), nn::Linear(4096, 1000));
}

constexpr int kMuxSide = 64;
constexpr int kMuxOutputs = 5; // the imagenet-1300 trace's five models
constexpr int kZooSize = 6;    // the Fashion-MNIST zoo
constexpr int kProjectionDim = 32;

} // namespace

const std::vector<Architecture>& architectures() {
  static const std::vector<Architecture> known = [] {
    std::vector<Architecture> list = {
        {"alexnet", 0.71, "torchvision docs alexnet IMAGENET1K_V1 GFLOPS"},
        {"mobilenet_v2", 0.30, "torchvision docs mobilenet_v2 IMAGENET1K_V1 GFLOPS"},
        {"mnasnet1_0", 0.31, "torchvision docs mnasnet1_0 IMAGENET1K_V1 GFLOPS"},
        {"resnet50", 4.09, "torchvision docs resnet50 IMAGENET1K_V1 GFLOPS"},
        {"resnet152", 11.51, "torchvision docs resnet152 IMAGENET1K_V1 GFLOPS"},
        {"resnext101_32x8d", 16.41, "torchvision docs resnext101_32x8d IMAGENET1K_V1 GFLOPS"},
        {"mux-cnn64", MuxNetImpl(kMuxOutputs, kMuxSide).gmacs(),
         "counted from the layer shapes of src/learn/mux/mux_net.cpp (64x64 input, 5 outputs)"},
        {"mux-fmnist", MuxNetImpl(kZooSize, 28, 1).gmacs(),
         "counted from the layer shapes of src/learn/mux/mux_net.cpp (28x28x1 input, 6 outputs)"},
    };
    for (const auto& arch : zoo_architectures())
      list.push_back({std::string("fmnist-") + zoo_arch_name(arch),
                      ZooNetImpl(arch, kProjectionDim).gmacs(),
                      "counted from the layer shapes of src/learn/zoo/zoo.cpp (28x28x1 input)"});
    return list;
  }();
  return known;
}

Network make_architecture(const std::string& name) {
  auto wrap = [](nn::Sequential net, std::vector<int64_t> shape) {
    return Network{net.ptr(), [net](const torch::Tensor& x) mutable { return net->forward(x); },
                   std::move(shape)};
  };
  const std::vector<int64_t> imagenet = {1, 3, 224, 224};
  if (name == "alexnet") return wrap(alexnet(), imagenet);
  if (name == "mobilenet_v2") return wrap(mobilenet_v2(), imagenet);
  if (name == "mnasnet1_0") return wrap(mnasnet1_0(), imagenet);
  if (name == "resnet50") return wrap(resnet({3, 4, 6, 3}, 1, 64), imagenet);
  if (name == "resnet152") return wrap(resnet({3, 8, 36, 3}, 1, 64), imagenet);
  if (name == "resnext101_32x8d") return wrap(resnet({3, 4, 23, 3}, 32, 8), imagenet);
  if (name == "mux-cnn64") {
    MuxNet mux(kMuxOutputs, kMuxSide);
    return Network{mux.ptr(),
                   [mux](const torch::Tensor& x) mutable { return mux->forward(x); },
                   {1, 3, kMuxSide, kMuxSide}};
  }
  if (name == "mux-fmnist") {
    MuxNet mux(kZooSize, 28, 1);
    return Network{mux.ptr(),
                   [mux](const torch::Tensor& x) mutable { return mux->forward(x); },
                   {1, 1, 28, 28}};
  }
  if (name.rfind("fmnist-", 0) == 0) {
    ZooNet net(parse_zoo_arch(name.substr(7)), kProjectionDim);
    return Network{net.ptr(),
                   [net](const torch::Tensor& x) mutable { return net->forward(x).logits; },
                   {1, 1, 28, 28}};
  }
  std::vector<std::string> names;
  for (const auto& a : architectures())
    names.push_back(a.name);
  throw InputError("unknown architecture '" + name + "'; known: " + join(names));
}

} // namespace muxsim::learn
