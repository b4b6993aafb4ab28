#include "learn/mux/losses.hpp"

namespace muxsim::learn {

torch::Tensor contrastive_loss(const std::vector<torch::Tensor>& z, const torch::Tensor& c) {
  const auto n = static_cast<int64_t>(z.size());
  auto total = torch::zeros({}, z.front().options());
  int64_t slots = 0;
  for (int64_t i = 0; i < n; ++i)
    for (int64_t j = i + 1; j < n; ++j) {
      const auto cos = (z[i] * z[j]).sum(1);
      const auto ci = c.select(1, i), cj = c.select(1, j);
      const auto both = ci * cj;
      const auto one = ci * (1 - cj) + cj * (1 - ci);
      const auto pull = -torch::log(torch::clamp((1 + cos) / 2, kLogFloor, 1.0));
      const auto push = -torch::log(torch::clamp((1 - cos) / 2, kLogFloor, 1.0));
      total = total + (both * pull + one * push).sum();
      slots += cos.size(0);
    }
  return slots > 0 ? total / static_cast<double>(slots) : total;
}

torch::Tensor mux_loss(const torch::Tensor& logits, const torch::Tensor& gflops,
                       const torch::Tensor& correct) {
  const auto relative = gflops / gflops.max();
  const auto w = torch::softmax(logits / relative, 1);
  const auto right_mass = (w * correct).sum(1);
  const auto some_right = correct.sum(1) > 0;
  if (some_right.sum().item<int64_t>() == 0) return torch::zeros({}, logits.options());
  return -torch::log(torch::clamp(right_mass.masked_select(some_right), kLogFloor, 1.0)).mean();
}

torch::Tensor distillation_loss(const torch::Tensor& p, const std::vector<torch::Tensor>& z) {
  auto total = torch::zeros({}, p.options());
  for (const auto& zi : z)
    total = total + (1 - (p * zi.detach()).sum(1)).mean();
  return total / static_cast<double>(z.size());
}

} // namespace muxsim::learn
