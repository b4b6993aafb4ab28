// Distilled early heads (learn/early/distill.hpp): the heads recover a confidence that is a known
// function of the features; views are a function of (seed, image, view); and the scores of
// a fold's images never depend on those images' own views.
#include "learn/early/distill.hpp"

#include <doctest/doctest.h>

using namespace muxsim::learn;

namespace {

double r_squared(const torch::Tensor& predicted, const torch::Tensor& truth) {
  const auto residual = (predicted - truth).pow(2).sum();
  const auto total = (truth - truth.mean()).pow(2).sum();
  return 1.0 - (residual / total).item<double>();
}

} // namespace

TEST_CASE("distilled heads recover a confidence that is a known function of the features") {
  torch::manual_seed(3);
  const long n = 36000, d = 24; // about the rows of 1,040 images x 32 views
  const auto x = torch::randn({n, d});
  const auto w = torch::randn({d}) / std::sqrt(static_cast<double>(d));
  // A linear confidence for ridge, a saturating one (the shape of a max softmax) for the MLP.
  const auto linear = 0.6 + 0.1 * x.mv(w);
  const auto saturating = torch::sigmoid(2.0 * x.mv(w));
  const long cut = 30000;
  const auto train = x.slice(0, 0, cut), test = x.slice(0, cut, n);
  const DistillOptions o; // the fixed hyperparameters muxsim trace uses
  const double ridge = r_squared(fit_ridge(train, linear.slice(0, 0, cut), test, o.ridge_lambda),
                                 linear.slice(0, cut, n));
  const double mlp =
      r_squared(fit_mlp(train, saturating.slice(0, 0, cut), test, o), saturating.slice(0, cut, n));
  MESSAGE("held-out R^2: ridge " << ridge << ", mlp " << mlp);
  CHECK(ridge > 0.99);
  CHECK(mlp > 0.95);
}

TEST_CASE("a linear student of the logits recovers the full model's confidence") {
  // When the logits are a linear function of the features (as at MobileNetV2's last cut,
  // where only the classifier follows the pool), the student's own max softmax is the model's.
  torch::manual_seed(4);
  const long n = 36000, d = 24, classes = 10, cut = 30000;
  const auto x = torch::randn({n, d});
  const auto logits = x.mm(torch::randn({d, classes}) / std::sqrt(static_cast<double>(d)) * 3.0);
  const auto predicted =
      fit_ridge(x.slice(0, 0, cut), logits.slice(0, 0, cut), x.slice(0, cut, n), 10.0);
  REQUIRE(predicted.sizes() == torch::IntArrayRef({n - cut, classes}));
  const double r2 = r_squared(max_softmax(predicted), max_softmax(logits.slice(0, cut, n)));
  MESSAGE("held-out R^2 of the student's max softmax: " << r2);
  CHECK(r2 > 0.95);
}

TEST_CASE("views are a function of the seed, the image and the view number") {
  const auto image = torch::rand({3, 40, 52});
  ViewOptions o;
  o.crop = 32;
  const auto a = make_view(image, 5, 2, o);
  CHECK(a.sizes() == torch::IntArrayRef({3, 32, 32}));
  CHECK(torch::equal(a, make_view(image, 5, 2, o)));
  CHECK_FALSE(torch::equal(a, make_view(image, 5, 3, o)));
  CHECK_FALSE(torch::equal(a, make_view(image, 6, 2, o)));
  o.seed = 2;
  CHECK_FALSE(torch::equal(a, make_view(image, 5, 2, o)));
}

TEST_CASE("a fold's scores never depend on its own images' views") {
  torch::manual_seed(5);
  const int images = 40, views = 3, folds = 4;
  std::vector<int> fold(images);
  for (int i = 0; i < images; ++i)
    fold[static_cast<std::size_t>(i)] = i % folds;
  ViewFeatures v;
  v.blocks = {1};
  v.views = views;
  v.pooled = {torch::randn({images * views, 6})};
  v.max_softmax = torch::rand({images * views});
  v.margin = torch::rand({images * views});
  v.logits = torch::randn({images * views, 5});
  PrefixFeatures centre;
  centre.pooled = {torch::randn({images, 6}), torch::randn({images, 6})};
  DistillOptions o;
  o.epochs = 2;
  const std::vector<long> macs = {10, 20};
  const auto before = train_distilled_muxes(macs, v, centre, fold, folds, o, false);
  // Change every view (features and targets) of fold 0's images: fold 0's scores must not
  // move, and every other fold's must.
  for (int i = 0; i < images; i += folds)
    for (int k = 0; k < views; ++k) {
      v.pooled[0][i * views + k] = torch::randn({6});
      v.max_softmax[i * views + k] = 0.5;
      v.margin[i * views + k] = 3.0;
      v.logits[i * views + k] = torch::randn({5});
    }
  const auto after = train_distilled_muxes(macs, v, centre, fold, folds, o, false);
  REQUIRE(before.size() == 6); // ridge, mlp and student; softmax and margin
  for (std::size_t h = 0; h < before.size(); ++h) {
    CHECK(before[h].prefix_macs == 20);
    for (int i = 0; i < images; ++i) {
      const auto at = static_cast<std::size_t>(i);
      if (fold[at] == 0)
        CHECK(before[h].score[at] == after[h].score[at]);
      else
        CHECK(before[h].score[at] != after[h].score[at]);
    }
    for (int f = 0; f < folds; ++f)
      for (const auto i : before[h].trained[static_cast<std::size_t>(f)])
        CHECK(fold[i] != f);
  }
}
