// The losses of Algorithm 1 on hand-made embeddings: each case has the sign and size the
// equations give, and none is infinite.
#include "learn/mux/losses.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace muxsim::learn;

namespace {
torch::Tensor unit(std::vector<float> v) {
  auto t = torch::tensor(v).view({1, -1});
  return t / t.norm();
}
double loss_of(const torch::Tensor& a, const torch::Tensor& b, float ca, float cb) {
  return contrastive_loss({a, b}, torch::tensor({ca, cb}).view({1, 2})).item<double>();
}
} // namespace

TEST_CASE("contrastive loss (Eq. 2-3): pull when both right, push when one is wrong") {
  const auto x = unit({1, 0}), same = unit({1, 0}), opposite = unit({-1, 0}), ortho = unit({0, 1});
  // Both right: zero when aligned, log 2 when orthogonal, large (but finite) when opposed.
  CHECK(loss_of(x, same, 1, 1) == doctest::Approx(0.0).epsilon(1e-6));
  CHECK(loss_of(x, ortho, 1, 1) == doctest::Approx(std::log(2.0)));
  CHECK(loss_of(x, opposite, 1, 1) == doctest::Approx(-std::log(kLogFloor)));
  // One right, one wrong: the mirror image, whichever of the two is right.
  CHECK(loss_of(x, opposite, 1, 0) == doctest::Approx(0.0).epsilon(1e-6));
  CHECK(loss_of(x, ortho, 0, 1) == doctest::Approx(std::log(2.0)));
  CHECK(loss_of(x, same, 0, 1) == doctest::Approx(-std::log(kLogFloor)));
  // Both wrong: no term at all.
  CHECK(loss_of(x, opposite, 0, 0) == 0.0);
  CHECK(loss_of(x, same, 0, 0) == 0.0);
  // Monotone in the cosine, and finite, between the cases.
  const auto near = unit({1, 0.2f}), far = unit({1, 2});
  CHECK(loss_of(x, near, 1, 1) < loss_of(x, far, 1, 1));
  CHECK(loss_of(x, near, 1, 0) > loss_of(x, far, 1, 0));
}

TEST_CASE("contrastive loss: gradients are finite at the worst cases") {
  auto a = unit({1, 0}).clone().requires_grad_(true);
  const auto b = unit({-1, 0});
  const auto l = contrastive_loss({a, b}, torch::tensor({1.0f, 1.0f}).view({1, 2}));
  l.backward();
  CHECK(std::isfinite(l.item<double>()));
  CHECK(torch::isfinite(a.grad()).all().item<bool>());
}

TEST_CASE("L_mux (Eq. 4-7): weight on right models; cost division favours cheap ones") {
  const auto gflops = torch::tensor({1.0f, 10.0f});
  // All weight on the right model: loss near 0; on the wrong one: large.
  const auto right_first = torch::tensor({1.0f, 0.0f}).view({1, 2});
  CHECK(mux_loss(torch::tensor({10.0f, -10.0f}).view({1, 2}), gflops, right_first).item<double>() <
        1e-3);
  CHECK(mux_loss(torch::tensor({-10.0f, 10.0f}).view({1, 2}), gflops, right_first).item<double>() >
        5);
  // Equal logits: the cheap model's logit is divided by 0.1, so it gets most weight (Eq. 5-6).
  const auto equal = torch::tensor({1.0f, 1.0f}).view({1, 2});
  const double w_cheap = 1 / (1 + std::exp(1.0 - 10.0));
  CHECK(mux_loss(equal, gflops, right_first).item<double>() ==
        doctest::Approx(-std::log(w_cheap)).epsilon(1e-4));
  // No model right: no signal, no term.
  CHECK(mux_loss(equal, gflops, torch::zeros({1, 2})).item<double>() == 0.0);
}

TEST_CASE("distillation (Eq. 8): zero when aligned with every model, 1 - cos otherwise") {
  const auto p = unit({1, 0});
  CHECK(distillation_loss(p, {unit({1, 0}), unit({1, 0})}).item<double>() ==
        doctest::Approx(0.0).epsilon(1e-6));
  CHECK(distillation_loss(p, {unit({1, 0}), unit({0, 1})}).item<double>() == doctest::Approx(0.5));
  CHECK(distillation_loss(p, {unit({-1, 0})}).item<double>() == doctest::Approx(2.0));
}
