// Out-of-fold training: no input is scored by a network that trained on it, and the
// network does learn a pattern that is there.
#include "core/base/input_error.hpp"
#include "core/mux/roc.hpp"
#include "learn/early/feature_head.hpp"
#include "learn/mux/mux_train.hpp"

#include <doctest/doctest.h>
#include <set>

using namespace muxsim;
using namespace muxsim::learn;

TEST_CASE("out-of-fold scores: every input scored once, never by a network trained on it") {
  const int n = 60;
  const auto images = torch::randn({n, 3, 16, 16});
  std::vector<std::vector<bool>> correct(n, {true, false});
  for (int i = 0; i < n; i += 3)
    correct[i][1] = true;
  MuxTrainOptions o;
  o.folds = 4;
  o.epochs = 1;
  o.progress = false;
  const auto s = train_out_of_fold(images, correct, o);
  REQUIRE(s.trained.size() == 4);
  for (int i = 0; i < n; ++i) {
    const auto& trained = s.trained[s.fold[i]];
    CHECK(std::find(trained.begin(), trained.end(), static_cast<std::size_t>(i)) == trained.end());
    for (double v : s.score[i])
      CHECK((v > 0 && v < 1));
  }
  std::size_t total = 0;
  for (const auto& t : s.trained)
    total += t.size();
  CHECK(total == static_cast<std::size_t>(n * 3)); // each input trains 3 of the 4 networks
}

TEST_CASE("the multiplexer learns which inputs a model gets right when pixels tell") {
  // Model 0 is right exactly on bright images; the out-of-fold AUC must be high.
  torch::manual_seed(7);
  const int n = 240;
  auto images = torch::randn({n, 3, 16, 16}) * 0.3;
  std::vector<std::vector<bool>> correct(n, {false});
  for (int i = 0; i < n; ++i)
    if (i % 2 == 0) {
      images[i] += 1.0;
      correct[i][0] = true;
    }
  MuxTrainOptions o;
  o.folds = 3;
  o.epochs = 8;
  o.batch = 32;
  o.learning_rate = 3e-3;
  o.progress = false;
  const auto s = train_out_of_fold(images, correct, o);
  std::vector<double> score;
  std::vector<bool> right;
  for (int i = 0; i < n; ++i)
    score.push_back(s.score[i][0]), right.push_back(correct[i][0]);
  CHECK(roc_auc(score, right) > 0.95);
}

TEST_CASE("early multiplexer head: learns correctness that is linear in the features") {
  // 600 inputs, 16 features; model 0 is right when w0.x > 0, model 1 when w1.x > 0.5.
  torch::manual_seed(7);
  const int n = 600;
  const auto x = torch::randn({n, 16});
  const auto w = torch::randn({16, 2});
  const auto margin = x.matmul(w) - torch::tensor({0.0f, 0.5f});
  const auto targets = (margin > 0).to(torch::kFloat32);
  for (const auto kind : {HeadKind::Logistic, HeadKind::Mlp}) {
    HeadOptions head;
    head.kind = kind;
    auto fit = [&](const std::vector<std::size_t>& train, const std::vector<std::size_t>& score,
                   int) { return fit_and_score_head(x, targets, train, score, head); };
    const auto s = out_of_fold(n, 2, 5, 1, fit, false);
    for (int m = 0; m < 2; ++m) {
      std::vector<double> scores;
      std::vector<bool> right;
      for (int i = 0; i < n; ++i)
        scores.push_back(s.score[i][m]), right.push_back(targets[i][m].item<float>() > 0.5f);
      CAPTURE(head_kind_name(kind));
      CHECK(roc_auc(scores, right) > 0.95);
    }
  }
  CHECK(head_macs(1280, 5, HeadOptions{}) == 6400);
  HeadOptions mlp;
  mlp.kind = HeadKind::Mlp;
  CHECK(head_macs(1280, 5, mlp) == 1280 * 64 + 64 * 5);
  // A kind is parsed once, from its option's text, and named back the same way.
  CHECK(parse_head_kind("mlp") == HeadKind::Mlp);
  CHECK(head_kind_name(parse_head_kind("logistic")) == std::string("logistic"));
  CHECK_THROWS_WITH_AS(parse_head_kind("forest"),
                       doctest::Contains("--head 'forest' must be logistic or mlp"), InputError);
}
