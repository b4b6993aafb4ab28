// The LibTorch architectures are faithful to torchvision's layouts: the same parameter
// counts (torchvision docs, num_params), and the multiplexer's MAC count by hand.
#include "learn/measure/paper_nets.hpp"
#include "learn/mux/mux_net.hpp"

#include <doctest/doctest.h>

using namespace muxsim::learn;

namespace {
int64_t parameters(const torch::nn::Module& m) {
  int64_t n = 0;
  for (const auto& p : m.parameters())
    n += p.numel();
  return n;
}
} // namespace

TEST_CASE("paper architectures have torchvision's parameter counts and 1000 logits") {
  torch::NoGradGuard no_grad;
  const std::vector<std::pair<std::string, int64_t>> published = {
      {"alexnet", 61100840},  {"mobilenet_v2", 3504872}, {"mnasnet1_0", 4383312},
      {"resnet50", 25557032}, {"resnet152", 60192808},   {"resnext101_32x8d", 88791336}};
  for (const auto& [name, count] : published) {
    CAPTURE(name);
    auto net = make_architecture(name);
    CHECK(parameters(*net.module) == count);
    net.module->eval();
    if (name == "mobilenet_v2" || name == "alexnet")
      CHECK(net.forward(torch::randn(net.input_shape)).sizes() == torch::IntArrayRef{1, 1000});
  }
}

TEST_CASE("multiplexer: four stride-2 convolutions, MACs counted by hand") {
  MuxNet net(5, 64);
  // 32*32*16*3*9 + 16*16*32*16*9 + 8*8*64*32*9 + 4*4*128*64*9 + 128*5
  CHECK(net->gmacs() * 1e9 == doctest::Approx(3981952.0));
  CHECK(net->forward(torch::randn({2, 3, 64, 64})).sizes() == torch::IntArrayRef{2, 5});
  CHECK(net->embed(torch::randn({2, 3, 64, 64})).sizes() == torch::IntArrayRef{2, 128});
  MuxNet grey(6, 28, 1);
  CHECK(grey->forward(torch::randn({1, 1, 28, 28})).sizes() == torch::IntArrayRef{1, 6});
}
